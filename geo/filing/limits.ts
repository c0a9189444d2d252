/**
 * Limits a filing must keep to be measured at all, checked without recursion so no input can
 * overflow the stack: nesting depth, latitudes short of the poles (where TM planes and the
 * enclosing circle degenerate: a parcel at 90°N once measured "NaN km²"), and no ring or axis
 * across the antimeridian (one was read as a 17,136 km circle in 전라남도).
 */
import type { Geometry, Position } from "geojson";
import { FilingError } from "../errors";

/** Deepest nesting a filing needs is about 10 (collection, feature, geometry, rings, positions). */
export const MAX_DEPTH = 64;

/** Latitude beyond which positions are refused: UTM's limit, far from any Korean parcel. */
export const MAX_ABS_LAT = 84;

/**
 * Most positions a file may hold: a zone has thousands, a detailed layer of complexes a few
 * hundred thousand. Each costs some microseconds and a hundred bytes through every check; 8
 * million took 100 s and 3.4 GB, near the heap's end.
 */
export const MAX_POSITIONS = 1_000_000;

/** The error for a file past MAX_POSITIONS, shared by every reader. */
export function tooManyPositions(): FilingError {
  return new FilingError({
    code: "BAD_FILE",
    params: { kind: "TOO_MANY_POSITIONS", limit: MAX_POSITIONS },
  });
}

/**
 * Refuses a parsed value nested deeper than MAX_DEPTH or holding more than MAX_POSITIONS
 * positions (arrays starting with a number), walking it with an explicit stack.
 */
export function checkDepth(root: unknown): void {
  const stack: [unknown, number][] = [[root, 1]];
  let positions = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== "object" || value === null) continue;
    if (depth > MAX_DEPTH) {
      throw new FilingError({
        code: "NOT_GEOJSON",
        params: { kind: "TOO_DEEP", limit: MAX_DEPTH },
      });
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child: unknown = value[i];
        if (typeof child !== "object" || child === null) continue;
        // A position is counted here, not stacked: a ring of millions costs no stack entries,
        // and the walk stops as soon as the count passes the limit.
        if (Array.isArray(child) && typeof child[0] === "number") {
          if (++positions > MAX_POSITIONS) throw tooManyPositions();
          if (child.every((n) => typeof n !== "object" || n === null)) continue;
        }
        stack.push([child, depth + 1]);
      }
      continue;
    }
    for (const child of Object.values(value)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
}

/** The position sequences of a geometry: rings, lines, or single points. */
function sequences(g: Geometry): Position[][] {
  switch (g.type) {
    case "Point":
      return [[g.coordinates]];
    case "MultiPoint":
    case "LineString":
      return [g.coordinates];
    case "MultiLineString":
    case "Polygon":
      return g.coordinates;
    case "MultiPolygon":
      return g.coordinates.flat();
    default:
      return g.geometries.flatMap(sequences);
  }
}

/** Refuses positions near the poles and edges that cross the antimeridian, naming the feature. */
export function checkOnGlobe(g: Geometry, label: string): void {
  for (const seq of sequences(g)) {
    for (let i = 0; i < seq.length; i++) {
      const [lon = 0, lat = 0] = seq[i] as Position;
      if (Math.abs(lat) > MAX_ABS_LAT) {
        const params = { kind: "NEAR_POLE", label, lat, limit: MAX_ABS_LAT } as const;
        throw new FilingError({ code: "BAD_COORDINATES", params });
      }
      const prev = seq[i - 1];
      if (prev && Math.abs(lon - (prev[0] ?? 0)) > 180) {
        throw new FilingError({
          code: "BAD_COORDINATES",
          params: { kind: "ACROSS_ANTIMERIDIAN", label },
        });
      }
    }
  }
}

/**
 * Whether every position under `value` (a feature list, unvalidated) lies within ±180, ±90: in
 * a file whose crs member names a metre plane, that is degrees mislabelled, not metres. Walked
 * with a stack; a value without positions is not "degrees".
 */
export function looksLikeDegrees(value: unknown): boolean {
  const stack: unknown[] = [value];
  let positions = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v) && typeof v[0] === "number") {
      const [x, y] = v as number[];
      if (!(Math.abs(x ?? Number.NaN) <= 180 && Math.abs(y ?? Number.NaN) <= 90)) return false;
      positions++;
    } else if (typeof v === "object" && v !== null) {
      for (const child of Object.values(v)) if (typeof child === "object") stack.push(child);
    }
  }
  return positions > 0;
}
