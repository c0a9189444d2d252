/**
 * Whether a parcel lies inside a polygon envelope (Phase 3), boundaries touching counting as
 * inside.
 *
 * Edges are geodesics; the test runs on straight lon/lat segments after every edge longer than
 * DENSIFY_M is cut into geodesic pieces of at most that length. A straight lon/lat segment
 * strays from the geodesic by at most ~L² tan φ / 8R: 1.5 cm for 1 km at 37°N, against 18 m
 * for an uncut 35 km envelope edge, which is why the cut matters and why, after it, planar
 * lon/lat is as good as geodesic here.
 */

import Flatbush from "flatbush";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { Geodesic, type LocalOffset, localOffset, WGS84 } from "../measure";

const DENSIFY_M = 1000;
/** Boundary tolerance in degrees (~0.1 mm): a vertex on the envelope's edge is on it. */
const EPS_DEG = 1e-9;

/** `ring`, closed, with every edge longer than DENSIFY_M split along its geodesic. */
function densify(open: readonly Position[]): Position[] {
  const start = open[0];
  const end = open[open.length - 1];
  const ring =
    start !== undefined && end !== undefined && (start[0] !== end[0] || start[1] !== end[1])
      ? [...open, start]
      : open;
  const out: Position[] = [];
  const off: LocalOffset = { east: 0, north: 0 };
  ring.forEach((p, i) => {
    out.push(p);
    const q = ring[i + 1];
    if (q === undefined) return;
    localOffset(p[0] ?? 0, p[1] ?? 0, q[0] ?? 0, q[1] ?? 0, off);
    const pieces = Math.ceil(Math.hypot(off.east, off.north) / DENSIFY_M);
    if (pieces <= 1) return;
    const line = WGS84.InverseLine(p[1] ?? 0, p[0] ?? 0, q[1] ?? 0, q[0] ?? 0);
    for (let k = 1; k < pieces; k++) {
      const x = line.Position((line.s13 * k) / pieces, Geodesic.LATITUDE | Geodesic.LONGITUDE);
      out.push([x.lon2 ?? 0, x.lat2 ?? 0]);
    }
  });
  return out;
}

/** The envelope's edges, straight in lon/lat, behind a spatial index. */
class Boundary {
  /** Edge k runs from (xy[4k], xy[4k+1]) to (xy[4k+2], xy[4k+3]). */
  private readonly xy: Float64Array;
  private readonly index: Flatbush;

