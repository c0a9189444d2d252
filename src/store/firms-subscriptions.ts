/** The firms' side effects: the map's firm overlay and proposal outlines follow the store. */
import type { FeatureCollection } from "geojson";
import { envelopeCollection } from "../map/scene";
import type { ProposalView } from "../workers/firms-protocol";
import type { FirmSet } from "./firms-slice";
import type { AppStore } from "./store";

export interface FirmsView {
  setFirms: (firms: FirmSet | null) => void;
  setProposals: (proposals: FeatureCollection | null) => void;
}

/** Every proposal's envelope outline, as the zone's own is drawn, tagged with its shape. */
export function proposalOutlines(proposals: ProposalView[] | null): FeatureCollection | null {
  if (!proposals) return null;
  return {
    type: "FeatureCollection",
    features: proposals.flatMap((p) =>
      p.error
        ? []
        : envelopeCollection(p.zone.envelope).features.map((f) => ({
            ...f,
            properties: { ...f.properties, proposal: p.shape },
          })),
    ),
  };
}

/** Draws the firms and proposals now and whenever they change. Returns unsubscribe. */
export function subscribeFirms(store: AppStore, view: FirmsView): () => void {
  view.setFirms(store.getState().firms);
  view.setProposals(proposalOutlines(store.getState().proposals));
  return store.subscribe((s, prev) => {
    if (s.firms !== prev.firms) view.setFirms(s.firms);
    if (s.proposals !== prev.proposals) view.setProposals(proposalOutlines(s.proposals));
  });
}
