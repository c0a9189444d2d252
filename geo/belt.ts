/**
 * Distances from points to a belt's axis, a polyline of geodesic segments (Phase-3 belt
 * envelopes: every parcel within the half-width of the axis).
 *
 * Method, per segment A→B: the foot of the perpendicular from P is where the geodesic from P
 * meets the segment at a right angle. Start at the segment's middle X; the geodesic X→P leaves
 * X at an angle θ to the segment, and on a plane the foot would lie d·cos θ further along.
 * Step there (clamped to the segment) and repeat: on the ellipsoid each step cuts the error by
 * a factor of about (d/R)², so two or three steps reach a millimetre at 10 km. Every distance is
 * GeographicLib's, so the answer is exact to that millimetre.
 */
import type { Position } from "geojson";
import { Geodesic, type LocalOffset, localOffset, WGS84 } from "./geodesic";

const LINE_CAPS = Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.AZIMUTH | Geodesic.DISTANCE_IN;
const MAX_STEPS = 30;
const STEP_TOLERANCE_M = 1e-4;

function inverse(lat1: number, lon1: number, lat2: number, lon2: number) {
  const r = WGS84.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE | Geodesic.AZIMUTH);
  return { distanceM: r.s12 ?? 0, azimuthDeg: r.azi1 ?? 0 };
}

/** Shortest geodesic distance (m) from `p` to the geodesic segment a → b. */
function distanceToSegmentM(p: Position, a: Position, b: Position): number {
  const pLon = p[0] ?? 0;
  const pLat = p[1] ?? 0;
  const line = WGS84.InverseLine(a[1] ?? 0, a[0] ?? 0, b[1] ?? 0, b[0] ?? 0, LINE_CAPS);
  const lengthM = line.s13;
  if (!(lengthM > 0)) return inverse(a[1] ?? 0, a[0] ?? 0, pLat, pLon).distanceM;
  let s = lengthM / 2;
  let distance = 0;
  for (let step = 0; step < MAX_STEPS; step++) {
    const x = line.Position(s, LINE_CAPS);
    const toP = inverse(x.lat2 ?? 0, x.lon2 ?? 0, pLat, pLon);
    distance = toP.distanceM;
    const theta = ((toP.azimuthDeg - (x.azi2 ?? 0)) * Math.PI) / 180;
    const next = Math.min(lengthM, Math.max(0, s + distance * Math.cos(theta)));
    if (Math.abs(next - s) < STEP_TOLERANCE_M) break;
    s = next;
  }
  return distance;
}

/**
 * Shortest distance (m) from `p` to a polyline of geodesic segments (a belt's axis), exact to
 * a millimetre (see the method above). A one-position axis is a point.
 */
export function distanceToLineM(p: Position, axis: Position[]): number {
  const first = axis[0];
  if (first === undefined) return Number.POSITIVE_INFINITY;
  if (axis.length === 1)
    return inverse(first[1] ?? 0, first[0] ?? 0, p[1] ?? 0, p[0] ?? 0).distanceM;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < axis.length; i++) {
    best = Math.min(best, distanceToSegmentM(p, axis[i - 1] as Position, axis[i] as Position));
  }
  return best;
}

/** Planar distance from (x, y) to the polyline `xy` ([x0, y0, …]). */
function planarDistanceToLine(x: number, y: number, xy: Float64Array): number {
  let best2 = Number.POSITIVE_INFINITY;
  const n = xy.length / 2;
  for (let i = 0; i < Math.max(1, n - 1); i++) {
    const ax = xy[2 * i] as number;
    const ay = xy[2 * i + 1] as number;
    const bx = n > 1 ? (xy[2 * i + 2] as number) : ax;
    const by = n > 1 ? (xy[2 * i + 3] as number) : ay;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
    const ex = x - (ax + t * dx);
    const ey = y - (ay + t * dy);
    best2 = Math.min(best2, ex * ex + ey * ey);
  }
  return Math.sqrt(best2);
}

/**
 * The farthest distance (m) of any point from the axis. Every point is ranked in a local
 * azimuthal plane about the axis' middle vertex, and only those within the plane's error of
 * the farthest get the exact distance.
 */
export function beltReachM(axis: Position[], points: Position[]): number {
  const middle = axis[Math.floor(axis.length / 2)];
  if (middle === undefined || points.length === 0) return 0;
  const lon0 = middle[0] ?? 0;
  const lat0 = middle[1] ?? 0;
  const out: LocalOffset = { east: 0, north: 0 };
  const place = (p: Position): [number, number] => {
    localOffset(lon0, lat0, p[0] ?? 0, p[1] ?? 0, out);
    return [out.east, out.north];
  };
  const axisXy = Float64Array.from(axis.flatMap(place));
  let extentM = 0;
  const approx = points.map((p) => {
    const [x, y] = place(p);
    extentM = Math.max(extentM, Math.hypot(x, y));
    return planarDistanceToLine(x, y, axisXy);
  });
  for (let i = 0; i < axisXy.length; i += 2) {
    extentM = Math.max(extentM, Math.hypot(axisXy[i] as number, axisXy[i + 1] as number));
  }
  // The plane's error: the local solution's own (5 mm at 20 km, growing as the cube), the
  // bending of long geodesics in the plane (~L²d/8R²) and the azimuthal scale (~ρ²/6R²).
  const k = extentM / 20_000;
  const slackM = 2 + 0.5 * k * k * k + (extentM * extentM) / 1e10;
  const maxApprox = approx.reduce((m, d) => Math.max(m, d), 0);
  const cut = extentM > 200_000 ? Number.NEGATIVE_INFINITY : maxApprox - 2 * slackM;
  let best = 0;
  points.forEach((p, i) => {
    if ((approx[i] as number) >= cut) best = Math.max(best, distanceToLineM(p, axis));
  });
  return best;
}
