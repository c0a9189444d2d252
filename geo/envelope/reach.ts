/**
 * The farthest geodesic distance from a centre to a set of points, exact (GeographicLib) but
 * fast: a cheap local solution ranks every point, and only those that could be the farthest
 * get the exact inverse solution.
 */
import type { Position } from "geojson";
import { Geodesic, type LocalOffset, localOffset, WGS84 } from "../measure";

/** Past this the local solution is too rough to rank by (its error grows as the cube). */
export const LOCAL_LIMIT_M = 200_000;

/**
 * How far the local solution may be off at distance d (m): it is off by 5 mm at 20 km and the
 * error grows as d³; the bound is 100 times that, plus a metre.
 */
export function rankSlackM(d: number): number {
  const r = d / 20_000;
  return 1 + 0.5 * r * r * r;
}

/** Azimuthal-equidistant offsets [east0, north0, east1, …] (m) of `points` about `center`. */
export function offsetsAbout(center: Position, points: readonly Position[]): Float64Array {
  const lon0 = center[0] ?? 0;
  const lat0 = center[1] ?? 0;
  const xy = new Float64Array(points.length * 2);
  const out: LocalOffset = { east: 0, north: 0 };
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as Position;
    localOffset(lon0, lat0, p[0] ?? 0, p[1] ?? 0, out);
    xy[2 * i] = out.east;
    xy[2 * i + 1] = out.north;
  }
  return xy;
}

/** The farthest exact distance (m), given the points' offsets about `center` to rank them by. */
export function reachFromOffsetsM(
  center: Position,
  points: readonly Position[],
  xy: Float64Array,
): number {
  let max2 = 0;
  for (let i = 0; i < points.length; i++) {
    const d2 = (xy[2 * i] as number) ** 2 + (xy[2 * i + 1] as number) ** 2;
    if (d2 > max2) max2 = d2;
  }
  const maxApprox = Math.sqrt(max2);
  const cut = maxApprox > LOCAL_LIMIT_M ? -1 : maxApprox - 2 * rankSlackM(maxApprox);
  const cut2 = cut < 0 ? -1 : cut * cut;
  let best = 0;
  for (let i = 0; i < points.length; i++) {
    const d2 = (xy[2 * i] as number) ** 2 + (xy[2 * i + 1] as number) ** 2;
    if (d2 < cut2) continue;
    const p = points[i] as Position;
    const d =
      WGS84.Inverse(center[1] ?? 0, center[0] ?? 0, p[1] ?? 0, p[0] ?? 0, Geodesic.DISTANCE).s12 ??
      0;
    if (d > best) best = d;
  }
  return best;
}

/** The farthest geodesic distance (m) from `center` to any of `points`; 0 for none. */
export function reachM(center: Position, points: readonly Position[]): number {
  return reachFromOffsetsM(center, points, offsetsAbout(center, points));
}
