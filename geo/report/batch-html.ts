/**
 * The batch as one A4 HTML page: the table first, then each filing's report on its own pages
 * (the same body `czd report` writes), so a reviewer prints the whole desk at once.
 */
import type { Lang } from "../messages";
import type { BatchEntry } from "./batch-row";
import { BATCH_COLUMNS, batchCells, batchSummary } from "./batch-table";
import { REPORT_CSS } from "./css";
import { reportBodyHtml } from "./html";
import { escapeXml as esc } from "./map";

export const BATCH_CSS = `
.czd-report table.batch { font-size: 8.5pt; }
.czd-report .batch th, .czd-report .batch td { word-break: keep-all; }
.czd-report .batch td:first-child { overflow-wrap: anywhere; word-break: normal; }
.czd-report .batch td:nth-child(4) { white-space: nowrap; }
.czd-report .batch td.pass { color: #0b6b2e; font-weight: 700; }
.czd-report .batch td.fail, .czd-report .batch td.unreadable { color: #b00020; font-weight: 700; }
body.czd-report > main.czd-report { break-before: page; page-break-before: always; }
`;

const NUMERIC = new Set([5, 6, 7]);

/** The batch table as an HTML table (also the app's reviewer table). */
export function batchTableHtml(entries: readonly BatchEntry[], lang: Lang): string {
  const L = (ko: string, en: string): string =>
    lang === "en" ? esc(en) : `${esc(ko)} <span class="en">${esc(en)}</span>`;
  const head = BATCH_COLUMNS.map(([ko, en]) => `<th>${L(ko, en)}</th>`).join("");
  const rows = entries.map(({ row }, k) => {
    const verdict = row.ok ? row.verdict : "unreadable";
    const cells = batchCells(row, lang)
      .map((c, i) => {
        const cls = i === 4 ? verdict : NUMERIC.has(i) ? "num" : "";
        return `<td${cls ? ` class="${cls}"` : ""}>${esc(c)}</td>`;
      })
      .join("");
    return `<tr data-row="${k}">${cells}</tr>`;
  });
  return `<table class="batch"><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

export interface BatchHtmlInput {
  entries: readonly BatchEntry[];
  lang?: Lang;
  generatedAt: string;
  /** Lines after the summary (the caps over several zones), already in the asked language. */
  notes?: readonly string[];
}

export function batchHtml(i: BatchHtmlInput): string {
  const lang = i.lang ?? "ko";
  const title = lang === "en" ? "Cluster zone filings under review" : "클러스터 지구 일괄 검토";
  const rows = i.entries.map((e) => e.row);
  const notes = (i.notes ?? []).map((n) => `<p>${esc(n)}</p>`).join("");
  const reports = i.entries
    .map((e) =>
      e.checked
        ? reportBodyHtml({
            report: e.checked.report,
            zone: e.checked.zone,
            ruleSet: e.checked.ruleSet,
            fileName: e.row.file,
            sha256: e.checked.sha256,
            generatedAt: i.generatedAt,
            lang,
            ...(e.checked.hubs ? { hubs: e.checked.hubs } : {}),
          })
        : "",
    )
    .join("");
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${REPORT_CSS}${BATCH_CSS}</style></head>
<body class="czd-report"><section class="czd-report batch-page"><h1>${esc(title)}</h1><p class="note">${esc(i.generatedAt)}</p>${batchTableHtml(i.entries, lang)}<p>${esc(batchSummary(rows, lang))}</p>${notes}</section>${reports}</body></html>
`;
}
