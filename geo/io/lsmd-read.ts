/**
 * The 연속지적도 as VWorld / 국가공간정보포털 distribute it (`LSMD_CONT_LDREG_<code>` Shapefile:
 * zipped, or its .shp .shx .dbf .prj picked together; EPSG:5186, 5174 or 5179; a CP949 .dbf with
 * PNU and JIBUN). A 시·군 is 100,000–400,000 필지, so it is read record by record: `openCadastre`
 * checks the parts and counts the records, `readPilji` yields one 필지 at a time in WGS84, and
 * the caller reports progress or stops between records. Reuses the Shapefile readers of geo/io
 * (records, .shx, .dbf, .prj, CP949, ZIP).
 */
import { splitJibun } from "../cadastre/pnu";
import type { Pilji } from "../cadastre/types";
import { FilingError } from "../errors";
import type { ErrorParams, LsmdProblem } from "../errors/params";
import { reprojectGeometry, SUPPORTED_CRS, toLonLat } from "../measure";
import { excerpt } from "../sanitize";
import { type DbfLayout, dbfLayout, dbfRecord, dbfTextBytes } from "./dbf-read";
import { crsFromPrj } from "./prj";
import { rewind } from "./rewind";
import type { NamedBytes } from "./shp-parts";
import { checkShx, type ShpRecordSpan, shapeOf } from "./shp-records";
import { decodeText, detectEncoding, encodingFromCpg, type TextEncodingId } from "./text";
import { readZip } from "./zip-read";

/** A 시·군 is at most a few hundred MB; a 연속지적도 of a whole 시·도 is not opened at once. */
export const CADASTRE_LIMITS = { maxEntries: 1000, maxTotalBytes: 1024 * 1024 * 1024 };

type Parts = Partial<Record<"shp" | "shx" | "dbf" | "prj" | "cpg", Uint8Array>>;

/** One layer ready to read: its parts checked and its records located. */
export interface CadastreLayer {
  name: string;
  crs: string;
  count: number;
  shp: Uint8Array;
  spans: ShpRecordSpan[];
  dbf: Uint8Array;
  layout: DbfLayout;
  encoding: TextEncodingId;
}

type LsmdFigures = Omit<
  Extract<ErrorParams["BAD_FILE"], { kind: "LSMD" }>,
  "kind" | "file" | "problem"
>;

function bad(name: string, problem: LsmdProblem, more: LsmdFigures = {}): FilingError {
  const params = { kind: "LSMD", file: excerpt(name), problem, ...more } as const;
  return new FilingError({ code: "BAD_FILE", params });
}

const PART = /^(?:.*[\\/])?([^\\/]*)\.(shp|shx|dbf|prj|cpg)$/i;

function group(files: readonly NamedBytes[]): Map<string, Parts> {
  const layers = new Map<string, Parts>();
  const add = (name: string, bytes: Uint8Array) => {
    const m = PART.exec(name);
    if (!m?.[1] || !m[2] || name.includes("__MACOSX")) return;
    const parts = layers.get(m[1]) ?? {};
    parts[m[2].toLowerCase() as keyof Parts] = bytes;
    layers.set(m[1], parts);
  };
  for (const f of files) {
    if (/\.zip$/i.test(f.name)) {
      for (const e of readZip(f.bytes, (n) => PART.test(n), CADASTRE_LIMITS)) add(e.name, e.bytes);
    } else add(f.name, f.bytes);
  }
  return layers;
}

/** Record spans of a .shp, walking the record headers only. */
function spansOf(name: string, shp: Uint8Array): ShpRecordSpan[] {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.length < 100 || view.getInt32(0) !== 9994) {
    throw bad(`${name}.shp`, "NOT_A_SHAPEFILE");
  }
  if (view.getInt32(24) * 2 !== shp.length) {
    throw bad(`${name}.shp`, "TRUNCATED");
  }
  const type = view.getInt32(32, true);
  if (type !== 5 && type !== 15 && type !== 25) {
    throw bad(`${name}.shp`, "NOT_POLYGONS", { type });
  }
  const spans: ShpRecordSpan[] = [];
  for (let offset = 100; offset < shp.length; ) {
    const contentBytes = offset + 8 <= shp.length ? view.getInt32(offset + 4) * 2 : -1;
    if (contentBytes < 4 || offset + 8 + contentBytes > shp.length) {
      throw bad(`${name}.shp`, "RECORD_CUT", { record: spans.length + 1 });
    }
    spans.push({ offset, contentBytes });
    offset += 8 + contentBytes;
  }
  return spans;
}

