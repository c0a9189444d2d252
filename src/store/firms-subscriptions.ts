/** The firms' side effect: the map's firm overlay follows the store's firms. */
import type { FirmSet } from "./firms-slice";
import type { AppStore } from "./store";

export interface FirmsView {
  setFirms: (firms: FirmSet | null) => void;
}

/** Draws the firms now and whenever they change. Returns unsubscribe. */
export function subscribeFirms(store: AppStore, view: FirmsView): () => void {
  view.setFirms(store.getState().firms);
  return store.subscribe((s, prev) => {
    if (s.firms !== prev.firms) view.setFirms(s.firms);
  });
}
