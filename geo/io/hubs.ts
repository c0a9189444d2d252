/**
 * Reading hub files (혁신거점 파일): GeoJSON point/area hubs or a CSV of points.
 * Every problem is a FilingError("BAD_HUBS") that names the feature or line, so a reviewer can fix
 * the file instead of guessing.
 */
import type { Geometry, MultiPolygon, Point, Polygon, Position } from "geojson";
import Papa from "papaparse";
import { FilingError } from "../errors";
import type { HubProblem } from "../errors/params";
import { parseJson } from "../filing/structure";
import { normalizeCrs, reprojectGeometry, toLonLat } from "../measure";
import { own } from "../own";
import type { Hub } from "../types";
import { csvRowLine } from "./csv-lines";
import { CLI_CRS_HINT, type CrsHint } from "./format";

/** Korean names of the six types, as a Korean spreadsheet would write them. */
const KOREAN_TYPE_IDS: Record<string, string> = {
  혁신도시: "innovation_city",
  산업단지: "industrial_complex",
  경제자유구역: "free_economic_zone",
  산업기술단지: "technopark",
  테크노파크: "technopark",
  기업도시: "enterprise_city",
  연구개발특구: "rnd_special_zone",
};

/** The type of a row in a CSV without a type column: a list of enterprises (기업 목록). */
export const ENTERPRISE_TYPE = "enterprise";

/** Header aliases (lower case, trimmed) → column role. */
const COLUMN_ALIASES: Record<string, "name" | "type" | "lon" | "lat" | "x" | "y"> = {
  name: "name",
  이름: "name",
  명칭: "name",
  기업명: "name",
  업체명: "name",
  회사명: "name",
  company: "name",
  type: "type",
  유형: "type",
  구분: "type",
  lon: "lon",
  lng: "lon",
  longitude: "lon",
  경도: "lon",
  lat: "lat",
  latitude: "lat",
  위도: "lat",
  x: "x",
  y: "y",
};

function bad(params: HubProblem): FilingError {
  return new FilingError({ code: "BAD_HUBS", params });
}

/**
 * Hubs from a GeoJSON or CSV file's text, in WGS84 lon/lat. The format follows the extension
 * (.geojson/.json, .csv), else the first non-space character. `opts.crs` names the CRS of CSV
 * x,y columns (or of GeoJSON coordinates written in a TM plane).
 */
