/**
 * The plane proposals search in: a plate carrée about the firms' middle, scaled to metres there,
 * and the bounds that tie its distances to geodesic ones near a given latitude. Because the
 * plate carrée's metric is diagonal, ds² = (P(φ)/P₀)² dx² + (M(φ)/M₀)² dy² (P the parallel's
 * radius, M the meridian's), a geodesic disk is nearly an axis-aligned ellipse in the plane, and
 * over a band of latitudes its distortion is bounded by the ratios of P and M at the band's ends.
 */
import { A_M, DEG, E2 } from "../measure";

/** Radius of the parallel (m per radian of longitude) and of the meridian (m per radian of latitude). */
export function radiiAt(latDeg: number): { parallelM: number; meridianM: number } {
  const sinLat = Math.sin(latDeg * DEG);
  const w2 = 1 - E2 * sinLat * sinLat;
  return {
    parallelM: (A_M / Math.sqrt(w2)) * Math.cos(latDeg * DEG),
    meridianM: (A_M * (1 - E2)) / (w2 * Math.sqrt(w2)),
  };
}

/** The smallest meridian radius (at the equator): no geodesic of length s moves latitude by more than s / this. */
const MERIDIAN_MIN_M = A_M * (1 - E2);

/**
 * How far (degrees) a short geodesic's latitude may stray past its ends' latitudes: a geodesic
 * of length L bows poleward by about L² tan φ / (8 R), under 0.003° for L < 100 km at |φ| < 60°.
 * The margin is three times that, and more.
 */
const BOW_DEG = 0.01;

export interface Plane {
  lon0: number;
  lat0: number;
  /** Metres per degree of longitude and of latitude at lat0. */
  eastPerDeg: number;
  northPerDeg: number;
  parallel0: number;
  meridian0: number;
}

export function planeAbout(lon0: number, lat0: number): Plane {
  const { parallelM, meridianM } = radiiAt(lat0);
  return {
    lon0,
    lat0,
    eastPerDeg: parallelM * DEG,
    northPerDeg: meridianM * DEG,
    parallel0: parallelM,
    meridian0: meridianM,
  };
}

export const toX = (p: Plane, lon: number): number => (lon - p.lon0) * p.eastPerDeg;
export const toY = (p: Plane, lat: number): number => (lat - p.lat0) * p.northPerDeg;
export const toLon = (p: Plane, x: number): number => p.lon0 + x / p.eastPerDeg;
export const toLat = (p: Plane, y: number): number => p.lat0 + y / p.northPerDeg;

/**
 * An ellipse metric for geodesic reach `reachM` about a point at latitude `latDeg`:
 * d_r(u, v)² = (sx·Δx)² + (sy·Δy)². For any two points within `reachM` of each other, both in
 * the band of latitudes the reach allows, `lo · d_r ≤ geodesic ≤ hi · d_r`.
 *
 * Proof. Along any path in the band, ds ≥ min(P(φ)/P(φr), M(φ)/M(φr))·d_r-length and
 * ds ≤ max(…)·d_r-length. The geodesic stays in the band (BOW_DEG) and is no longer in d_r than
 * geodesic / lo, which bounds the straight d_r distance; the straight plane segment stays within
 * its ends' latitudes and the geodesic is no longer than it. P falls and M rises with |φ|, so
 * both ratios are extreme at the band's ends (or the equator, when the band crosses it).
 */
export interface Ellipse {
  sx: number;
  sy: number;
  lo: number;
  hi: number;
}

export function ellipseAt(plane: Plane, latDeg: number, reachM: number): Ellipse {
  const r = radiiAt(latDeg);
  const spread = reachM / MERIDIAN_MIN_M / DEG + BOW_DEG;
  const ends = [latDeg - spread, latDeg + spread];
  if (latDeg - spread < 0 && latDeg + spread > 0) ends.push(0);
  let lo = 1;
  let hi = 1;
  for (const lat of ends) {
    const e = radiiAt(lat);
    const a = e.parallelM / r.parallelM;
    const b = e.meridianM / r.meridianM;
    lo = Math.min(lo, a, b);
    hi = Math.max(hi, a, b);
  }
  return { sx: r.parallelM / plane.parallel0, sy: r.meridianM / plane.meridian0, lo, hi };
}

/**
 * The largest geodesic distance (m) from the centre of a plane rectangle (half-sizes hx, hy m)
 * spanning latitudes [latLo, latHi] to any point of it: the straight plane path stays in the
 * rectangle, where ds ≤ √((P_max/P₀·dx)² + (M_max/M₀·dy)²).
 */
export function halfDiagonalM(
  plane: Plane,
  latLo: number,
  latHi: number,
  hx: number,
  hy: number,
): number {
  const ends = [latLo, latHi];
  if (latLo < 0 && latHi > 0) ends.push(0);
  let pMax = 0;
  let mMax = 0;
  for (const lat of ends) {
    const e = radiiAt(lat);
    pMax = Math.max(pMax, e.parallelM);
    mMax = Math.max(mMax, e.meridianM);
  }
  return Math.hypot((pMax / plane.parallel0) * hx, (mMax / plane.meridian0) * hy);
}
