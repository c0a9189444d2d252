/**
 * Overlaps between parcels: pairs whose interiors share area. A box index and a segment sweep
 * rule out most pairs cheaply, because Turf's clipper (exact arithmetic) costs milliseconds a pair.
 */
import { booleanPointInPolygon, feature, featureCollection, intersect } from "@turf/turf";
import Flatbush from "flatbush";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { geodesicAreaM2 } from "../measure";
import { contact, type FlatRings, sweepPairs } from "./segments";

/** Two parcels that share area: indices into the input, and the shared area in m². */
export interface Overlap {
  a: number;
  b: number;
  areaM2: number;
}

/** Shared area below this is rounding where two parcels meet along a boundary, not an overlap. */
const MIN_OVERLAP_M2 = 0.01;

type Box = [number, number, number, number];

function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
}

/**
 * The lon/lat box of every ring. A plain indexed loop: destructuring each position through
 * `flat()` and the array iterator cost more than the rest of the overlap search together.
 */
function boxOf(g: Polygon | MultiPolygon): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const parts = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  for (const rings of parts) {
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i] as Position;
        const x = p[0] as number;
        const y = p[1] as number;
        // Math.min/max rather than comparisons, so a NaN still poisons the box as before.
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Every ring of both parcels, flat; vertices from `split` on belong to b. */
function flatPair(
  a: Polygon | MultiPolygon,
  b: Polygon | MultiPolygon,
): FlatRings & { split: number } {
  const rings = [...ringsOf(a), ...ringsOf(b)];
  const total = rings.reduce((n, ring) => n + ring.length, 0);
  const xs = new Float64Array(total);
  const ys = new Float64Array(total);
  const starts = [0];
  let n = 0;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      xs[n] = x as number;
      ys[n] = y as number;
      n++;
    }
    starts.push(n);
  }
  return { xs, ys, starts, split: ringsOf(a).reduce((k, ring) => k + ring.length, 0) };
}

/** Whether any edge of a meets (crosses or touches) any edge of b. */
function boundariesMeet(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  const rings = flatPair(a, b);
  let met = false;
  sweepPairs(rings, (i, j) => {
    if (!met && i < rings.split !== j < rings.split) met = contact(rings, i, j).kind !== "none";
  });
  return met;
}

/** Whether the first vertex of a lies inside b (a vertex off b's boundary, as the caller ensures). */
function firstVertexInside(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  const vertex = ringsOf(a)[0]?.[0];
  return vertex !== undefined && booleanPointInPolygon(vertex, b);
}

/** Shared area when the boundaries never meet: apart, unless one parcel holds the other. */
function nestedAreaM2(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  if (firstVertexInside(a, b)) return geodesicAreaM2(a);
  if (firstVertexInside(b, a)) return geodesicAreaM2(b);
  return 0;
}

/** Shared area by Turf's clipper (exact arithmetic, milliseconds a pair). */
function clippedAreaM2(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  try {
    const shared = intersect(featureCollection([feature(a), feature(b)]));
    return shared === null ? 0 : geodesicAreaM2(shared.geometry);
  } catch {
    // The clipper can still choke on input our checks let through; no overlap is claimed then.
    return 0;
  }
}

/** What the overlap search found, and whether it looked at every pair whose boxes overlap. */
export interface OverlapSearch {
  overlaps: Overlap[];
  /** Pairs whose interiors were compared exactly. */
  checkedPairs: number;
  /** false when the work budget ran out: some pairs whose boxes overlap were never compared. */
  complete: boolean;
}

/**
 * Work allowed for exact comparisons, deterministic (the app and the CLI must agree), in
 * vertices: comparing two boundaries costs their vertex counts, clipping three times that plus
 * 256. Two million lets thirty detailed parcels of 2,000 vertices, each touching the next, pass
 * (about 20 s of clipping on a 2-core machine; such pairs are the clipper's slowest). At most
 * 250 pairs are clipped: each costs milliseconds however small, and 200 identical parcels (19,900
 * pairs) once took 117 s.
 */
export interface OverlapBudget {
  work: number;
  clippedPairs: number;
}

export const OVERLAP_BUDGET: OverlapBudget = { work: 2_000_000, clippedPairs: 250 };

function vertexCount(g: Polygon | MultiPolygon): number {
  let n = 0;
  for (const ring of ringsOf(g)) n += ring.length;
  return n;
}

