/**
 * Coordinates typed or pasted by hand (the app's 좌표 입력, the keyboard way to draw): a parcel's
 * vertices as `lon lat` pairs, TM x/y in a named CRS, WKT or GeoJSON; a circle envelope as a
 * centre and a radius; a belt as its axis vertices and a half-width. Pure: text in, WGS84
 * geometry out, or a FilingError saying in Korean and English which entry is wrong and why.
 */
import type { Geometry, LineString, Point, Polygon, Position } from "geojson";
import { FilingError } from "../errors";
import type { EntryProblem, ErrorParams } from "../errors/params";
import { normalizeCrs, toLonLat } from "../measure";
import { rewind } from "./rewind";

/** What the typed text is meant to be. */
export type CoordinateEntryKind =
  | "parcel"
  | "envelope-circle"
  | "envelope-belt"
  | "envelope-polygon";

export interface CoordinateEntryInput {
  kind: CoordinateEntryKind;
  /** The coordinates as typed: pairs, WKT or GeoJSON (a circle: its centre pair). */
  text: string;
  /** The CRS of typed pairs and WKT ("EPSG:4326" for lon/lat, a TM belt for x/y in metres). */
  crs: string;
  /** A circle's radius or a belt's half-width, km, as typed. */
  sizeKm?: string;
}

export type CoordinateEntry =
  | { kind: "parcel"; geometry: Polygon }
  | { kind: "envelope-circle"; center: Position; radiusKm: number }
  | { kind: "envelope-belt"; axis: Position[]; halfWidthKm: number }
  | { kind: "envelope-polygon"; geometry: Polygon };

type EntryFigures = Omit<
  Extract<ErrorParams["BAD_COORDINATES"], { kind: "ENTRY" }>,
  "kind" | "problem"
>;

function bad(problem: EntryProblem, more: EntryFigures = {}): FilingError {
  return new FilingError({ code: "BAD_COORDINATES", params: { kind: "ENTRY", problem, ...more } });
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** "128.10 35.17, 128.12 35.17; …" or one pair a line ("x,y" or "x<TAB>y" from a spreadsheet). */
export function parsePairs(text: string): Position[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  // One pair a line when every line holds exactly two numbers (commas then separate x from y).
  const perLine =
    lines.length >= 1 &&
    lines.every((l) => l.split(/[\s,;]+/).filter((w) => w.length > 0).length === 2);
  const entries = perLine ? lines : text.split(/[,;\n]/).map((e) => e.trim());
  const out: Position[] = [];
  entries.forEach((entry, i) => {
    if (entry.length === 0) {
      if (perLine || i === entries.length - 1) return;
      throw bad("EMPTY_PAIR", { index: i + 1 });
    }
    const words = entry.split(/[\s,;()[\]]+/).filter((w) => w.length > 0);
    if (words.length !== 2) {
      throw bad("NOT_TWO_NUMBERS", { index: i + 1, text: entry });
    }
    const nums = words.map((w) => (NUMBER.test(w) ? Number(w) : Number.NaN));
    if (!nums.every(Number.isFinite)) {
      throw bad("NOT_A_NUMBER", { index: i + 1, text: entry });
    }
    out.push(nums);
  });
  return out;
}

/** WKT POLYGON / LINESTRING / POINT (one ring: holes are not drawn by hand). */
function parseWkt(text: string): { type: string; positions: Position[] } {
  const m = /^\s*(POLYGON|LINESTRING|POINT)\s*(Z\s*)?\(\s*(\(?)([^()]*)\)?\s*(.*)\)\s*$/is.exec(
    text,
  );
  if (!m) {
    throw bad("WKT_NOT_READ");
  }
  const type = (m[1] as string).toUpperCase();
  if ((m[5] ?? "").trim().length > 0) {
    throw bad("WKT_HOLES");
  }
  return { type, positions: parsePairs(m[4] ?? "") };
}

function fromGeoJson(text: string): Geometry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw bad("GEOJSON_NOT_READ", { why: String(e) });
  }
  let g = value as { type?: string; geometry?: unknown; features?: unknown[] } | null;
  if (g?.type === "FeatureCollection") {
    if (g.features?.length !== 1) {
      throw bad("GEOJSON_FEATURES", { count: g.features?.length ?? 0 });
    }
    g = g.features[0] as typeof g;
  }
  if (g?.type === "Feature") g = g.geometry as typeof g;
  const geometry = g as Geometry | null;
  if (!geometry || !["Polygon", "LineString", "Point"].includes(geometry.type)) {
    throw bad("GEOJSON_TYPE", geometry?.type === undefined ? {} : { type: geometry.type });
  }
  return geometry;
}

