/**
 * CSV: out, the table of parcels and their areas a reviewer pastes into a spreadsheet (UTF-8 with
 * a BOM, which Excel needs to show Hangul, or CP949); in, a list of points (hubs, enterprises)
 * with 위도/경도, lat/lon or x/y columns, UTF-8 or CP949, every column kept as a property.
 */
import type { Feature } from "geojson";
import Papa from "papaparse";
import { FilingError } from "../errors";
import { MAX_POSITIONS, tooManyPositions } from "../filing";
import { geodesicAreaM2, normalizeCrs, SUPPORTED_CRS, tmAreaM2, toLonLat } from "../measure";
import { showInvisible } from "../sanitize";
import type { Zone } from "../types";
import { csvRowLine, lineBreaks } from "./csv-lines";
import { attributeKeys } from "./dbf-fields";
import type { Converter, Imported, ReadOptions, WriteOptions } from "./format";
import { decodeText, encodeText, MAX_TEXT_BYTES, type TextEncodingId } from "./text";

export interface CsvWriteOptions extends WriteOptions {
  encoding?: TextEncodingId;
  /** The TM plane of the planar area column (default EPSG:5186). */
  tmCrs?: string;
}

const OWN_COLUMNS = ["id", "name", "area_m2", "area_km2", "tm_area_m2", "tm_crs"];
/** Properties that are the own columns under their filing names, or derived areas. */
const NOT_ATTRIBUTES = new Set(["id", "name", "areaKm2", "area_m2", "tm_m2"]);

/** A kept attribute as a cell: text as it is, anything else as JSON, nothing as empty. */
/** A table cell for people: bidi controls and line separators shown as "[U+202E]". */
function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  return showInvisible(typeof v === "string" ? v : JSON.stringify(v));
}

/**
 * The parcels table: id, name, ellipsoidal area (m², km²) and TM area (m²) with its CRS, then
 * every attribute the parcels brought with them (지구명, 용도 …), a name taken twice getting `_1`.
 */
export function parcelTableCsv(zone: Zone, opts: CsvWriteOptions = {}): Uint8Array {
  const tmCrs = opts.tmCrs ?? "EPSG:5186";
  const keys = attributeKeys(
    zone.parcels.map((p) => p.properties),
    NOT_ATTRIBUTES,
  );
  const taken = new Set(OWN_COLUMNS);
  const headers = keys.map((key) => {
    let header = key;
    for (let n = 1; taken.has(header); n += 1) header = `${key}_${n}`;
    taken.add(header);
    return header;
  });
  const rows = zone.parcels.map((p) => {
    const m2 = geodesicAreaM2(p.geometry);
    return [
      cell(p.id),
      cell(p.name ?? ""),
      m2.toFixed(3),
      (m2 / 1e6).toFixed(6),
      tmAreaM2(p.geometry, tmCrs).toFixed(3),
      tmCrs,
      ...keys.map((k) => cell(p.properties[k])),
    ];
  });
  const text = Papa.unparse(
    { fields: [...OWN_COLUMNS, ...headers], data: rows },
    // OWASP's rule against formula injection: a cell starting = + - @, tab or CR gets a leading
    // quote, so a spreadsheet shows the parcel id "=cmd|…" instead of running it.
    { newline: "\r\n", escapeFormulae: /^[=+\-@\t\r]/ },
  );
  const encoding = opts.encoding ?? "utf-8";
  return encodeText(`${text}\r\n`, encoding, encoding === "utf-8");
}

type Role = "lon" | "lat" | "x" | "y";

const ROLE_HEADERS: Record<Role, readonly string[]> = {
  lon: ["경도", "lon", "lng", "long", "longitude", "x좌표(경도)"],
  lat: ["위도", "lat", "latitude", "y좌표(위도)"],
  x: ["x", "x좌표", "easting", "tm_x"],
  y: ["y", "y좌표", "northing", "tm_y"],
};