  constructor(rings: readonly Position[][]) {
    const flat: number[] = [];
    for (const ring of rings.map(densify)) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as Position;
        const b = ring[i + 1] as Position;
        flat.push(a[0] ?? 0, a[1] ?? 0, b[0] ?? 0, b[1] ?? 0);
      }
    }
    this.xy = Float64Array.from(flat);
    const n = flat.length / 4;
    this.index = new Flatbush(Math.max(1, n));
    for (let k = 0; k < n; k++) {
      const [ax, ay, bx, by] = this.edge(k);
      this.index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    if (n === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  private edge(k: number): [number, number, number, number] {
    const xy = this.xy;
    return [
      xy[4 * k] as number,
      xy[4 * k + 1] as number,
      xy[4 * k + 2] as number,
      xy[4 * k + 3] as number,
    ];
  }

  /** "on" the boundary (within EPS_DEG), "in" or "out" (even–odd, so holes count). */
  locate(x: number, y: number): "in" | "on" | "out" {
    for (const k of this.index.search(x - EPS_DEG, y - EPS_DEG, x + EPS_DEG, y + EPS_DEG)) {
      const [ax, ay, bx, by] = this.edge(k);
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
      if (Math.hypot(x - ax - t * dx, y - ay - t * dy) <= EPS_DEG) return "on";
    }
    let inside = false;
    for (const k of this.index.search(x, y, Number.POSITIVE_INFINITY, y)) {
      const [ax, ay, bx, by] = this.edge(k);
      if (ay > y !== by > y && x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside;
    }
    return inside ? "in" : "out";
  }

  /** Parameters t ∈ [0, 1] along p → q where it meets the boundary. */
  meetings(px: number, py: number, qx: number, qy: number): number[] {
    const ts: number[] = [];
    const rx = qx - px;
    const ry = qy - py;
    const found = this.index.search(
      Math.min(px, qx) - EPS_DEG,
      Math.min(py, qy) - EPS_DEG,
      Math.max(px, qx) + EPS_DEG,
      Math.max(py, qy) + EPS_DEG,
    );
    for (const k of found) {
      const [ax, ay, bx, by] = this.edge(k);
      const sx = bx - ax;
      const sy = by - ay;
      const denom = rx * sy - ry * sx;
      const apx = ax - px;
      const apy = ay - py;
      if (Math.abs(denom) > 1e-20) {
        const t = (apx * sy - apy * sx) / denom;
        const u = (apx * ry - apy * rx) / denom;
        if (t >= 0 && t <= 1 && u >= 0 && u <= 1) ts.push(t);
      } else {
        // Parallel: where the edge's ends fall on p → q, if they do.
        const len2 = rx * rx + ry * ry;
        if (len2 === 0) continue;
        for (const [ex, ey] of [
          [ax, ay],
          [bx, by],
        ] as const) {
          const t = ((ex - px) * rx + (ey - py) * ry) / len2;
          if (t > 0 && t < 1) ts.push(t);
        }
      }
    }
    return ts;
  }
}

/**
 * The checker asks about every parcel against one envelope object, so its densified, indexed
 * boundary is built once per envelope (envelopes are not mutated: a drag makes a new object).
 */
const boundaries = new WeakMap<Polygon, Boundary>();

function boundaryOf(envelope: Polygon): Boundary {
  const cached = boundaries.get(envelope);
  if (cached) return cached;
  const built = new Boundary(envelope.coordinates);
  boundaries.set(envelope, built);
  return built;
}

/**
 * Where q lies, given that p lies `pWhere` (not "out"), or "out" when some point of the
 * segment p → q leaves the closed envelope.
 */
function segmentEnd(
  b: Boundary,
  p: Position,
  pWhere: "in" | "on",
  q: Position,
): "in" | "on" | "out" {
  const px = p[0] ?? 0;
  const py = p[1] ?? 0;
  const qx = q[0] ?? 0;
  const qy = q[1] ?? 0;
  const meetings = b.meetings(px, py, qx, qy);
  // Never meeting the boundary, a segment from a strictly inner point stays strictly inside.
  if (pWhere === "in" && meetings.length === 0) return "in";
  const qWhere = b.locate(qx, qy);
  if (qWhere === "out") return "out";
  const ts = [0, 1, ...meetings].sort((m, n) => m - n);
  // Between two meetings the segment is wholly on one side: its middle decides.
  for (let i = 1; i < ts.length; i++) {
    const lo = ts[i - 1] as number;
    const hi = ts[i] as number;
    if (hi - lo < 1e-12) continue;
    const t = (lo + hi) / 2;
    if (b.locate(px + t * (qx - px), py + t * (qy - py)) === "out") return "out";
  }
  return qWhere;
}

/**
 * True when every part of `g` lies inside `envelope`, its boundary allowed to touch the
 * envelope's. An envelope hole that falls wholly inside a parcel also makes it false.
 */
export function polygonContains(envelope: Polygon, g: Polygon | MultiPolygon): boolean {
  const boundary = boundaryOf(envelope);
  const parts = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  for (const rings of parts) {
    for (const ring of rings.map(densify)) {
      const first = ring[0];
      if (first === undefined) continue;
      let where = boundary.locate(first[0] ?? 0, first[1] ?? 0);
      for (let i = 0; i + 1 < ring.length && where !== "out"; i++) {
        where = segmentEnd(boundary, ring[i] as Position, where, ring[i + 1] as Position);
      }
      if (where === "out") return false;
    }
    const holes = envelope.coordinates.slice(1);
    const part = holes.length > 0 ? new Boundary(rings) : null;
    for (const hole of holes) {
      const probes = hole.flatMap((p, i) => {
        const q = hole[i + 1];
        if (q === undefined) return [p];
        return [p, [((p[0] ?? 0) + (q[0] ?? 0)) / 2, ((p[1] ?? 0) + (q[1] ?? 0)) / 2]];
      });
      if (probes.some((p) => part?.locate(p[0] ?? 0, p[1] ?? 0) === "in")) return false;
    }
  }
  return true;
}
