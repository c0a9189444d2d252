/** Messages between the app and the check Worker (structured-clone values only). */
import type { ErrorData, Hub, Parcel, Report, RuleSet, Zone } from "../../geo/index";

/** Where the Worker fetches the 시·도 and 시·군·구 boundaries the page also uses. */
export interface SetupRequest {
  kind: "setup";
  sidoUrl: string;
  sigunguUrl: string;
}

/** The visible hub layers, sent once per layer change (never per edit). */
export interface HubsRequest {
  kind: "hubs";
  version: number;
  sources: { name: string; hubs: Hub[] }[];
}

export interface CheckRequest {
  kind: "check";
  id: number;
  /** The zone the Worker keeps under `zoneKey`; sent only when that key is new to it. */
  zoneKey: number;
  zone?: Zone;
  /** A dragged parcel standing in for the parcel of the same id. */
  preview?: Parcel;
  ruleSet: RuleSet;
  /** The rule set is the app's stand-in for an unknown id: the Worker makes its own. */
  unknownRuleSet: boolean;
  hubsVersion: number;
  /** Wait for the 시·군·구 (an export's report names them as `czd check` does). */
  awaitSigungu: boolean;
}

export type CheckWorkerRequest = SetupRequest | HubsRequest | CheckRequest;

export type CheckWorkerReply =
  /**
   * `sigungu`: the 시·군·구 were in when the report was made; `failed`: the check threw, and
   * `report` is the panel's stand-in (a review says why instead).
   */
  | { kind: "report"; id: number; report: Report; sigungu: boolean; failed?: CheckFailure }
  /** The 시·군·구 arrived (or could not be had): a report without them may be redone. */
  | { kind: "sigungu" };

/** Why the geo core could not check a zone: its FilingError as data (a plain error as CANNOT_CHECK). */
export type CheckFailure = ErrorData;
