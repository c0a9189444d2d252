/**
 * One row of the reviewer's batch table (`czd check a b c …`, the app's reviewer mode): the
 * figures of one filing's report, or the message of a file that could not be read. Every figure
 * is the report's own value, never recomputed, so the table equals the single reports row by row.
 */
import type { Hub, Report, RuleSet, Zone } from "../types";

/** A filing the checker could read: its report's figures. */
export interface CheckedRow {
  file: string;
  ok: true;
  /** The zone's name (`czd.name`), or "" when the filing names none. */
  zone: string;
  sido: { code: string | null; name: string | null };
  ruleSet: string;
  ruleSetVersion: string;
  verdict: Report["verdict"];
  totalKm2: number;
  /** The envelope's reach and the limit that applied, km; absent where the report has none. */
  reachKm?: number;
  limitKm?: number;
  hubs: number;
  /** The codes of the findings that are errors, then of the warnings, in the report's order. */
  errors: string[];
  warnings: string[];
}

/** A file the checker could not use (exit 2 for the batch): its one-line message. */
export interface UnreadableRow {
  file: string;
  ok: false;
  message: { ko: string; en: string };
}

export type BatchRow = CheckedRow | UnreadableRow;

/** The row of a checked filing. `zoneName` is the filing's `czd.name`. */
export function batchRowOf(file: string, zoneName: unknown, report: Report): CheckedRow {
  const e = report.envelope;
  return {
    file,
    ok: true,
    zone: typeof zoneName === "string" ? zoneName : "",
    sido: { code: report.sido.code, name: report.sido.name },
    ruleSet: report.ruleSet,
    ruleSetVersion: report.ruleSetVersion,
    verdict: report.verdict,
    totalKm2: report.area.totalKm2,
    ...(e.reachKm !== undefined ? { reachKm: e.reachKm } : {}),
    ...(e.limitKm !== undefined ? { limitKm: e.limitKm } : {}),
    hubs: report.hubs.counts.total,
    errors: report.findings.filter((f) => f.severity === "error").map((f) => f.code),
    warnings: report.findings.filter((f) => f.severity === "warning").map((f) => f.code),
  };
}

/** The batch's exit code: 2 if any file can't be read, else 1 if any fails, else 0 (FILING.md). */
export function batchExitCode(rows: readonly BatchRow[], extraErrors = 0): number {
  if (rows.some((r) => !r.ok)) return 2;
  if (extraErrors > 0 || rows.some((r) => r.ok && r.verdict === "fail")) return 1;
  return 0;
}

/** One filing of a batch: its row, and for a readable filing what its full report needs. */
export interface BatchEntry {
  row: BatchRow;
  checked?: {
    report: Report;
    zone: Zone;
    ruleSet: RuleSet;
    sha256: string;
    /** The hubs counted, for the report's parcel map. */
    hubs?: readonly Hub[];
  };
}
