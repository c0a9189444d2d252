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
import { Geodesic, type LocalOffset, localOffset, WGS84 } from "../measure";

const LINE_CAPS = Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.AZIMUTH | Geodesic.DISTANCE_IN;
const MAX_STEPS = 30;
const STEP_TOLERANCE_M = 1e-4;

function inverse(lat1: number, lon1: number, lat2: number, lon2: number) {
  const r = WGS84.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE | Geodesic.AZIMUTH);
  return { distanceM: r.s12 ?? 0, azimuthDeg: r.azi1 ?? 0 };
}

/** One segment of the axis, solved once: GeographicLib's line from its start to its end. */
interface Segment {
  a: Position;
  line: ReturnType<typeof WGS84.InverseLine>;
}

function segmentsOf(axis: readonly Position[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 1; i < axis.length; i++) {
    const a = axis[i - 1] as Position;
    const b = axis[i] as Position;
    out.push({ a, line: WGS84.InverseLine(a[1] ?? 0, a[0] ?? 0, b[1] ?? 0, b[0] ?? 0, LINE_CAPS) });
  }
  return out;
}

/**
 * Shortest geodesic distance (m) from `p` to a segment, starting the search at `fraction` of
 * its length.
 */
function distanceToSegmentM(p: Position, seg: Segment, fraction: number): number {
  const pLon = p[0] ?? 0;
  const pLat = p[1] ?? 0;
  const { a, line } = seg;
  const lengthM = line.s13;
  if (!(lengthM > 0)) return inverse(a[1] ?? 0, a[0] ?? 0, pLat, pLon).distanceM;
  let s = lengthM * fraction;
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
  if (axis.length === 1) {
    return inverse(first[1] ?? 0, first[0] ?? 0, p[1] ?? 0, p[0] ?? 0).distanceM;
  }
  let nearest = Number.POSITIVE_INFINITY;
  for (const seg of segmentsOf(axis)) nearest = Math.min(nearest, distanceToSegmentM(p, seg, 0.5));
  return nearest;
}

/**
 * The farthest distance (m) of any point from the axis. Every point is ranked in a local
 * azimuthal plane about the axis' middle vertex, and only those within the plane's error of
 * the farthest get the exact distance, to the segments that could be nearest, starting from
 * the plane's foot.
 */
export function beltReachM(axis: Position[], points: Position[]): number {
  const middle = axis[Math.floor(axis.length / 2)];
  if (middle === undefined || points.length === 0) return 0;
  if (axis.length === 1) {
    // A loop, not Math.max(...): a spread of 150k arguments overflows the stack.
    let farthest = 0;
    for (const p of points) farthest = Math.max(farthest, distanceToLineM(p, axis));
    return farthest;
  }
  const lon0 = middle[0] ?? 0;
  const lat0 = middle[1] ?? 0;
  const out: LocalOffset = { east: 0, north: 0 };
  const ax = new Float64Array(axis.length);
  const ay = new Float64Array(axis.length);
  let extentM = 0;
  axis.forEach((q, j) => {
    localOffset(lon0, lat0, q[0] ?? 0, q[1] ?? 0, out);
    ax[j] = out.east;
    ay[j] = out.north;
    extentM = Math.max(extentM, Math.hypot(out.east, out.north));
  });
  const nSeg = axis.length - 1;
  // Per point and segment: planar distance to the segment and the foot's fraction along it.
  const footD = new Float64Array(points.length * nSeg);
  const footT = new Float64Array(points.length * nSeg);
  const approx = new Float64Array(points.length);
  points.forEach((p, i) => {
    localOffset(lon0, lat0, p[0] ?? 0, p[1] ?? 0, out);
    const x = out.east;
    const y = out.north;
    extentM = Math.max(extentM, Math.sqrt(x * x + y * y));
    let nearest = Number.POSITIVE_INFINITY;
    for (let j = 0; j < nSeg; j++) {
      const x0 = ax[j] as number;
      const y0 = ay[j] as number;
      const dx = (ax[j + 1] as number) - x0;
      const dy = (ay[j + 1] as number) - y0;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - x0) * dx + (y - y0) * dy) / len2)) : 0;
      const ex = x - x0 - t * dx;
      const ey = y - y0 - t * dy;
      const d = Math.sqrt(ex * ex + ey * ey);
      footD[i * nSeg + j] = d;
      footT[i * nSeg + j] = t;
      if (d < nearest) nearest = d;
    }
    approx[i] = nearest;
  });
  // The plane's error: the local solution's own (5 mm at 20 km, growing as the cube; ten
  // times that here), the bending of long geodesics in the plane and its azimuthal scale.
  const k = extentM / 20_000;
  const slackM = 1 + 0.05 * k * k * k + extentM ** 3 / 3e14;
  const rough = extentM > 200_000;
  const maxApprox = approx.reduce((m, d) => Math.max(m, d), 0);
  const cut = rough ? Number.NEGATIVE_INFINITY : maxApprox - 2 * slackM;
  const segments = segmentsOf(axis);
  let best = 0;
  points.forEach((p, i) => {
    const nearest = approx[i] as number;
    if (nearest < cut) return;
    let exact = Number.POSITIVE_INFINITY;
    for (let j = 0; j < nSeg; j++) {
      if (!rough && (footD[i * nSeg + j] as number) > nearest + 2 * slackM) continue;
      const seg = segments[j] as Segment;
      exact = Math.min(exact, distanceToSegmentM(p, seg, footT[i * nSeg + j] as number));
    }
    best = Math.max(best, exact);
  });
  return best;
}