export function readHubs(
  text: string,
  fileName: string,
  opts: { crs?: string; crsHint?: CrsHint } = {},
): Hub[] {
  const hint = opts.crsHint ?? CLI_CRS_HINT;
  const body = text.replace(/^\uFEFF/, "");
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const isJson =
    ext === "geojson" || ext === "json" ? true : ext === "csv" ? false : /^\s*[{[]/.test(body);
  return isJson
    ? readGeoJsonHubs(body, fileName, opts.crs, hint)
    : readCsvHubs(body, fileName, opts.crs, hint);
}

function readGeoJsonHubs(
  text: string,
  fileName: string,
  crs: string | undefined,
  hint: CrsHint,
): Hub[] {
  const doc = parseJson(text, fileName, "BAD_HUBS");
  if (!isRecord(doc) || doc.type !== "FeatureCollection" || !Array.isArray(doc.features)) {
    throw bad({ kind: "HUBS_NOT_COLLECTION", file: fileName });
  }
  const sourceCrs = legacyCrs(doc.crs) ?? crs;
  const convert = sourceCrs === undefined ? null : toLonLat(sourceCrs);
  return doc.features.map((feature: unknown, i: number): Hub => {
    const where = { file: fileName, feature: i };
    const props = isRecord(feature) && isRecord(feature.properties) ? feature.properties : {};
    const name = typeof props.name === "string" ? props.name.trim() : "";
    const type = typeof props.type === "string" ? hubTypeId(props.type) : "";
    if (type === TOTAL_KEY) throw bad({ kind: "HUB_TOTAL_TYPE", ...where });
    if (name === "" || type === "") {
      const missing = name === "" ? "name" : "type";
      throw bad({ kind: "HUB_PROPERTY_MISSING", ...where, property: missing });
    }
    const raw = isRecord(feature) ? feature.geometry : undefined;
    if (!isHubGeometry(raw)) {
      throw bad({ kind: "HUB_BAD_GEOMETRY", ...where, name });
    }
    if (convert !== null && sourceCrs !== "EPSG:4326" && positionsOf(raw).every(isDegrees)) {
      const [x, y] = positionsOf(raw)[0] ?? [];
      throw bad({ kind: "HUB_DEGREES_IN_TM", ...where, name, x, y, crs: String(sourceCrs) });
    }
    const geometry = convert === null ? raw : reprojectGeometry(raw, convert);
    if (!positionsOf(geometry).every(isLonLat)) {
      throw bad({ kind: "HUB_OUT_OF_RANGE", ...where, name, hint });
    }
    return { name, type, geometry };
  });
}

function readCsvHubs(
  text: string,
  fileName: string,
  crs: string | undefined,
  hint: CrsHint,
): Hub[] {
  // The delimiter is guessed from the rows that are not blank (blank lines before the header
  // would otherwise outvote it); every row is then kept, so row k is known for its line.
  const { delimiter } = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", preview: 10 }).meta;
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const split = {
    delimiter: parsed.meta.delimiter,
    linebreak: parsed.meta.linebreak,
    skipEmptyLines: false,
  };
  // Row k's line as an editor numbers it (a quoted name may hold line breaks).
  const lineOf = (k: number): number => csvRowLine(text, k, split);
  const firstError = parsed.errors[0];
  if (firstError !== undefined) {
    const line = lineOf(firstError.row ?? 0);
    throw bad({ kind: "HUB_CSV_UNREADABLE", file: fileName, line, why: firstError.message });
  }
  // The header is the first row that is not blank.
  const blank = (row: string[]): boolean => row.every((cell) => cell.trim() === "");
  const h = Math.max(
    0,
    parsed.data.findIndex((row) => !blank(row)),
  );
  const header = parsed.data[h] ?? [];
  const rows = parsed.data.slice(h + 1);
  const column = new Map<string, number>();
  header.forEach((cell, i) => {
    const role = own(
      COLUMN_ALIASES,
      cell
        .replace(/^\uFEFF/, "")
        .trim()
        .toLowerCase(),
    );
    if (role !== undefined && !column.has(role)) column.set(role, i);
  });
  const lonLat = column.has("lon") && column.has("lat");
  const xy = column.has("x") && column.has("y");
  if (!column.has("name") || !(lonLat || xy)) {
    throw bad({ kind: "HUB_CSV_HEADER", file: fileName, line: lineOf(h) });
  }
  // A list of enterprises (기업명, 위도, 경도) has no type column: each row is an "enterprise",
  // an id beyond the six hub types, kept and counted under its own key.
  const defaultType = column.has("type") ? "" : ENTERPRISE_TYPE;
  if (!lonLat && crs === undefined) {
    throw bad({ kind: "HUB_XY_NEEDS_CRS", file: fileName, hint });
  }
  const convert = lonLat ? null : toLonLat(crs as string);
  const [cx, cy] = lonLat ? ["lon", "lat"] : ["x", "y"];
  const hubs: Hub[] = [];
  rows.forEach((row, r) => {
    if (blank(row)) return;
    // Only a refusal needs the line: worked out then, not for every row.
    const at = () => ({ file: fileName, line: lineOf(h + 1 + r) });
    const cell = (role: string): string => row[column.get(role) ?? -1]?.trim() ?? "";
    const name = cell("name");
    const type = hubTypeId(cell("type")) || defaultType;
    if (type === TOTAL_KEY) throw bad({ kind: "HUB_TOTAL_TYPE", ...at() });
    const x = toNumber(cell(cx as string));
    const y = toNumber(cell(cy as string));
    if (name === "" || type === "" || x === null || y === null) {
      throw bad({ kind: "HUB_ROW_INCOMPLETE", ...at() });
    }
    if (convert !== null && crs !== "EPSG:4326" && isDegrees([x, y])) {
      // Degrees read as metres would land a few hundred metres from the plane's false origin,
      // hundreds of km from the hub: refuse, as filings are refused (FILING.md).
      throw bad({ kind: "HUB_ROW_DEGREES_IN_TM", ...at(), x, y, crs: String(crs) });
    }
    const position = convert === null ? [x, y] : convert([x, y]);
    if (!isLonLat(position)) {
      throw bad({ kind: "HUB_ROW_OUT_OF_RANGE", ...at(), x, y });
    }
    hubs.push({ name, type, geometry: { type: "Point", coordinates: position } });
  });
  return hubs;
}

/** The report's `hubs.counts` keeps the total beside the types, under this key. */
const TOTAL_KEY = "total";

/** Both numbers within longitude/latitude range: degrees, not the metres of a TM plane. */
function isDegrees(p: readonly number[]): boolean {
  return Math.abs(p[0] ?? Number.NaN) <= 180 && Math.abs(p[1] ?? Number.NaN) <= 90;
}

/** A type id as written, except the six types' Korean names, which map to their ids. */
function hubTypeId(written: string): string {
  const trimmed = written.trim();
  return own(KOREAN_TYPE_IDS, trimmed) ?? trimmed;
}

/** The CRS a legacy GeoJSON `crs` member names, if it names one other than WGS84. */
function legacyCrs(member: unknown): string | undefined {
  if (!isRecord(member) || !isRecord(member.properties)) return undefined;
  const name = member.properties.name;
  if (typeof name !== "string") return undefined;
  const crs = normalizeCrs(name);
  if (crs === null) {
    throw new FilingError({
      code: "UNKNOWN_CRS",
      params: { kind: "HUB_CRS_UNSUPPORTED", crs: name },
    });
  }
  return crs === "EPSG:4326" ? undefined : crs;
}

function toNumber(s: string): number | null {
  if (s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isPosition(v: unknown): v is Position {
  return (
    Array.isArray(v) &&
    v.length >= 2 &&
    v.every((c: unknown) => typeof c === "number" && Number.isFinite(c))
  );
}

function isRing(v: unknown): v is Position[] {
  if (!Array.isArray(v) || v.length < 4 || !v.every(isPosition)) return false;
  const first = v[0] as Position;
  const last = v[v.length - 1] as Position;
  return first[0] === last[0] && first[1] === last[1];
}

function isPolygonRings(v: unknown): v is Position[][] {
  return Array.isArray(v) && v.length > 0 && v.every(isRing);
}

function isHubGeometry(g: unknown): g is Point | Polygon | MultiPolygon {
  if (!isRecord(g)) return false;
  if (g.type === "Point") return isPosition(g.coordinates);
  if (g.type === "Polygon") return isPolygonRings(g.coordinates);
  if (g.type === "MultiPolygon") {
    return (
      Array.isArray(g.coordinates) &&
      g.coordinates.length > 0 &&
      g.coordinates.every(isPolygonRings)
    );
  }
  return false;
}

function positionsOf(g: Geometry): Position[] {
  if (g.type === "Point") return [g.coordinates];
  if (g.type === "Polygon") return g.coordinates.flat();
  if (g.type === "MultiPolygon") return g.coordinates.flat(2);
  return [];
}

function isLonLat(p: Position): boolean {
  const [lon = Number.NaN, lat = Number.NaN] = p;
  return Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}
