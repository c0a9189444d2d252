/** The cadastre layer follows the cadastre store; a picked 필지 goes to the zone store. */

import { togglePilji } from "../actions/cadastre-pick";
import type { CadastreLayer } from "../map/cadastre-layer";
import { useCadastre } from "../store/cadastre";
import type { AppStore } from "../store/store";

export function bindCadastre(store: AppStore, layer: CadastreLayer): () => void {
  layer.onPick = (pnu) => void togglePilji(store, pnu);
  const s = useCadastre.getState();
  layer.setOutlines(s.url);
  layer.setPicking(s.picking);
  layer.setJimokColours(s.jimokColours);
  const offCadastre = useCadastre.subscribe((next, prev) => {
    if (next.url !== prev.url) layer.setOutlines(next.url);
    if (next.jimokColours !== prev.jimokColours) layer.setJimokColours(next.jimokColours);
    if (next.picking !== prev.picking) layer.setPicking(next.picking);
  });
  // A drawing tool taken up ends picking: a click must not both draw and pick a 필지.
  const offTool = store.subscribe((next, prev) => {
    if (next.tool !== prev.tool && next.tool !== "none") useCadastre.setState({ picking: false });
  });
  return () => {
    offCadastre();
    offTool();
  };
}
