/** The cadastre layer follows the cadastre store; a picked 필지 or a dragged box goes to the zone store. */

import type { Position } from "geojson";
import { bindCover } from "../actions/cadastre-cover";
import { togglePilji } from "../actions/cadastre-pick";
import { selectBox } from "../actions/cadastre-select";
import type { CadastreBox } from "../map/cadastre-box";
import type { CadastreLayer } from "../map/cadastre-layer";
import { useCadastre } from "../store/cadastre";
import type { AppStore } from "../store/store";

let boxOnMap: CadastreBox | null = null;

/** The map view's four corners (lon/lat), for "필지 in view"; none before the map is up. */
export function viewCorners(): Position[] {
  return boxOnMap?.viewCorners() ?? [];
}

export function bindCadastre(store: AppStore, layer: CadastreLayer, box?: CadastreBox): () => void {
  layer.onPick = (pnu) => void togglePilji(store, pnu);
  if (box) {
    boxOnMap = box;
    box.onBox = (corners) => void selectBox(store, corners);
  }
  const s = useCadastre.getState();
  layer.setOutlines(s.url);
  layer.setPicking(s.picking);
  box?.setOn(s.boxing);
  layer.setJimokColours(s.jimokColours);
  const offCadastre = useCadastre.subscribe((next, prev) => {
    if (next.url !== prev.url) layer.setOutlines(next.url);
    if (next.jimokColours !== prev.jimokColours) layer.setJimokColours(next.jimokColours);
    if (next.picking !== prev.picking) layer.setPicking(next.picking);
    if (next.boxing !== prev.boxing) box?.setOn(next.boxing);
  });
  // A drawing tool taken up ends picking and boxing: a click must not both draw and pick a 필지.
  const offTool = store.subscribe((next, prev) => {
    if (next.tool !== prev.tool && next.tool !== "none")
      useCadastre.setState({ picking: false, boxing: false });
  });
  const offCover = bindCover(store);
  return () => {
    offCadastre();
    offTool();
    offCover();
    if (boxOnMap === box) boxOnMap = null;
  };
}
