/**
 * The batch as JSON (`czd check a b … --format json`): every row, and for a readable filing its
 * full report, exactly the object `czd check <file> --format json` prints.
 */
import type { BatchEntry } from "./batch-row";

export function batchJson(
  entries: readonly BatchEntry[],
  extra: Record<string, unknown> = {},
): string {
  const rows = entries.map((e) => e.row);
  const summary = {
    count: rows.length,
    pass: rows.filter((r) => r.ok && r.verdict === "pass").length,
    fail: rows.filter((r) => r.ok && r.verdict === "fail").length,
    unreadable: rows.filter((r) => !r.ok).length,
  };
  const filings = entries.map((e) => (e.checked ? { ...e.row, report: e.checked.report } : e.row));
  return `${JSON.stringify({ summary, filings, ...extra }, null, 2)}\n`;
}
