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
 *
 * Edges (beltReachM): a parcel's edges are geodesics, and its middle can lie far from an axis
 * its corners sit on (corners on the two arms of a bend, or a strip across the inside of one).
 * The distance to one axis segment is quasi-convex along a geodesic edge (on the sphere the
 * neighbourhoods of a convex set are convex; on the ellipsoid the departure is far below a
 * millimetre at these scales), so over a stretch of edge with ends A and B no point is farther
 * from segment j than max(D_j(A), D_j(B)), and none farther from the axis than the least of
 * these over j. That bound is exact where one segment is nearest along the whole stretch (the
 * farthest point is an end) and too big only across a switch of nearest segment (a bisector
 * crossing, where the farthest point of the edge may lie): there the stretch is halved, branch
 * and bound, until the bound is within REACH_TOLERANCE_M of the farthest point found. The
 * same bound, in a local plane with its error added, first drops every edge that can't hold a
 * point as far as the farthest vertex, so only a handful of edges per parcel are solved exactly.
 * The result is the bound itself: never below the true farthest distance, at most
 * REACH_TOLERANCE_M above it (plus GeographicLib's and the foot search's millimetre).
 */
import type { Position } from "geojson";
import { Geodesic, type LocalOffset, localOffset, WGS84 } from "../measure";

const LINE_CAPS = Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.AZIMUTH | Geodesic.DISTANCE_IN;
const MAX_STEPS = 30;
const STEP_TOLERANCE_M = 1e-4;
/** How far beltReachM may lie above the farthest distance of any edge point (m). */
export const REACH_TOLERANCE_M = 0.005;
/** Stretches of edge shorter than this are not halved again (m). */
const MIN_STRETCH_M = 1e-3;
/** Halvings per edge at most; past it the remaining stretches count by their bound. */
const MAX_NODES = 4096;
/** WGS84's equatorial radius, for the bend of a geodesic edge drawn in the local plane (m). */
const EARTH_RADIUS_M = 6_378_137;

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
 * The farthest distance (m) from the axis of any point of the rings' edges, each edge the
 * geodesic between consecutive positions (a ring that doesn't close is closed). An upper bound
 * on the true farthest distance, at most REACH_TOLERANCE_M above it (see "Edges" above).
 */
export function beltReachM(axis: Position[], rings: readonly (readonly Position[])[]): number {
  const middle = axis[Math.floor(axis.length / 2)];
  const points: Position[] = [];
  const edges: number[] = [];
  for (const ring of rings) {
    const start = points.length;
    for (const p of ring) points.push(p);
    const end = points.length - 1;
    for (let i = start; i < end; i++) edges.push(i, i + 1);
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (end > start && first && last && (first[0] !== last[0] || first[1] !== last[1])) {
      edges.push(end, start);
    }
  }
  if (middle === undefined || points.length === 0) return 0;
  if (axis.length === 1) {
    // Distance to a point is quasi-convex along a geodesic: the farthest point is a vertex.
    let farthest = 0;
    for (const p of points) farthest = Math.max(farthest, distanceToLineM(p, axis));
    return farthest;
  }
  return new BeltReach(axis, middle, points).reachM(edges);
}

/** A geodesic edge's stretch [s0, s1] (m along it) and its ends' distances to the segments. */
interface Stretch {
  s0: number;
  s1: number;
  d0: Float64Array;
  d1: Float64Array;
}

/** Planar distance from (x, y) to the segment (x0, y0)–(x1, y1), and the foot's fraction. */
function planarFoot(
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): { d: number; t: number } {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - x0) * dx + (y - y0) * dy) / len2)) : 0;
  return { d: Math.hypot(x - x0 - t * dx, y - y0 - t * dy), t };
}

/** Planar distance between two segments: 0 where they cross, else the nearest end's. */
function segmentGap(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): number {
  const cross = (ox: number, oy: number, px: number, py: number, qx: number, qy: number) =>
    (px - ox) * (qy - oy) - (py - oy) * (qx - ox);
  const c1 = cross(ax, ay, bx, by, cx, cy);
  const c2 = cross(ax, ay, bx, by, dx, dy);
  const c3 = cross(cx, cy, dx, dy, ax, ay);
  const c4 = cross(cx, cy, dx, dy, bx, by);
  if (
    ((c1 <= 0 && c2 >= 0) || (c1 >= 0 && c2 <= 0)) &&
    ((c3 <= 0 && c4 >= 0) || (c3 >= 0 && c4 <= 0))
  ) {
    return 0;
  }
  return Math.min(
    planarFoot(ax, ay, cx, cy, dx, dy).d,
    planarFoot(bx, by, cx, cy, dx, dy).d,
    planarFoot(cx, cy, ax, ay, bx, by).d,
    planarFoot(dx, dy, ax, ay, bx, by).d,
  );
}

