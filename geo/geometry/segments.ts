/**
 * Segment tests for ring validity: how two straight segments meet, and a sweep that only tests
 * pairs whose bounding boxes overlap. Coordinates are whatever plane the caller gives (lon/lat
 * degrees here: at parcel scale a crossing in degrees is a crossing on the ground).
 */
import type { Position } from "geojson";

/**
 * Closed rings as flat coordinates: ring r holds vertices starts[r] … starts[r + 1] - 1, its last
 * vertex repeating its first. Segment k runs from vertex k to vertex k + 1; the last vertex of a
 * ring starts no segment.
 */
export interface FlatRings {
  xs: Float64Array;
  ys: Float64Array;
  starts: number[];
}

/** How two segments meet: not at all, at one point, crossing, or along a stretch. */
export type Contact =
  | { kind: "none" }
  | { kind: "touch"; at: Position }
  | { kind: "cross"; at: Position }
  | { kind: "overlap"; at: Position };

const NONE: Contact = { kind: "none" };

/** A coordinate by index; callers pass only indices they built, so it is always there. */
export function get(a: Float64Array, k: number): number {
  return a[k] as number;
}

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

/** Collinear segments i and j: a stretch in common is an overlap, a shared end is a touch. */
function collinearContact(r: FlatRings, i: number, j: number): Contact {
  const { xs, ys } = r;
  // Project on the axis segment i runs along most, so vertical segments work too.
  const alongX = Math.abs(get(xs, i + 1) - get(xs, i)) >= Math.abs(get(ys, i + 1) - get(ys, i));
  const c = alongX ? xs : ys;
  const [p, q, s, t] = [get(c, i), get(c, i + 1), get(c, j), get(c, j + 1)];
  const lo = Math.max(Math.min(p, q), Math.min(s, t));
  const hi = Math.min(Math.max(p, q), Math.max(s, t));
  if (lo > hi) return NONE;
  const k = within(s, t, p) ? i : within(s, t, q) ? i + 1 : j;
  const at = [get(xs, k), get(ys, k)];
  return lo === hi ? { kind: "touch", at } : { kind: "overlap", at };
}

/** How segment i meets segment j of the same flat rings. */
export function contact(r: FlatRings, i: number, j: number): Contact {
  const { xs, ys } = r;
  const [px, py, qx, qy] = [get(xs, i), get(ys, i), get(xs, i + 1), get(ys, i + 1)];
  const [sx, sy, tx, ty] = [get(xs, j), get(ys, j), get(xs, j + 1), get(ys, j + 1)];
  const d1 = orient(sx, sy, tx, ty, px, py);
  const d2 = orient(sx, sy, tx, ty, qx, qy);
  if ((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0)) return NONE;
  const d3 = orient(px, py, qx, qy, sx, sy);
  const d4 = orient(px, py, qx, qy, tx, ty);
  if ((d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0)) return NONE;
  if (d1 === 0 && d2 === 0) return collinearContact(r, i, j);
  if (d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) {
    const t = d1 / (d1 - d2);
    return { kind: "cross", at: [px + t * (qx - px), py + t * (qy - py)] };
  }
  // One end lies on the other segment (the sign tests above already bound it to the segment).
  const k = d1 === 0 ? i : d2 === 0 ? i + 1 : d3 === 0 ? j : j + 1;
  return { kind: "touch", at: [get(xs, k), get(ys, k)] };
}

/** Below this many segments testing every pair is cheaper than building the sweep. */
const BRUTE_FORCE_MAX = 24;

function boxesMeet(xs: Float64Array, ys: Float64Array, i: number, j: number): boolean {
  const ax = get(xs, i);
  const bx = get(xs, i + 1);
  const cx = get(xs, j);
  const dx = get(xs, j + 1);
  if (Math.min(cx, dx) > Math.max(ax, bx) || Math.max(cx, dx) < Math.min(ax, bx)) return false;
  const ay = get(ys, i);
  const by = get(ys, i + 1);
  const cy = get(ys, j);
  const dy = get(ys, j + 1);
  return !(Math.min(cy, dy) > Math.max(ay, by) || Math.max(cy, dy) < Math.min(ay, by));
}

/**
 * Scratch for sweepPairs (order, buckets, sorted, bucket ends), grown on demand. Four typed
 * arrays a ring cost more than the sweep itself; `sweeping` guards against a visit that starts
 * a sweep of its own, which then gets fresh arrays.
 */
let scratch = new Int32Array(4 * 256 + 1);
/** Segment boxes in sweep order, [minX, maxX, minY, maxY] each: the pair test reads them in a row. */
let boxScratch = new Float64Array(4 * 256);
let sweeping = false;

