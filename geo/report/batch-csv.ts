/**
 * The batch table as CSV (RFC 4180) for a reviewer's spreadsheet: a UTF-8 BOM so Excel on a
 * Korean Windows reads Hangul right, numbers unformatted (no thousands separators) so they sum.
 */
import type { Lang } from "../messages";
import type { BatchEntry } from "./batch-row";
import { BATCH_COLUMNS, verdictLabel } from "./batch-table";
import { inLang } from "./labels";

function cell(v: string | number | undefined): string {
  if (v === undefined) return "";
  const s = String(v);
  // A leading = + - @ would be run as a formula by a spreadsheet: a file name is input.
  const safe = /^[=+\-@]/.test(s) && typeof v === "string" ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function batchCsv(entries: readonly BatchEntry[], lang: Lang): string {
  const head = [
    ...BATCH_COLUMNS.slice(0, 6),
    ["도달 (㎞)", "Reach (km)"],
    ["한도 (㎞)", "Limit (km)"],
    ...BATCH_COLUMNS.slice(7),
  ] as const;
  const lines = [head.map((c) => cell(inLang(c, lang))).join(",")];
  for (const { row } of entries) {
    const cells = row.ok
      ? [
          row.file,
          row.zone,
          row.sido.code ?? "",
          row.ruleSet,
          verdictLabel(row.verdict, lang),
          row.totalKm2,
          row.reachKm,
          row.limitKm,
          row.hubs,
          [...row.errors, ...row.warnings.map((c) => `(${c})`)].join(" "),
        ]
      : [row.file, "", "", "", verdictLabel("unreadable", lang), "", "", "", "", row.message[lang]];
    lines.push(cells.map(cell).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