/** Text to positions and the shape they came as ("pairs" when bare). */
function readShape(text: string): { type: string; positions: Position[]; geoJson: boolean } {
  const t = text.trim();
  if (t.length === 0) throw bad("NOTHING");
  if (t.startsWith("{")) {
    const g = fromGeoJson(t);
    const positions =
      g.type === "Polygon"
        ? ((g as Polygon).coordinates[0] ?? [])
        : g.type === "LineString"
          ? (g as LineString).coordinates
          : [(g as Point).coordinates];
    if ((g as Polygon).type === "Polygon" && (g as Polygon).coordinates.length > 1) {
      throw bad("HOLES");
    }
    positions.forEach((p, i) => {
      if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every(Number.isFinite)) {
        throw bad("NOT_A_PAIR", { index: i + 1 });
      }
    });
    return {
      type: g.type.toUpperCase(),
      positions: positions.map((p) => p.slice(0, 2)),
      geoJson: true,
    };
  }
  if (/^[a-z]/i.test(t)) {
    const w = parseWkt(t);
    return { ...w, geoJson: false };
  }
  return { type: "PAIRS", positions: parsePairs(t), geoJson: false };
}

/** To WGS84, refusing what can't be a place on Earth (or a lon/lat typed as TM and back). */
function toWgs84(positions: Position[], crs: string): Position[] {
  const key = normalizeCrs(crs);
  if (key === null) {
    throw bad("CRS_UNSUPPORTED", { crs });
  }
  if (key === "EPSG:4326") {
    positions.forEach((p, i) => {
      const [lon = 0, lat = 0] = p;
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        throw bad("OUTSIDE_LONLAT", { index: i + 1, x: lon, y: lat });
      }
    });
    return positions.map((p) => p.slice(0, 2));
  }
  const convert = toLonLat(key);
  return positions.map((p, i) => {
    const [x = 0, y = 0] = p;
    if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
      throw bad("LOOKS_LONLAT", { index: i + 1, x, y });
    }
    const out = convert([x, y]);
    if (!out.every(Number.isFinite)) {
      throw bad("NOT_CONVERTED", { index: i + 1, x, y });
    }
    return out;
  });
}

function samePos(a: Position | undefined, b: Position | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

/** Positions to a closed ring of at least three distinct vertices, counter-clockwise. */
function ringPolygon(positions: Position[]): Polygon {
  const open = samePos(positions[0], positions[positions.length - 1])
    ? positions.slice(0, -1)
    : positions;
  const distinct = new Set(open.map((p) => `${p[0]} ${p[1]}`));
  if (distinct.size < 3) {
    throw bad("TOO_FEW_VERTICES", { count: distinct.size });
  }
  return rewind({ type: "Polygon", coordinates: [[...open, open[0] as Position]] });
}

function readSize(sizeKm: string | undefined, size: "radius" | "halfWidth"): number {
  const text = (sizeKm ?? "").trim();
  const km = NUMBER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(km) || km <= 0) {
    throw bad("SIZE", { size, text });
  }
  return km;
}

/** The typed entry as WGS84 geometry; a FilingError (BAD_COORDINATES) naming the wrong part. */
export function parseCoordinateEntry(input: CoordinateEntryInput): CoordinateEntry {
  const shape = readShape(input.text);
  // GeoJSON is WGS84 by RFC 7946; typed pairs and WKT are in the chosen CRS.
  const positions = toWgs84(shape.positions, shape.geoJson ? "EPSG:4326" : input.crs);
  switch (input.kind) {
    case "parcel":
    case "envelope-polygon": {
      if (shape.type === "LINESTRING" || shape.type === "POINT") {
        throw bad("NOT_A_POLYGON", { type: shape.type });
      }
      const geometry = ringPolygon(positions);
      return input.kind === "parcel"
        ? { kind: "parcel", geometry }
        : { kind: "envelope-polygon", geometry };
    }
    case "envelope-circle": {
      if (positions.length !== 1) {
        throw bad("CENTRE", { count: positions.length });
      }
      const radiusKm = readSize(input.sizeKm, "radius");
      return { kind: "envelope-circle", center: positions[0] as Position, radiusKm };
    }
    case "envelope-belt": {
      const axis = positions.filter((p, i) => i === 0 || !samePos(p, positions[i - 1]));
      if (axis.length < 2) {
        throw bad("AXIS", { count: axis.length });
      }
      const halfWidthKm = readSize(input.sizeKm, "halfWidth");
      return { kind: "envelope-belt", axis, halfWidthKm };
    }
  }
}
