/** The firms' side effects: the map's firm overlay and proposal outlines follow the store. */
import type { FeatureCollection } from "geojson";
import type { AppStore } from "../store/store";
import type { ProposalView } from "../workers/firms-protocol";
import type { EnvelopeProps, FirmsView } from "./contract";
import { envelopeCollection } from "./scene";

/** Every proposal's envelope outline, as the zone's own is drawn, tagged with its shape. */
export function proposalOutlines(proposals: ProposalView[] | null): FeatureCollection | null {
  if (!proposals) return null;
  return {
    type: "FeatureCollection",
    features: proposals.flatMap((p) => {
      const envelope = p.error ? null : p.zone.envelope;
      if (!envelope) return [];
      const properties: EnvelopeProps = {
        role: "envelope",
        shape: envelope.shape,
        proposal: p.shape,
      };
      return envelopeCollection(envelope).features.map((f) => ({ ...f, properties }));
    }),
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