function column(headers: string[], role: Role): string | undefined {
  const wanted = ROLE_HEADERS[role];
  return headers.find((h) => wanted.includes(h.trim().toLowerCase()));
}

/** The columns holding the coordinates, and their CRS (the streamed firm reader shares it). */
export function coordinateColumns(
  headers: string[],
  opts: ReadOptions,
): { lon: string; lat: string; crs: string } {
  const lon = column(headers, "lon");
  const lat = column(headers, "lat");
  if (lon && lat) return { lon, lat, crs: "EPSG:4326" };
  const x = column(headers, "x");
  const y = column(headers, "y");
  if (x && y) {
    const crs = opts.crs ? normalizeCrs(opts.crs) : "EPSG:4326";
    if (crs === null) {
      throw new FilingError({
        code: "UNKNOWN_CRS",
        params: { kind: "UNSUPPORTED", crs: String(opts.crs), supported: SUPPORTED_CRS },
      });
    }
    return { lon: x, lat: y, crs };
  }
  throw new FilingError({
    code: "BAD_FILE",
    params: { kind: "CSV_NO_COORDINATE_COLUMNS", found: headers },
  });
}

/**
 * Points from CSV text; a row whose coordinates aren't numbers stops the import, naming the line
 * of the text where the row starts (empty lines, quoted line breaks and leading blanks counted).
 */
export function readPointsCsv(text: string, opts: ReadOptions = {}): Imported {
  const body = text.trim();
  const parsed = Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: true,
    // Parsing stops one row past the limit: a bigger list is refused without being read whole.
    preview: MAX_POSITIONS + 1,
  });
  if (parsed.data.length > MAX_POSITIONS) throw tooManyPositions();
  const headers = parsed.meta.fields ?? [];
  const cols = coordinateColumns(headers, opts);
  const convert = toLonLat(cols.crs);
  const split = {
    delimiter: parsed.meta.delimiter,
    linebreak: parsed.meta.linebreak,
    skipEmptyLines: true,
  };
  const leading = lineBreaks(text, 0, text.length - text.trimStart().length);
  // Row i is row i + 1 of the body, after the header.
  const rowLine = (i: number): number => leading + csvRowLine(body, i + 1, split);
  const features: Feature[] = parsed.data.map((row, i) => {
    const a = Number(row[cols.lon]);
    const b = Number(row[cols.lat]);
    if (
      !Number.isFinite(a) ||
      !Number.isFinite(b) ||
      row[cols.lon] === "" ||
      row[cols.lat] === ""
    ) {
      throw new FilingError({
        code: "BAD_COORDINATES",
        params: {
          kind: "CSV_NOT_NUMBERS",
          line: rowLine(i),
          x: row[cols.lon] ?? "",
          y: row[cols.lat] ?? "",
        },
      });
    }
    const lonLat = convert([a, b]);
    const [lon = Number.NaN, lat = Number.NaN] = lonLat;
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      throw new FilingError({
        code: "NOT_LONLAT",
        params: { kind: "CSV_NOT_LONLAT", line: rowLine(i), x: a, y: b },
      });
    }
    return {
      type: "Feature",
      properties: { ...row },
      geometry: { type: "Point", coordinates: lonLat },
    };
  });
  if (features.length === 0)
    throw new FilingError({ code: "BAD_FILE", params: { kind: "CSV_NO_ROWS" } });
  return { collection: { type: "FeatureCollection", features }, sourceCrs: cols.crs, rowLine };
}

export const csv: Converter = {
  id: "csv",
  // Written: the parcels' areas, no coordinates (a CSV of points is what it reads, for hubs).
  label: { ko: "CSV (구역별 면적표)", en: "CSV (parcel area table)" },
  extensions: [".csv", ".txt"],
  fileSuffix: "",
  reads: "points",
  maxReadBytes: MAX_TEXT_BYTES,
  mime: "text/csv",
  read: async (bytes, _name, opts = {}) => readPointsCsv(decodeText(bytes, opts.encoding), opts),
  write: async (zone, opts) => parcelTableCsv(zone, opts),
};
