/**
 * Structural checks for reading a filing: JSON parsing with a location, and coordinate arrays
 * that can't be used at all (not numbers, too short). Ring validity is not checked here: the
 * checker reports unclosed, short and self-crossing rings as INVALID_GEOMETRY findings.
 */
import type { Geometry, MultiPolygon, Polygon } from "geojson";
import { FilingError } from "../errors";

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
  if (snippet === undefined) return undefined;
  const start = body.indexOf(snippet);
  return start < 0 ? undefined : start + 10;
}

/** JSON.parse, with a FilingError that says where the text stopped being JSON. */
export function parseJson(text: string): unknown {
  // Windows tools in Korea often save UTF-8 with a byte-order mark; JSON.parse refuses it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") {
    throw new FilingError("NOT_JSON", "파일이 비어 있습니다", "The file is empty");
  }
  try {
    return JSON.parse(body);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const offset = errorOffset(body, detail);
    const where =
      offset === undefined
        ? { ko: "", en: "" }
        : (() => {
            const { line, column } = lineColumn(body, offset);
            return { ko: ` (${line}행 ${column}열)`, en: ` (line ${line}, column ${column})` };
          })();
    throw new FilingError(
      "NOT_JSON",
      `JSON 형식이 아닙니다${where.ko}: ${detail}`,
      `Not JSON${where.en}: ${detail}`,
    );
  }
}

/** A geometry object with a known type; GeometryCollection members are checked too. */
export function checkGeometryObject(raw: unknown, label: string): Geometry {
  if (!isObject(raw) || typeof raw.type !== "string" || !GEOMETRY_TYPES.has(raw.type)) {
    throw new FilingError(
      "NOT_GEOJSON",
      `${label}의 geometry가 GeoJSON 도형이 아닙니다`,
      `${label} has a geometry that is not a GeoJSON geometry`,
    );
  }
  if (raw.type === "GeometryCollection") {
    if (!Array.isArray(raw.geometries)) {
      throw new FilingError(
        "NOT_GEOJSON",
        `${label}의 GeometryCollection에 geometries 배열이 없습니다`,
        `${label} is a GeometryCollection without a geometries array`,
      );
    }
    for (const member of raw.geometries) checkGeometryObject(member, label);
  }
  return raw as unknown as Geometry;
}

function badCoordinates(label: string, path: string, ko: string, en: string): FilingError {
  return new FilingError(
    "BAD_COORDINATES",
    `${label}의 ${path}: ${ko}`,
    `${label}, ${path}: ${en}`,
  );
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A position: an array of at least two finite numbers (an altitude may follow). */
export function checkPosition(p: unknown, label: string, path: string): void {
  if (!Array.isArray(p)) {
    throw badCoordinates(
      label,
      path,
      `위치가 배열이 아닙니다 (${show(p)})`,
      `a position must be an array, found ${show(p)}`,
    );
  }
  if (p.length < 2) {
    throw badCoordinates(
      label,
      path,
      `위치 ${show(p)}에 경도와 위도 두 수가 있어야 합니다`,
      `the position ${show(p)} needs two numbers, longitude and latitude`,
    );
  }
  if (!p.every((n) => typeof n === "number" && Number.isFinite(n))) {
    throw badCoordinates(
      label,
      path,
      `위치 ${show(p)}에 수가 아닌 값이 있습니다`,
      `the position ${show(p)} holds something that is not a finite number`,
    );
  }
}

function checkArray(
  value: unknown,
  label: string,
  path: string,
  what: { ko: string; en: string },
): unknown[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw badCoordinates(
      label,
      path,
      `${what.ko}이(가) 비어 있거나 배열이 아닙니다`,
      `${what.en} is empty or not an array`,
    );
  }
  return value;
}

const RING = { ko: "고리", en: "a ring" };

function checkPolygonRings(rings: unknown, label: string, path: string): void {
  const list = checkArray(rings, label, path, { ko: "폴리곤", en: "a polygon" });
  list.forEach((ring, r) => {
    const positions = checkArray(ring, label, `${path}[${r}]`, RING);
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
  const polygons = checkArray(geometry.coordinates, label, "coordinates", {
    ko: "멀티폴리곤",
    en: "a multipolygon",
  });
  polygons.forEach((rings, k) => {
    checkPolygonRings(rings, label, `coordinates[${k}]`);
  });
}
