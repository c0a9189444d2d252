/**
 * The 지번 조서 as the A4 report's appendix: the same cells as the CSV and XLSX (josoCells), one
 * table whose header repeats on every printed page.
 */
import { errorText, isFilingError } from "../errors";
import type { Lang } from "../messages";
import { escapeXml as esc } from "../report/map";
import type { Zone } from "../types";
import type { BjdTable } from "./bjd";
import { buildJoso, type CadastreIndex, type Joso } from "./joso";
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

/**
 * The appendix of a zone against the cadastre open: the 조서 table, or, when a 구역 names a 필지
 * the cadastre does not hold (its 시·군's file closed, or never opened), the one-line reason in
 * its place (naming the 구역, the PNU and where it lies), so the report is still made and says
 * why it has no 조서 (never a 조서 silently short of a 필지). Other errors are thrown.
 */
export function josoAppendixOf(
  zone: Zone,
  cadastre: CadastreIndex,
  table: BjdTable,
  lang: Lang = "ko",
): string {
  try {
    return josoAppendixHtml(buildJoso(zone, cadastre, table), lang);
  } catch (e) {
    const params = isFilingError(e) ? (e.data.params as { kind?: unknown } | undefined) : undefined;
    if (!isFilingError(e) || params?.kind !== "PNU_NOT_IN_MAP") throw e;
    const title =
      lang === "en"
        ? "Appendix: parcel schedule (지번 조서)"
        : '부록: 지번 조서 <span class="en">Appendix: parcel schedule</span>';
    const lead =
      lang === "en" ? "The parcel schedule could not be made: " : "지번 조서를 만들 수 없습니다: ";
    return `<section class="appendix">${STYLE}<h2>${title}</h2><p class="joso-unmade">${esc(lead + errorText(e.data, lang))}</p></section>`;
  }
}
