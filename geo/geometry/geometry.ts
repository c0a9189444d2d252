/**
 * Ring validity and overlaps between parcels. A filing needs closed rings of at least four
 * positions that don't cross themselves or each other (FILING.md), and parcels that don't share
 * area: both are checked here, as values, without sentences.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { type Overlap, overlapsAmong, searchOverlaps } from "./overlaps";
import { indexRingSides } from "./ring-sides";
import { contact, type FlatRings, get, orient, sweepPairs } from "./segments";

export type RingProblemKind =
  | "UNCLOSED"
  | "TOO_FEW_POSITIONS"
  | "SELF_CROSSING"
  | "DEGENERATE"
  | "HOLE_OUTSIDE"
  | "RING_CROSSING"
  | "PARTS_OVERLAP";

/** part = polygon index in a MultiPolygon (0 for a Polygon); ring 0 = outer; at = where, if a point says it. */
export interface RingProblem {
  kind: RingProblemKind;
  part: number;
  ring: number;
  at?: Position;
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * A ring with no area: fewer than three distinct vertices, or every vertex on one line. The signed
 * (shoelace) area can't decide this: a symmetric bow-tie sums to zero yet encloses area.
 */
function hasNoArea(xs: Float64Array, ys: Float64Array, from: number, to: number): boolean {
  if (to - from < 4) return true;
  const [x0, y0] = [get(xs, from), get(ys, from)];
  let far = from;
  let farSq = 0;
  for (let k = from + 1; k < to; k++) {
    const sq = (get(xs, k) - x0) ** 2 + (get(ys, k) - y0) ** 2;
    if (sq > farSq) [far, farSq] = [k, sq];
  }
  const [fx, fy] = [get(xs, far), get(ys, far)];
  // Distance off the line through two far-apart vertices, relative to their spacing: collinear
  // vertices leave only rounding noise there.
  for (let k = from + 1; k < to; k++) {
    if (Math.abs(orient(x0, y0, fx, fy, get(xs, k), get(ys, k))) > 1e-10 * farSq) return false;
  }
  return true;
}

/** The rings of one polygon that are fit for crossing tests, flat, with their input ring numbers. */
interface PartRings extends FlatRings {
  ringIds: number[];
}

/**
 * Structural checks (closed, at least four positions, some area) on every ring of one polygon;
 * rings that pass are copied flat with consecutive repeated positions dropped.
 */
function checkRings(rings: Position[][], part: number, out: RingProblem[]): PartRings {
  let total = 0;
  for (const ring of rings) total += ring.length;
  const xs = new Float64Array(total);
  const ys = new Float64Array(total);
  const starts = [0];
  const ringIds: number[] = [];
  let n = 0;
  rings.forEach((ring, index) => {
    const first = ring[0];
    const closed = first !== undefined && samePosition(first, ring[ring.length - 1] as Position);
    if (!closed) out.push({ kind: "UNCLOSED", part, ring: index });
    if (ring.length < 4) out.push({ kind: "TOO_FEW_POSITIONS", part, ring: index });
    if (!closed || ring.length < 4) return;
    const from = n;
    for (const [x, y] of ring) {
      if (n > from && get(xs, n - 1) === x && get(ys, n - 1) === y) continue;
      xs[n] = x as number;
      ys[n] = y as number;
      n++;
    }
    if (hasNoArea(xs, ys, from, n)) {
      out.push({ kind: "DEGENERATE", part, ring: index });
      n = from;
      return;
    }
    starts.push(n);
    ringIds.push(index);
  });
  return { xs, ys, starts, ringIds };
}

/**
 * Which flat ring holds each vertex: a lookup, since scanning `starts` for every pair the sweep
 * meets made a polygon of many holes quadratic.
 */
function ringsOfVertices(starts: number[]): Int32Array {
  const last = starts[starts.length - 1] ?? 0;
  const ringOf = new Int32Array(last);
  for (let r = 0; r + 1 < starts.length; r++) ringOf.fill(r, starts[r], starts[r + 1]);
  return ringOf;
}

/** Neighbouring segments a → b share a vertex; they meet elsewhere only if the ring doubles back. */
function foldsBack(xs: Float64Array, ys: Float64Array, a: number, b: number): boolean {
  const ax = get(xs, a);
  const ay = get(ys, a);
  const bx = get(xs, b);
  const by = get(ys, b);
  const cx = get(xs, b + 1);
  const cy = get(ys, b + 1);
  return (bx - ax) * (cx - bx) + (by - ay) * (cy - by) < 0 && orient(ax, ay, bx, by, cx, cy) === 0;
}

/**
 * Crossings inside one polygon: a ring against itself (SELF_CROSSING) and rings against each
 * other (RING_CROSSING). Rings may touch each other at a point (OGC allows it); a ring may not
 * touch itself. Returns the pairs of flat rings that cross, as "a,b" with a < b.
 */
function findCrossings(rings: PartRings, part: number, out: RingProblem[]): Set<string> {
  const crossed = new Set<string>();
  const { starts, ringIds, xs, ys } = rings;
  const ringOf = ringsOfVertices(starts);
  sweepPairs(rings, (i, j) => {
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    // Segment lo + 1 exists only inside lo's ring, so these two are neighbours there.
    if (hi - lo === 1) {
      if (foldsBack(xs, ys, lo, hi))
        push("SELF_CROSSING", ringOf[lo] as number, [get(xs, hi), get(ys, hi)]);
      return;
    }
    const rLo = ringOf[lo] as number;
    const rHi = ringOf[hi] as number;
    if (rLo === rHi && lo === starts[rLo] && hi === (starts[rLo + 1] as number) - 2) {
      // The ring's last segment runs into its first.
      if (foldsBack(xs, ys, hi, lo)) push("SELF_CROSSING", rLo, [get(xs, lo), get(ys, lo)]);
      return;
    }
    const c = contact(rings, lo, hi);
    if (c.kind === "none") return;
    if (rLo === rHi) {
      push("SELF_CROSSING", rLo, c.at);
    } else if (c.kind !== "touch") {
      push("RING_CROSSING", rHi, c.at);
      crossed.add(`${rLo},${rHi}`);
    }
  });
  function push(kind: RingProblemKind, flatRing: number, at: Position): void {
    out.push({ kind, part, ring: ringIds[flatRing] as number, at });
  }
  return crossed;
}

/**
 * Holes must lie inside the outer ring and outside every other hole (a hole within a hole sits
 * in area the polygon already lacks). Pairs that cross are left out: RING_CROSSING says it.
 */
function findStrayHoles(
  rings: PartRings,
  crossed: Set<string>,
  part: number,
  out: RingProblem[],
): void {
  const { ringIds, starts } = rings;
  const hasOuter = ringIds[0] === 0;
  if (ringIds.length < 2) return;
  const sides = indexRingSides(rings);
  /** Where flat ring h lies against flat ring r it doesn't cross: its first vertex off r decides. */
  const ringSide = (h: number, r: number): -1 | 0 | 1 => {
    for (let k = starts[h] as number; k < (starts[h + 1] as number); k++) {
      const side = sides.locate(k, r);
      if (side !== 0) return side;
    }
    return 0;
  };
  ringIds.forEach((ring, h) => {
    if (ring === 0) return;
    const apart = (g: number): boolean => !crossed.has(`${Math.min(g, h)},${Math.max(g, h)}`);
    const outside = hasOuter && apart(0) && ringSide(h, 0) === -1;
    // Only rings whose boxes hold the hole's first vertex can hold the hole.
    const nested = sides
      .ringsAround(starts[h] as number)
      .some((g) => ringIds[g] !== 0 && g !== h && apart(g) && ringSide(h, g) === 1);
    if (outside || nested) out.push({ kind: "HOLE_OUTSIDE", part, ring });
  });
}

function dedupe(problems: RingProblem[]): RingProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.kind}|${p.part}|${p.ring}|${p.at?.[0]}|${p.at?.[1]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Parts of one MultiPolygon that share area (or repeat each other): the area would be counted
 * twice, so each later part of such a pair is a problem, at its first vertex.
 */
function overlappingParts(g: MultiPolygon, out: RingProblem[]): void {
  const parts: Polygon[] = g.coordinates.map((coordinates) => ({ type: "Polygon", coordinates }));
  const search = searchOverlaps(
    parts,
    parts.map((_, i) => i),
  );
  const flagged = new Set(search.overlaps.map((o) => o.b));
  if (!search.complete) flagged.add(parts.length - 1);
  for (const part of flagged) {
    const at = g.coordinates[part]?.[0]?.[0];
    out.push(
      at ? { kind: "PARTS_OVERLAP", part, ring: 0, at } : { kind: "PARTS_OVERLAP", part, ring: 0 },
    );
  }
}

/**
 * Everything wrong with the rings of a polygon or multipolygon, in plain lon/lat. An empty list
 * means the rings are closed, long enough, have area, don't cross themselves or each other, and
 * every hole sits inside its outer ring, and no two parts of a MultiPolygon share area.
 */
export function ringProblems(g: Polygon | MultiPolygon): RingProblem[] {
  const parts = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const out: RingProblem[] = [];
  parts.forEach((rings, part) => {
    if (rings.length === 0) {
      out.push({ kind: "TOO_FEW_POSITIONS", part, ring: 0 });
      return;
    }
    const flat = checkRings(rings, part, out);
    const crossed = findCrossings(flat, part, out);
    findStrayHoles(flat, crossed, part, out);
  });
  if (g.type === "MultiPolygon" && out.length === 0) overlappingParts(g, out);
  return out.length > 1 ? dedupe(out) : out;
}

export type { Overlap } from "./overlaps";

/**
 * Pairs of parcels (indices into geoms) whose interiors share more than 0.01 m² of ellipsoidal
 * area, sorted by a then b. Parcels that only touch along an edge or at a corner don't overlap.
 * Parcels with ring problems are skipped: they are reported as invalid, and clipping them would
 * give a meaningless area.
 */
export function findOverlaps(geoms: (Polygon | MultiPolygon)[]): Overlap[] {
  const usable = geoms.flatMap((g, index) => (ringProblems(g).length === 0 ? [index] : []));
  return overlapsAmong(geoms, usable);
}
