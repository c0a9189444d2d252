/**
 * The batch for a terminal: the table (columns aligned for Hangul, which a terminal draws two
 * cells wide), the summary, then each filing's own report exactly as `czd check <file>` prints it.
 */
import type { Lang } from "../messages";
import { stripControls } from "../sanitize";
import type { BatchEntry } from "./batch-row";
import { BATCH_COLUMNS, batchCells, batchSummary } from "./batch-table";
import { inLang } from "./labels";
import { formatReportText } from "./text";

/** Terminal cells of a string: Hangul, CJK and fullwidth forms take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    w += wide ? 2 : 1;
  }
  return w;
}

const pad = (text: string, width: number): string =>
  text + " ".repeat(Math.max(0, width - displayWidth(text)));

/** The table alone: a header, a rule and one line a filing. */
export function batchTableText(entries: readonly BatchEntry[], lang: Lang): string {
  const head = BATCH_COLUMNS.map((c) => inLang(c, lang));
  const body = entries.map((e) => batchCells(e.row, lang).map(stripControls));
  const widths = head.map((h, k) =>
    Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[k] ?? ""))),
  );
  const line = (cells: string[]): string =>
    cells
      .map((c, k) => (k === cells.length - 1 ? c : pad(c, widths[k] ?? 0)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(head), rule, ...body.map(line)].join("\n");
}

/** Lines after the table (the caps over several zones), each already in the asked language. */
export function batchText(
  entries: readonly BatchEntry[],
  lang: Lang,
  notes: readonly string[] = [],
): string {
  const rows = entries.map((e) => e.row);
  const out = [
    batchTableText(entries, lang),
    "",
    batchSummary(rows, lang),
    ...notes.map(stripControls),
  ];
  for (const e of entries) {
    out.push("", `== ${stripControls(e.row.file)} ==`);
    if (e.checked) out.push(formatReportText(e.checked.report, lang).trimEnd());
    else if (!e.row.ok) out.push(stripControls(e.row.message[lang]));
  }
  return `${out.join("\n")}\n`;
}
