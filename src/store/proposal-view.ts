/**
 * A Phase 3 proposal as the app keeps and shows it: made by the firms Worker
 * (src/workers/firms-protocol.ts carries it), held in the firms slice, drawn by the map and
 * compared in the proposals panel.
 */
import type { EnvelopeShape, Report, Zone } from "../../geo/index";

/** One shape's proposal as the panel shows it, or why there is none. */
export interface ProposalView {
  shape: EnvelopeShape;
  covered: number;
  total: number;
  share: number;
  coveredFirms: number;
  totalFirms: number;
  /** Weight in the parcels against their area: [km², weight] as cells are added. */
  curve: [number, number][];
  bound: number;
  method: string;
  parcelsCount: number;
  parcelsKm2: number;
  parcelsWeight: number;
  hubs: number;
  envelope: Report["envelope"];
  zone: Zone;
  ruleSetId: string;
  error?: { ko: string; en: string };
}