/**
 * Calls visit(i, j) once for every pair of segments whose bounding boxes overlap or touch.
 * Segments are bucketed by min x with a counting sort (a comparator sort alone cost more than all
 * the pair tests of a 256-vertex ring) and swept left to right, so a parcel outline, which a
 * vertical line meets only a few times, costs about O(n). The worst case (every edge spanning
 * the same x) is still O(n²).
 */
export function sweepPairs(rings: FlatRings, visit: (i: number, j: number) => void): void {
  const { xs, ys, starts } = rings;
  const count = (starts[starts.length - 1] as number) - (starts.length - 1);
  const size = 4 * count + 1;
  const reentered = sweeping;
  if (!reentered && scratch.length < size) scratch = new Int32Array(2 * size);
  if (!reentered && boxScratch.length < 4 * count) boxScratch = new Float64Array(8 * count);
  const work = reentered ? new Int32Array(size) : scratch;
  const boxes = reentered ? new Float64Array(4 * count) : boxScratch;
  sweeping = true;
  try {
    sweepInto(xs, ys, starts, count, work, boxes, visit);
  } finally {
    sweeping = reentered;
  }
}

/**
 * The sweep, with `work` holding order at [0, count), buckets at [count, 2·count), sorted at
 * [2·count, 3·count) and bucket ends at [3·count, 4·count].
 */
function sweepInto(
  xs: Float64Array,
  ys: Float64Array,
  starts: number[],
  count: number,
  work: Int32Array,
  boxes: Float64Array,
  visit: (i: number, j: number) => void,
): void {
  // Every vertex but the last of each ring starts a segment.
  let n = 0;
  let left = Infinity;
  let right = -Infinity;
  for (let r = 0; r + 1 < starts.length; r++) {
    const end = (starts[r + 1] as number) - 1;
    for (let k = starts[r] as number; k < end; k++) {
      work[n++] = k;
      left = Math.min(left, get(xs, k));
      right = Math.max(right, get(xs, k));
    }
  }
  if (count <= BRUTE_FORCE_MAX) {
    for (let a = 0; a < count; a++) {
      for (let b = a + 1; b < count; b++) {
        const i = get32(work, a);
        const j = get32(work, b);
        if (boxesMeet(xs, ys, i, j)) visit(i, j);
      }
    }
    return;
  }
  const scale = right > left ? (count - 1) / (right - left) : 0;
  const bucketsAt = count;
  const sortedAt = 2 * count;
  // ends[b] first holds where bucket b starts in `order`; after placing, where it ends.
  const endsAt = 3 * count;
  work.fill(0, endsAt, endsAt + count + 1);
  for (let a = 0; a < count; a++) {
    const k = get32(work, a);
    const b = bucketOf(Math.min(get(xs, k), get(xs, k + 1)), left, scale, count);
    work[bucketsAt + a] = b;
    work[endsAt + b + 1] = get32(work, endsAt + b + 1) + 1;
  }
  for (let b = 1; b < count; b++) {
    work[endsAt + b] = get32(work, endsAt + b) + get32(work, endsAt + b - 1);
  }
  for (let a = 0; a < count; a++) {
    const b = get32(work, bucketsAt + a);
    const at = get32(work, endsAt + b);
    const k = get32(work, a);
    work[sortedAt + at] = k;
    work[endsAt + b] = at + 1;
    boxes[4 * at] = Math.min(get(xs, k), get(xs, k + 1));
    boxes[4 * at + 1] = Math.max(get(xs, k), get(xs, k + 1));
    boxes[4 * at + 2] = Math.min(get(ys, k), get(ys, k + 1));
    boxes[4 * at + 3] = Math.max(get(ys, k), get(ys, k + 1));
  }
  for (let a = 0; a < count; a++) {
    const i = get32(work, sortedAt + a);
    const minX = get(boxes, 4 * a);
    const maxX = get(boxes, 4 * a + 1);
    const minY = get(boxes, 4 * a + 2);
    const maxY = get(boxes, 4 * a + 3);
    // A segment that can meet i has its min x in a bucket up to that of i's max x; order
    // within a bucket is loose, so x is tested in full. Negated tests, as in boxesMeet, so a
    // NaN box still counts as meeting.
    const end = get32(work, endsAt + bucketOf(maxX, left, scale, count));
    for (let b = a + 1; b < end; b++) {
      if (
        get(boxes, 4 * b) > maxX ||
        get(boxes, 4 * b + 1) < minX ||
        get(boxes, 4 * b + 2) > maxY ||
        get(boxes, 4 * b + 3) < minY
      ) {
        continue;
      }
      visit(i, get32(work, sortedAt + b));
    }
  }
}

/** Clamped: rounding can put the rightmost x one bucket past the end. */
function bucketOf(x: number, left: number, scale: number, count: number): number {
  return Math.min(Math.floor((x - left) * scale), count - 1);
}

function get32(a: Int32Array, k: number): number {
  return a[k] as number;
}
