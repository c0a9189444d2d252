/** Messages between the app and the firms Worker (structured-clone values only). */
import type { EnvelopeShape, ErrorData, FirmBins, Firms, Hub, RuleSet } from "../../geo/index";
import type { ProposalView } from "../store/proposal-view";

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

export type WorkerReply =
  | { kind: "progress"; id: number; share: number }
  | { kind: "firms"; id: number; firms: Firms; bins: FirmBins }
  | { kind: "proposals"; id: number; proposals: ProposalView[] }
  /** What went wrong, as data: the page renders it in its language. */
  | { kind: "error"; id: number; error: ErrorData };
