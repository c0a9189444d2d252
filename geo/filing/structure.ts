/**
 * Structural checks for reading a filing: JSON parsing with a location, and coordinate arrays
 * that can't be used at all (not numbers, too short). Ring validity is not checked here: the
 * checker reports unclosed, short and self-crossing rings as INVALID_GEOMETRY findings.
 */
import type { Geometry, MultiPolygon, Polygon } from "geojson";
import { FilingError } from "../errors";
import { excerpt } from "../sanitize";

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export const GEOMETRY_TYPES: ReadonlySet<string> = new Set([
  "Point",
  "MultiPoint",
  "LineString",
  "MultiLineString",
  "Polygon",
  "MultiPolygon",
  "GeometryCollection",
]);

/** Line and column (1-based) of a character offset, for a parse error people can find. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Where JSON.parse stopped, from its message. V8 says "at position N" for most errors; for an
 * unexpected token it quotes the text from 10 characters before the token (..."snippet"...),
 * which is found again in the body; a short text is quoted whole, and then no place is given.
 * Firefox already gives line and column in its message.
 */
function errorOffset(body: string, detail: string): number | undefined {
  const position = /position (\d+)/.exec(detail)?.[1];
  if (position !== undefined) return Number(position);
  if (/end of JSON input/i.test(detail)) return body.length;
  const snippet = /\.\.\."([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(detail)?.[1];
  if (snippet === undefined) {
    // Near the start V8 quotes from the first character, without the leading "...".
    const token = /^Unexpected token '([\s\S])', "/.exec(detail)?.[1];
    const at = token === undefined ? -1 : body.indexOf(token);
    return at >= 0 && at <= 10 ? at : undefined;
  }
  const start = body.indexOf(snippet);
  return start < 0 ? undefined : start + 10;
}

/** The text around `offset`, one line, quoted as written. */
function around(body: string, offset: number): string {
  const start = Math.max(0, offset - 15);
  const piece = body.slice(start, offset + 15).replace(/\s+/g, " ");
  return `${start > 0 ? "…" : ""}${excerpt(piece, 40)}${offset + 15 < body.length ? "…" : ""}`;
}

/**
 * JSON.parse, with a FilingError that says where the text stopped being JSON: line, column and
 * the text there as written, in Korean and English (never V8's own English sentence). `file`
 * names the file in the message.
 */
export function parseJson(
  text: string,
  file?: string,
  code: "NOT_JSON" | "BAD_RULES" | "BAD_HUBS" = "NOT_JSON",
): unknown {
  // Windows tools in Korea often save UTF-8 with a byte-order mark; JSON.parse refuses it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const named = file === undefined ? {} : { file: excerpt(file, 80) };
  if (body.trim() === "") {
    throw new FilingError({ code, params: { kind: "JSON_EMPTY" }, ...named });
  }
  try {
    return JSON.parse(body);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const offset = errorOffset(body, detail);
    const where =
      offset === undefined ? {} : { ...lineColumn(body, offset), near: around(body, offset) };
    const end = offset !== undefined && offset >= body.length;
    throw new FilingError({ code, params: { kind: "JSON_SYNTAX", ...where, end }, ...named });
  }
}

/** A geometry object with a known type; GeometryCollection members are checked too. */
export function checkGeometryObject(raw: unknown, label: string): Geometry {
  if (!isObject(raw) || typeof raw.type !== "string" || !GEOMETRY_TYPES.has(raw.type)) {
    throw new FilingError({ code: "NOT_GEOJSON", params: { kind: "NOT_A_GEOMETRY", label } });
  }
  if (raw.type === "GeometryCollection") {
    if (!Array.isArray(raw.geometries)) {
      throw new FilingError({ code: "NOT_GEOJSON", params: { kind: "NO_GEOMETRIES", label } });
    }
    for (const member of raw.geometries) checkGeometryObject(member, label);
  }
  return raw as unknown as Geometry;
}

type PositionProblem = "POSITION_NOT_ARRAY" | "POSITION_SHORT" | "POSITION_NOT_FINITE";

function badCoordinates(
  label: string,
  path: string,
  kind: PositionProblem,
  p: unknown,
): FilingError {
  return new FilingError({
    code: "BAD_COORDINATES",
    params: { kind, label, path, found: show(p) },
  });
}

/**
 * A value as the file gave it: a number too large for a double (1e999) is shown as Infinity and a
 * Shapefile's NaN as not-a-number, never as JSON's null, so a reviewer sees what is wrong with
 * `[1e999, 36.85]`.
 */
function show(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v)
      ? `\u0000${Number.isNaN(v) ? "not-a-number" : v}\u0000`
      : v,
  )?.replace(/"\\u0000(-?Infinity|not-a-number)\\u0000"/g, "$1");
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A position: an array of at least two finite numbers (an altitude may follow). */
export function checkPosition(p: unknown, label: string, path: string): void {
  if (!Array.isArray(p)) {
    throw badCoordinates(label, path, "POSITION_NOT_ARRAY", p);
  }
  if (p.length < 2) {
    throw badCoordinates(label, path, "POSITION_SHORT", p);
  }
  if (!p.every((n) => typeof n === "number" && Number.isFinite(n))) {
    throw badCoordinates(label, path, "POSITION_NOT_FINITE", p);
  }
}

function checkArray(
  value: unknown,
  label: string,
  path: string,
  what: "polygon" | "ring" | "multipolygon",
): unknown[] {
  if (!Array.isArray(value) || value.length === 0) {
    const params = { kind: "EMPTY_ARRAY", label, path, what } as const;
    throw new FilingError({ code: "BAD_COORDINATES", params });
  }
  return value;
}

function checkPolygonRings(rings: unknown, label: string, path: string): void {
  const list = checkArray(rings, label, path, "polygon");
  list.forEach((ring, r) => {
    const positions = checkArray(ring, label, `${path}[${r}]`, "ring");
    positions.forEach((p, i) => {
      checkPosition(p, label, `${path}[${r}][${i}]`);
    });
  });
}

/**
 * Throw BAD_COORDINATES, naming the feature and the place, when a Polygon or MultiPolygon's
 * coordinates can't be used: not nested arrays, an empty polygon or ring, or a position that is
 * not two or more finite numbers. Short or unclosed rings pass (they are checker findings).
 */
export function checkCoordinates(geometry: Polygon | MultiPolygon, label: string): void {
  if (geometry.type === "Polygon") {
    checkPolygonRings(geometry.coordinates, label, "coordinates");
    return;
  }
  const polygons = checkArray(geometry.coordinates, label, "coordinates", "multipolygon");
  polygons.forEach((rings, k) => {
    checkPolygonRings(rings, label, `coordinates[${k}]`);
  });
}
