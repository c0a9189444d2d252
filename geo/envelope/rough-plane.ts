/**
 * A plate carrée about a reference point, scaled to metres there: a rough plane for ranking
 * parcel vertices, with a proven bound on how far it can understate geodesic distance.
 */
import type { Position } from "geojson";
import { A_M, DEG, E2 } from "../measure";

export interface RoughPlane {
  /** [x0, y0, x1, …], metres east and north of (lon0, lat0) at its scales. */
  xy: Float64Array;
  lon0: number;
  lat0: number;
  /** Metres per degree of longitude and of latitude at lat0. */
  eastPerDeg: number;
  northPerDeg: number;
}

/** Radius of the parallel (m per radian of longitude) and of the meridian at a latitude. */
function radii(latDeg: number): { parallelM: number; meridianM: number } {
  const sinLat = Math.sin(latDeg * DEG);
  const w2 = 1 - E2 * sinLat * sinLat;
  return {
    parallelM: (A_M / Math.sqrt(w2)) * Math.cos(latDeg * DEG),
    meridianM: (A_M * (1 - E2)) / (w2 * Math.sqrt(w2)),
  };
}

/**
 * Plate carrée about (lon0, lat0) with the local scales, flat [x0, y0, …] in metres: off by up to
 * ~0.3 % over 20 km, which is enough for a first guess at the circle.
 */
export function roughPlane(points: readonly Position[], lon0: number, lat0: number): RoughPlane {
  const { parallelM, meridianM } = radii(lat0);
  const eastPerDeg = parallelM * DEG;
  const northPerDeg = meridianM * DEG;
  const xy = new Float64Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as Position;
    xy[2 * i] = ((p[0] ?? 0) - lon0) * eastPerDeg;
    xy[2 * i + 1] = ((p[1] ?? 0) - lat0) * northPerDeg;
  }
  return { xy, lon0, lat0, eastPerDeg, northPerDeg };
}

/**
 * A factor k such that the geodesic distance between any two points with latitudes in
 * [latLoDeg, latHiDeg] is at most k times their distance in the plane.
 *
 * Proof. The plane's straight segment between the two points maps to a path on the ellipsoid
 * whose latitude stays in the interval. Along it ds² = (N cosφ dλ)² + (M dφ)², while the plane
 * measures dx = N₀cosφ₀ dλ and dy = M₀ dφ, so ds ≤ max(N cosφ / N₀cosφ₀, M / M₀)·√(dx² + dy²).
 * The geodesic is no longer than this path. N cosφ (the parallel's radius) falls and M rises
 * with |φ|, so both ratios peak at an end of the interval or at the equator, which are all
 * evaluated. NaN in, NaN out: a comparison against it is false, so the caller skips nothing.
 */
export function stretchBound(plane: RoughPlane, latLoDeg: number, latHiDeg: number): number {
  const at = radii(plane.lat0);
  const parallel0 = at.parallelM;
  const meridian0 = at.meridianM;
  const lats = latLoDeg < 0 && latHiDeg > 0 ? [latLoDeg, latHiDeg, 0] : [latLoDeg, latHiDeg];
  let k = Number.NaN;
  for (const lat of lats) {
    const { parallelM, meridianM } = radii(lat);
    const worst = Math.max(parallelM / parallel0, meridianM / meridian0);
    k = Number.isNaN(k) ? worst : Math.max(k, worst);
  }
  return k;
}
