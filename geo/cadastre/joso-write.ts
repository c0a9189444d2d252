/**
 * The 지번 조서 as files: CSV (UTF-8 with a BOM, which Excel needs to read Korean, or CP949 for
 * older office tools) and XLSX. Both carry the same cells: the 필지 rows of each 구역, then its
 * 소계, then the zone's 합계. Areas are m² to two decimals; totals are summed before rounding.
 */
import writeXlsxFile from "write-excel-file/universal";
import { encodeText, type TextEncodingId } from "../io/text";
import type { Joso } from "./joso";

export const JOSO_HEADER = [
  "연번",
  "구역",
  "소재지",
  "지번",
  "지목",
  "도면 면적(㎡)",
  "편입 면적(㎡)",
  "비고",
] as const;

type Cell = string | number;

const m2 = (v: number): number => Number(v.toFixed(2));

/** The 조서's cells, row by row: header, 필지 and 소계 of each 구역, 합계. */
export function josoCells(joso: Joso): Cell[][] {
  const out: Cell[][] = [[...JOSO_HEADER]];
  let at = 0;
  for (const total of joso.parcels) {
    for (const r of joso.rows.slice(at, at + total.count)) {
      out.push([
        r.no,
        r.parcel,
        r.sojaeji,
        r.jibun,
        r.jimok,
        m2(r.drawingM2),
        m2(r.includedM2),
        r.partial ? "일부 편입" : "",
      ]);
    }
    at += total.count;
    out.push([
      "",
      `${total.parcel} 소계`,
      "",
      `${total.count}필지`,
      "",
      m2(total.drawingM2),
      m2(total.includedM2),
      "",
    ]);
  }
  out.push([
    "",
    "합계",
    "",
    `${joso.zone.count}필지`,
    "",
    m2(joso.zone.drawingM2),
    m2(joso.zone.includedM2),
    "",
  ]);
  return out;
}

function csvCell(c: Cell): string {
  const s = typeof c === "number" ? c.toFixed(2) : c;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The 조서 as CSV bytes: UTF-8 with a BOM, or CP949. CRLF line ends, as Excel writes. */
export function josoCsv(joso: Joso, encoding: TextEncodingId = "utf-8"): Uint8Array {
  const lines = josoCells(joso).map((row, i) =>
    row
      .map((c, j) => (i > 0 && j === 0 && typeof c === "number" ? String(c) : csvCell(c)))
      .join(","),
  );
  return encodeText(`${lines.join("\r\n")}\r\n`, encoding, encoding === "utf-8");
}

/** The 조서 as an XLSX workbook (one sheet, 지번조서). */
export async function josoXlsx(joso: Joso): Promise<Uint8Array> {
  const cells = josoCells(joso);
  const data = cells.map((row, i) =>
    row.map((value, j) =>
      typeof value === "number"
        ? { value, type: Number, format: j === 0 ? "0" : "#,##0.00" }
        : { value, type: String, fontWeight: i === 0 ? ("bold" as const) : undefined },
    ),
  );
  const blob = await writeXlsxFile(data, {
    sheet: "지번조서",
    columns: [
      { width: 6 },
      { width: 14 },
      { width: 30 },
      { width: 10 },
      { width: 10 },
      { width: 14 },
      { width: 14 },
      { width: 10 },
    ],
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