function layerOf(name: string, parts: Parts): CadastreLayer {
  for (const ext of ["shp", "dbf", "prj"] as const) {
    if (!parts[ext]) {
      throw bad(`${name}.${ext}`, "MISSING");
    }
  }
  const shp = parts.shp as Uint8Array;
  const dbf = parts.dbf as Uint8Array;
  const crs = crsFromPrj(decodeText(parts.prj as Uint8Array));
  if (!crs || crs === "EPSG:4326" || crs === "EPSG:3857") {
    throw bad(`${name}.prj`, "NOT_CADASTRAL_CRS", { supported: SUPPORTED_CRS });
  }
  const spans = spansOf(name, shp);
  if (parts.shx) checkShx(name, parts.shx, spans);
  const cpg = parts.cpg ? encodingFromCpg(decodeText(parts.cpg)) : null;
  const encoding = cpg ?? detectEncoding(dbfTextBytes(dbf));
  const layout = dbfLayout(dbf, encoding);
  const names = new Set(layout.fields.map((f) => f.name.toUpperCase()));
  const lacking = ["PNU", "JIBUN"].filter((f) => !names.has(f));
  if (lacking.length > 0) {
    const fields = excerpt(layout.fields.map((f) => f.name).join(", "));
    throw bad(`${name}.dbf`, "NO_FIELDS", { lacking, fields });
  }
  if (layout.header.records !== spans.length) {
    throw bad(`${name}.dbf`, "COUNTS", { records: layout.header.records, shapes: spans.length });
  }
  return { name, crs, count: spans.length, shp, spans, dbf, layout, encoding };
}

/**
 * The cadastral layers among the files (a ZIP, or loose parts): each checked (parts, .prj, the
 * PNU and JIBUN fields, record counts) and its records located, nothing decoded yet.
 */
export function openCadastre(files: readonly NamedBytes[]): CadastreLayer[] {
  const layers = group(files);
  const named = [...layers.entries()].filter(([, p]) => p.shp || p.dbf);
  if (named.length === 0) {
    const first = files[0]?.name ?? "";
    throw bad(first, "NOT_LSMD");
  }
  return named.map(([name, parts]) => layerOf(name, parts));
}

const field = (row: Record<string, unknown>, name: string): unknown =>
  row[name] ?? row[name.toLowerCase()];

/** Record `i` (0-based) of a layer as a 필지 in WGS84. */
export function readPiljiAt(layer: CadastreLayer, i: number, convert = toLonLat(layer.crs)): Pilji {
  const span = layer.spans[i] as ShpRecordSpan;
  const view = new DataView(layer.shp.buffer, layer.shp.byteOffset, layer.shp.byteLength);
  const g = shapeOf(layer.name, i + 1, view, span.offset + 8, span.contentBytes);
  if (g.type !== "Polygon" && g.type !== "MultiPolygon") {
    throw bad(`${layer.name}.shp`, "RECORD_NOT_POLYGON", { record: i + 1 });
  }
  const row = dbfRecord(layer.dbf, layer.layout, i, layer.encoding);
  if (!row) {
    throw bad(`${layer.name}.dbf`, "ROW_DELETED", { record: i + 1 });
  }
  const pnu = String(field(row, "PNU") ?? "");
  const { jibun, jimok } = splitJibun(String(field(row, "JIBUN") ?? ""));
  const oid = field(row, "SGG_OID");
  return {
    pnu,
    jibun,
    jimok,
    bchk: String(field(row, "BCHK") ?? ""),
    sggOid: typeof oid === "number" ? oid : null,
    colAdmSe: String(field(row, "COL_ADM_SE") ?? ""),
    geometry: rewind(reprojectGeometry(g, convert)),
  };
}

/** Every 필지 of a layer in order, one at a time (the caller may stop between any two). */
export function* readPilji(layer: CadastreLayer): Generator<Pilji> {
  const convert = toLonLat(layer.crs);
  for (let i = 0; i < layer.count; i++) yield readPiljiAt(layer, i, convert);
}
