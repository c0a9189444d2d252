/**
 * The area of a parcel that straddles 시·도 borders or the coast, split among the 시·도, without
 * building intersection polygons. By Green's theorem the area of parcel ∩ 시·도 is the shoelace
 * sum over its boundary, which is made of (a) the parcel's edges where they run inside the 시·도
 * and (b) the 시·도's edges where they run inside the parcel, each in its own winding. Walking the
 * parcel's rings, the set of 시·도 we are in only changes where an edge crosses a border, so one
 * ray cast a ring is enough. About 50× faster than turf's polygon intersection.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { type Frame, frameAt, pieceM2, ringSignedM2 } from "./area";

type Area = Polygon | MultiPolygon;

/** What the split needs from the boundary index. */
export interface EdgeSource {
  /** Edge e runs from (xy[4e], xy[4e+1]) to (xy[4e+2], xy[4e+3]), lon/lat degrees. */
  xy: Float64Array;
  owner: Uint8Array;
  count: number;
  locate(x: number, y: number): number[];
}

interface Crossing {
  t: number;
  at: Position;
  owner: number;
}

/** Even-odd test over every ring of the parcel (holes and parts included). */
function insideParcel(rings: Position[][], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i] ?? [];
      const b = ring[j] ?? [];
      const ax = a[0] ?? 0;
      const ay = a[1] ?? 0;
      const bx = b[0] ?? 0;
      const by = b[1] ?? 0;
      if (ay > y !== by > y && x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside;
    }
  }
  return inside;
}

function addTo(acc: Map<number, number>, k: number, m2: number): void {
  acc.set(k, (acc.get(k) ?? 0) + m2);
}

/** Pieces of a segment between sorted crossings, each handed to `emit` with what holds it. */
function walk(
  from: Position,
  to: Position,
  cuts: Crossing[],
  emit: (p: Position, q: Position) => void,
  toggle: (c: Crossing) => void,
): void {
  cuts.sort((a, b) => a.t - b.t);
  let p = from;
  for (const c of cuts) {
    emit(p, c.at);
    toggle(c);
    p = c.at;
  }
  emit(p, to);
}

/**
 * How close (as a fraction of either segment) a crossing may come to an end of the parcel's edge
 * or the border's before the split counts it as touching: a parcel vertex on a border, or a
 * border vertex on a parcel edge, would be counted by the half-open rule on one side only.
 */
const TOUCH = 1e-9;

/**
 * Adds the area (m²) of parcel `g` inside each 시·도 to `acc`, given the boundary edges `edges`
 * that meet the parcel's bounding box. Returns false, leaving `acc` as it was, when the parcel
 * touches a border at a vertex or runs along one (a parcel traced from the boundary data): the
 * caller moves it by a fraction of a millimetre and splits again. With `strict` false it splits
 * anyway, counting each touch on one side by the half-open rule.
 */
export function splitParcel(
  src: EdgeSource,
  g: Area,
  edges: number[],
  acc: Map<number, number>,
  strict = true,
): boolean {
  const own = new Map<number, number>();
  if (!splitInto(src, g, edges, own, strict)) return false;
  for (const [k, m2] of own) addTo(acc, k, m2);
  return true;
}

