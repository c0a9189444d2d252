/** Messages between the app and the firms Worker (structured-clone values only). */
import type { EnvelopeShape, FirmBins, Firms, Hub, Report, RuleSet, Zone } from "../../geo/index";

export interface ImportRequest {
  kind: "import";
  id: number;
  bytes: Uint8Array;
  name: string;
  weight?: string;
  /** `column=value[,value…]`: only those firms. */
  industry?: string;
  crs?: string;
}

export interface ProposeRequest {
  kind: "propose";
  id: number;
  firms: Firms;
  ruleSet: RuleSet;
  sido?: string;
  hubs: Hub[];
  shapes: EnvelopeShape[];
}

export type WorkerRequest = ImportRequest | ProposeRequest;

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

export type WorkerReply =
  | { kind: "progress"; id: number; share: number }
  | { kind: "firms"; id: number; firms: Firms; bins: FirmBins }
  | { kind: "proposals"; id: number; proposals: ProposalView[] }
  | { kind: "error"; id: number; ko: string; en: string };