/**
 * One belt and one parcel's boundary: every position ranked in a local azimuthal plane about
 * the axis' middle vertex, exact distances only where the plane can't decide.
 */
class BeltReach {
  private readonly nSeg: number;
  private readonly segments: Segment[];
  private readonly lon0: number;
  private readonly lat0: number;
  private readonly ax: Float64Array;
  private readonly ay: Float64Array;
  private readonly px: Float64Array;
  private readonly py: Float64Array;
  /** Per position and segment: planar distance, the foot's fraction, the exact distance. */
  private readonly footD: Float64Array;
  private readonly footT: Float64Array;
  private readonly exactD: Float64Array;
  private readonly approx: Float64Array;
  /** The plane's error (m) for any point and segment; no plane at all past 200 km. */
  private readonly slackM: number;
  private readonly rough: boolean;
  private readonly extentM: number;
  private readonly off: LocalOffset = { east: 0, north: 0 };

  constructor(
    axis: Position[],
    middle: Position,
    private readonly points: Position[],
  ) {
    this.lon0 = middle[0] ?? 0;
    this.lat0 = middle[1] ?? 0;
    this.nSeg = axis.length - 1;
    this.segments = segmentsOf(axis);
    this.ax = new Float64Array(axis.length);
    this.ay = new Float64Array(axis.length);
    let extentM = 0;
    axis.forEach((q, j) => {
      const o = this.offset(q);
      this.ax[j] = o.east;
      this.ay[j] = o.north;
      extentM = Math.max(extentM, Math.hypot(o.east, o.north));
    });
    const n = points.length;
    const nSeg = this.nSeg;
    this.px = new Float64Array(n);
    this.py = new Float64Array(n);
    this.footD = new Float64Array(n * nSeg);
    this.footT = new Float64Array(n * nSeg);
    this.exactD = new Float64Array(n * nSeg).fill(Number.NaN);
    this.approx = new Float64Array(n);
    points.forEach((p, i) => {
      const o = this.offset(p);
      const x = o.east;
      const y = o.north;
      this.px[i] = x;
      this.py[i] = y;
      extentM = Math.max(extentM, Math.sqrt(x * x + y * y));
      let nearest = Number.POSITIVE_INFINITY;
      const { ax, ay, footD, footT } = this;
      for (let j = 0; j < nSeg; j++) {
        // planarFoot, inline: this loop runs for every position of every parcel.
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
      this.approx[i] = nearest;
    });
    // The plane's error: the local solution's own (5 mm at 20 km, growing as the cube; ten
    // times that here), the bending of long geodesics in the plane and its azimuthal scale.
    const k = extentM / 20_000;
    this.slackM = 1 + 0.05 * k * k * k + extentM ** 3 / 3e14;
    this.rough = extentM > 200_000;
    this.extentM = extentM;
  }

  private offset(p: Position): LocalOffset {
    return localOffset(this.lon0, this.lat0, p[0] ?? 0, p[1] ?? 0, this.off);
  }

  private planar(x: number, y: number, j: number): { d: number; t: number } {
    const { ax, ay } = this;
    return planarFoot(
      x,
      y,
      ax[j] as number,
      ay[j] as number,
      ax[j + 1] as number,
      ay[j + 1] as number,
    );
  }

  /** Exact distance (m) from position i to segment j, solved once. */
  private exactAt(i: number, j: number): number {
    const at = i * this.nSeg + j;
    const known = this.exactD[at] as number;
    if (!Number.isNaN(known)) return known;
    const d = distanceToSegmentM(
      this.points[i] as Position,
      this.segments[j] as Segment,
      this.footT[at] as number,
    );
    this.exactD[at] = d;
    return d;
  }

  /** The exact distance from position i to segment j if solved, else the plane's bound on it. */
  private upperAt(i: number, j: number): number {
    const at = i * this.nSeg + j;
    const known = this.exactD[at] as number;
    if (!Number.isNaN(known)) return known;
    return this.rough ? this.exactAt(i, j) : (this.footD[at] as number) + this.slackM;
  }

  /** The farthest exact vertex distance: a lower bound on the reach, at a real point. */
  private farthestVertexM(): number {
    const { nSeg, footD, approx } = this;
    const maxApprox = approx.reduce((m, d) => Math.max(m, d), 0);
    const cut = this.rough ? Number.NEGATIVE_INFINITY : maxApprox - 2 * this.slackM;
    let best = 0;
    for (let i = 0; i < approx.length; i++) {
      const nearest = approx[i] as number;
      if (nearest < cut) continue;
      let exact = Number.POSITIVE_INFINITY;
      for (let j = 0; j < nSeg; j++) {
        if (!this.rough && (footD[i * nSeg + j] as number) > nearest + 2 * this.slackM) continue;
        exact = Math.min(exact, this.exactAt(i, j));
      }
      best = Math.max(best, exact);
    }
    return best;
  }

  /** The reach over the edges [i0, k0, i1, k1, …] (position indices). */
  reachM(edges: readonly number[]): number {
    let best = this.farthestVertexM();
    let bound = best;
    const { nSeg, footD, px, py, ax, ay } = this;
    for (let e = 0; e + 1 < edges.length; e += 2) {
      const i = edges[e] as number;
      const k = edges[e + 1] as number;
      // The plane's bound over the chord: each segment's distance is convex along it.
      let chordBound = Number.POSITIVE_INFINITY;
      for (let j = 0; j < nSeg; j++) {
        const far = Math.max(footD[i * nSeg + j] as number, footD[k * nSeg + j] as number);
        if (far < chordBound) chordBound = far;
      }
      const ex = (px[k] as number) - (px[i] as number);
      const ey = (py[k] as number) - (py[i] as number);
      const lengthM = Math.sqrt(ex * ex + ey * ey);
      // The geodesic edge bows away from its chord in the plane by far less than this.
      const bendM = (lengthM * lengthM * (this.extentM + lengthM)) / (4 * EARTH_RADIUS_M ** 2);
      if (!this.rough && chordBound + this.slackM + bendM < best) continue;
      // The segments that can be nearest somewhere on the edge.
      const near: number[] = [];
      for (let j = 0; j < nSeg; j++) {
        const gap = segmentGap(
          px[i] as number,
          py[i] as number,
          px[k] as number,
          py[k] as number,
          ax[j] as number,
          ay[j] as number,
          ax[j + 1] as number,
          ay[j + 1] as number,
        );
        if (this.rough || gap <= chordBound + 2 * this.slackM + 2 * bendM) near.push(j);
      }
      const edge = this.edgeReach(i, k, near, best);
      best = Math.max(best, edge.found);
      bound = Math.max(bound, edge.bound);
    }
    return Math.max(best, bound);
  }

  /**
   * Branch and bound along the geodesic edge i → k over the segments `near`: the farthest
   * distance found at a real point, and a bound no point of the edge exceeds.
   */
  private edgeReach(
    i: number,
    k: number,
    near: readonly number[],
    bestSoFar: number,
  ): { found: number; bound: number } {
    // Ends not yet solved first count by the plane's bound: when even that can't beat the best
    // found, as along most edges near the farthest vertex, the edge needs no exact distance.
    const roughBound = Math.min(
      ...near.map((j) => Math.max(this.upperAt(i, j), this.upperAt(k, j))),
    );
    if (roughBound <= bestSoFar) return { found: bestSoFar, bound: roughBound };
    const d0 = Float64Array.from(near, (j) => this.exactAt(i, j));
    const d1 = Float64Array.from(near, (j) => this.exactAt(k, j));
    let found = Math.max(bestSoFar, Math.min(...d0), Math.min(...d1));
    let bound = 0;
    // Solved only when the edge's ends don't settle it, as they mostly do.
    let line: ReturnType<typeof WGS84.InverseLine> | null = null;
    const stack: Stretch[] = [{ s0: 0, s1: Number.POSITIVE_INFINITY, d0, d1 }];
    let nodes = 0;
    while (stack.length > 0) {
      const st = stack.pop() as Stretch;
      let ub = Number.POSITIVE_INFINITY;
      for (let m = 0; m < near.length; m++) {
        ub = Math.min(ub, Math.max(st.d0[m] as number, st.d1[m] as number));
      }
      if (ub <= found + REACH_TOLERANCE_M || st.s1 - st.s0 < MIN_STRETCH_M || nodes >= MAX_NODES) {
        bound = Math.max(bound, ub);
        continue;
      }
      if (line === null) {
        const a = this.points[i] as Position;
        const b = this.points[k] as Position;
        line = WGS84.InverseLine(a[1] ?? 0, a[0] ?? 0, b[1] ?? 0, b[0] ?? 0, LINE_CAPS);
        st.s1 = line.s13;
        if (st.s1 < MIN_STRETCH_M) {
          bound = Math.max(bound, ub);
          continue;
        }
      }
      nodes++;
      const mid = (st.s0 + st.s1) / 2;
      const x = line.Position(mid, Geodesic.LATITUDE | Geodesic.LONGITUDE);
      const p: Position = [x.lon2 ?? 0, x.lat2 ?? 0];
      const o = this.offset(p);
      const dm = new Float64Array(near.length);
      let nearest = Number.POSITIVE_INFINITY;
      near.forEach((j, m) => {
        const d = distanceToSegmentM(
          p,
          this.segments[j] as Segment,
          this.planar(o.east, o.north, j).t,
        );
        dm[m] = d;
        if (d < nearest) nearest = d;
      });
      found = Math.max(found, nearest);
      stack.push(
        { s0: st.s0, s1: mid, d0: st.d0, d1: dm },
        { s0: mid, s1: st.s1, d0: dm, d1: st.d1 },
      );
    }
    return { found, bound };
  }
}
