/**
 * Segment-pair tests for ring validity: how two straight segments meet, and a sort-and-sweep
 * over a set of segments that only tests pairs whose bounding boxes overlap. Coordinates are
 * whatever plane the caller gives (lon/lat degrees here: at parcel scale a crossing in degrees is
 * a crossing on the ground).
 */
import type { Position } from "geojson";

/** How two segments meet: not at all, at one point, crossing, or along a stretch. */
export type Contact =
  | { kind: "none" }
  | { kind: "touch"; at: Position }
  | { kind: "cross"; at: Position }
  | { kind: "overlap"; at: Position };

const NONE: Contact = { kind: "none" };

/** Twice the signed area of triangle abc: > 0 left turn, < 0 right turn, 0 collinear. */
export function orient(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function within(a: number, b: number, v: number): boolean {
  return a <= b ? a <= v && v <= b : b <= v && v <= a;
}

/** Collinear segments: a stretch in common is an overlap, a shared end point is a touch. */
function collinearContact(
  px: number,
  py: number,
  qx: number,
  qy: number,
  rx: number,
  ry: number,
  sx: number,
  sy: number,
): Contact {
  // Project on the axis the first segment runs along most, so vertical segments work too.
  const useX = Math.abs(qx - px) >= Math.abs(qy - py);
  const p = useX ? px : py;
  const q = useX ? qx : qy;
  const r = useX ? rx : ry;
  const s = useX ? sx : sy;
  const lo = Math.max(Math.min(p, q), Math.min(r, s));
  const hi = Math.min(Math.max(p, q), Math.max(r, s));
  if (lo > hi) return NONE;
  const at: Position = within(r, s, p) ? [px, py] : within(r, s, q) ? [qx, qy] : [rx, ry];
  return lo === hi ? { kind: "touch", at } : { kind: "overlap", at };
}

/** How segment pq meets segment rs. */
export function contact(
  px: number,
  py: number,
  qx: number,
  qy: number,
  rx: number,
  ry: number,
  sx: number,
  sy: number,
): Contact {
  const d1 = orient(rx, ry, sx, sy, px, py);
  const d2 = orient(rx, ry, sx, sy, qx, qy);
  if ((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0)) return NONE;
  const d3 = orient(px, py, qx, qy, rx, ry);
  const d4 = orient(px, py, qx, qy, sx, sy);
  if ((d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0)) return NONE;
  if (d1 === 0 && d2 === 0) return collinearContact(px, py, qx, qy, rx, ry, sx, sy);
  if (d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) {
    const t = d1 / (d1 - d2);
    return { kind: "cross", at: [px + t * (qx - px), py + t * (qy - py)] };
  }
  // One end lies on the other segment (the sign tests above already bound it to the segment).
  if (d1 === 0) return { kind: "touch", at: [px, py] };
  if (d2 === 0) return { kind: "touch", at: [qx, qy] };
  if (d3 === 0) return { kind: "touch", at: [rx, ry] };
  return { kind: "touch", at: [sx, sy] };
}

/** Segments stored flat: segment k runs (x1[k], y1[k]) → (x2[k], y2[k]). */
export interface SegmentSet {
  x1: Float64Array;
  y1: Float64Array;
  x2: Float64Array;
  y2: Float64Array;
  count: number;
}

/**
 * Calls visit(i, j) for every pair i < j (in sweep order) whose bounding boxes overlap or touch.
 * Sorting by min x and sweeping keeps this near O(n log n) for parcel outlines, where a vertical
 * line meets only a few edges; the worst case (every edge spanning the same x) is still O(n²).
 */
export function sweepPairs(set: SegmentSet, visit: (i: number, j: number) => void): void {
  const { x1, y1, x2, y2, count } = set;
  const minX = new Float64Array(count);
  const maxX = new Float64Array(count);
  const minY = new Float64Array(count);
  const maxY = new Float64Array(count);
  const order = new Uint32Array(count);
  for (let k = 0; k < count; k++) {
    const ax = x1[k] as number;
    const bx = x2[k] as number;
    const ay = y1[k] as number;
    const by = y2[k] as number;
    minX[k] = Math.min(ax, bx);
    maxX[k] = Math.max(ax, bx);
    minY[k] = Math.min(ay, by);
    maxY[k] = Math.max(ay, by);
    order[k] = k;
  }
  order.sort((a, b) => (minX[a] as number) - (minX[b] as number));
  for (let a = 0; a < count; a++) {
    const i = order[a] as number;
    const right = maxX[i] as number;
    const lo = minY[i] as number;
    const hi = maxY[i] as number;
    for (let b = a + 1; b < count; b++) {
      const j = order[b] as number;
      if ((minX[j] as number) > right) break;
      if ((minY[j] as number) > hi || (maxY[j] as number) < lo) continue;
      visit(i, j);
    }
  }
}
