/**
 * The 지번 조서 as the A4 report's appendix: the same cells as the CSV and XLSX (josoCells), one
 * table whose header repeats on every printed page.
 */
import type { Lang } from "../messages";
import { escapeXml as esc } from "../report/map";
import type { Joso } from "./joso";
import { josoCells } from "./joso-write";

const m2 = (v: number): string =>
  v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Its own few rules, carried with it: the report's CSS stays as it is. */
const STYLE =
  "<style>.czd-report .appendix{break-before:page}.czd-report .joso td.num{text-align:right;white-space:nowrap}.czd-report .joso tr.total td{font-weight:700}</style>";

/** `<section>` with the 조서 table; numbers right-aligned, 소계 and 합계 rows in bold. */
export function josoAppendixHtml(joso: Joso, lang: Lang = "ko"): string {
  const [header, ...rows] = josoCells(joso);
  const title =
    lang === "en"
      ? "Appendix: parcel schedule (지번 조서)"
      : '부록: 지번 조서 <span class="en">Appendix: parcel schedule</span>';
  const head = (header ?? []).map((c) => `<th>${esc(String(c))}</th>`).join("");
  const body = rows
    .map((row) => {
      const total = row[0] === "";
      const cells = row
        .map((c, j) =>
          typeof c === "number" && j > 0
            ? `<td class="num">${m2(c)}</td>`
            : `<td${j === 0 ? ' class="num"' : ""}>${esc(String(c))}</td>`,
        )
        .join("");
      return `<tr${total ? ' class="total"' : ""}>${cells}</tr>`;
    })
    .join("");
  return `<section class="appendix">${STYLE}<h2>${title}</h2><table class="joso"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></section>`;
}