/**
 * Pairs among the parcels at `usable` (indices into geoms) whose interiors share more than
 * 0.01 m² (ellipsoidal area), sorted by a then b, found with a box index (flatbush) so disjoint
 * parcels cost n log n. Exact comparison stops when `budget` runs out; `complete` says so.
 */
export function searchOverlaps(
  geoms: (Polygon | MultiPolygon)[],
  usable: number[],
  budget: OverlapBudget = OVERLAP_BUDGET,
): OverlapSearch {
  if (usable.length < 2) return { overlaps: [], checkedPairs: 0, complete: true };
  const boxes = usable.map((index) => boxOf(geoms[index] as Polygon | MultiPolygon));
  const sizes = usable.map((index) => vertexCount(geoms[index] as Polygon | MultiPolygon));
  const tree = new Flatbush(usable.length);
  for (const [minX, minY, maxX, maxY] of boxes) tree.add(minX, minY, maxX, maxY);
  tree.finish();
  const found: Overlap[] = [];
  let work = budget.work;
  let clips = budget.clippedPairs;
  let checkedPairs = 0;
  // The first pair may take a few budgets (two huge parcels); past that, stop and say so.
  const affordable = (cost: number) =>
    cost <= work || (checkedPairs === 0 && cost <= 4 * budget.work);
  for (let k = 0; k < boxes.length; k++) {
    const [minX, minY, maxX, maxY] = boxes[k] as Box;
    for (const m of tree.search(minX, minY, maxX, maxY)) {
      const other = boxes[m] as Box;
      // Boxes that only touch can't hold shared area.
      if (m <= k || other[0] >= maxX || other[2] <= minX || other[1] >= maxY || other[3] <= minY) {
        continue;
      }
      const vertices = (sizes[k] as number) + (sizes[m] as number);
      if (!affordable(vertices)) return incomplete(found, checkedPairs);
      work -= vertices;
      const a = usable[k] as number;
      const b = usable[m] as number;
      const ga = geoms[a] as Polygon | MultiPolygon;
      const gb = geoms[b] as Polygon | MultiPolygon;
      // The budget is spent as if every pair were compared afresh, so what is found never
      // depends on what an earlier check of the same geometry remembered.
      const pair = comparedPair(ga, gb);
      if (pair.met) {
        const cost = 3 * vertices + 256;
        if (clips === 0 || !affordable(cost)) return incomplete(found, checkedPairs);
        work -= cost;
        clips--;
      }
      const areaM2 = pair.areaM2();
      checkedPairs++;
      if (areaM2 > MIN_OVERLAP_M2) found.push({ a, b, areaM2 });
    }
  }
  return { overlaps: found.sort(byPair), checkedPairs, complete: true };
}

const byPair = (p: Overlap, q: Overlap): number => p.a - q.a || p.b - q.b;

interface ComparedPair {
  /** The two boundaries touch or cross: the shared area needs the clipper. */
  met: boolean;
  areaM2: () => number;
}

/**
 * Two parcels compared once per pair of geometry objects (the store never changes a geometry in
 * place, so a re-check during a drag compares only the moved parcel's pairs again). The shared
 * area is computed when first asked for, after the budget allowed it.
 */
const comparedPairs = new WeakMap<
  Polygon | MultiPolygon,
  WeakMap<Polygon | MultiPolygon, ComparedPair>
>();

function comparedPair(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): ComparedPair {
  let withA = comparedPairs.get(a);
  if (!withA) {
    withA = new WeakMap();
    comparedPairs.set(a, withA);
  }
  const known = withA.get(b);
  if (known) return known;
  const met = boundariesMeet(a, b);
  let areaM2: number | undefined;
  const pair: ComparedPair = {
    met,
    areaM2: () => {
      areaM2 ??= met ? clippedAreaM2(a, b) : nestedAreaM2(a, b);
      return areaM2;
    },
  };
  withA.set(b, pair);
  return pair;
}

function incomplete(found: Overlap[], checkedPairs: number): OverlapSearch {
  return { overlaps: found.sort(byPair), checkedPairs, complete: false };
}

/**
 * Pairs among the parcels at `usable` (indices into geoms) whose interiors share more than
 * 0.01 m² (ellipsoidal area), sorted by a then b. Touching along an edge or at a corner is not
 * overlapping. Parts of one MultiPolygon are not compared with each other. Bounded work: see
 * searchOverlaps, which also says whether every pair was compared.
 */
export function overlapsAmong(geoms: (Polygon | MultiPolygon)[], usable: number[]): Overlap[] {
  return searchOverlaps(geoms, usable).overlaps;
}