function splitInto(
  src: EdgeSource,
  g: Area,
  edges: number[],
  acc: Map<number, number>,
  strict: boolean,
): boolean {
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const allRings = polygons.flat();
  const frame: Frame = frameAt(allRings[0]?.[0]?.[1] ?? 0);
  const { xy, owner } = src;
  const onBorder = new Map<number, Crossing[]>();
  for (const rings of polygons) {
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r] ?? [];
      const signed = ringSignedM2(frame, ring);
      if (signed === 0) continue;
      // Outer rings count positive and holes negative, whichever way the planner drew them.
      const sign = (r === 0 ? 1 : -1) * Math.sign(signed);
      const start = ring[0] ?? [];
      const within = new Uint8Array(src.count);
      for (const k of src.locate(start[0] ?? 0, start[1] ?? 0)) within[k] = 1;
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] ?? [];
        const b = ring[i + 1] ?? [];
        const ax = a[0] ?? 0;
        const ay = a[1] ?? 0;
        const dx = (b[0] ?? 0) - ax;
        const dy = (b[1] ?? 0) - ay;
        const cuts: Crossing[] = [];
        for (const e of edges) {
          const cx = xy[4 * e] ?? 0;
          const cy = xy[4 * e + 1] ?? 0;
          const ex = (xy[4 * e + 2] ?? 0) - cx;
          const ey = (xy[4 * e + 3] ?? 0) - cy;
          const den = dx * ey - dy * ex;
          if (den === 0) {
            // Parallel: on one line with the border (a shared stretch) is a touch.
            const onLine = (cx - ax) * dy - (cy - ay) * dx === 0;
            if (strict && onLine && overlaps(ax, ay, dx, dy, cx, cy, ex, ey)) return false;
            continue;
          }
          const t = ((cx - ax) * ey - (cy - ay) * ex) / den;
          const u = ((cx - ax) * dy - (cy - ay) * dx) / den;
          // Most pairs miss by far: rejected before any touch test (this is the hot loop).
          if (t < -TOUCH || t > 1 + TOUCH || u < -TOUCH || u > 1 + TOUCH) continue;
          if (strict && touches(t, u)) return false;
          // Half-open [0, 1) on both segments, so a crossing at a shared vertex counts once.
          if (t < 0 || t >= 1 || u < 0 || u >= 1) continue;
          const at: Position = [ax + t * dx, ay + t * dy];
          const k = owner[e] ?? 0;
          cuts.push({ t, at, owner: k });
          const list = onBorder.get(e) ?? [];
          list.push({ t: u, at, owner: k });
          onBorder.set(e, list);
        }
        walk(
          a,
          b,
          cuts,
          (p, q) => {
            const m2 = sign * pieceM2(frame, p, q);
            within.forEach((w, k) => {
              if (w) addTo(acc, k, m2);
            });
          },
          (c) => {
            within[c.owner] = (within[c.owner] ?? 0) ^ 1;
          },
        );
      }
    }
  }
  for (const e of edges) {
    const c: Position = [xy[4 * e] ?? 0, xy[4 * e + 1] ?? 0];
    const d: Position = [xy[4 * e + 2] ?? 0, xy[4 * e + 3] ?? 0];
    const cuts = onBorder.get(e) ?? [];
    let inside = insideParcel(allRings, c[0] ?? 0, c[1] ?? 0);
    if (!inside && cuts.length === 0) continue;
    const k = owner[e] ?? 0;
    walk(
      c,
      d,
      cuts,
      (p, q) => {
        if (inside) addTo(acc, k, pieceM2(frame, p, q));
      },
      () => {
        inside = !inside;
      },
    );
  }
  return true;
}

/**
 * Whether a crossing at (t, u), within both segments give or take TOUCH, comes within TOUCH of an
 * end of either.
 */
function touches(t: number, u: number): boolean {
  return t < TOUCH || t > 1 - TOUCH || u < TOUCH || u > 1 - TOUCH;
}

/** Whether two collinear segments share more than nothing (their spans on the line meet). */
function overlaps(
  ax: number,
  ay: number,
  dx: number,
  dy: number,
  cx: number,
  cy: number,
  ex: number,
  ey: number,
): boolean {
  const alongX = Math.abs(dx) + Math.abs(ex) >= Math.abs(dy) + Math.abs(ey);
  const [a0, a1] = alongX ? [ax, ax + dx] : [ay, ay + dy];
  const [c0, c1] = alongX ? [cx, cx + ex] : [cy, cy + ey];
  return (
    Math.max(Math.min(a0, a1), Math.min(c0, c1)) <= Math.min(Math.max(a0, a1), Math.max(c0, c1))
  );
}
