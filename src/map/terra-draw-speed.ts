/**
 * Two fixes to terra-draw 1.35's per-move work during a vertex drag, applied to one TerraDraw
 * instance (the fixes belong upstream; until then they live here, each a no-op when the internals
 * it relies on are not found, so a newer terra-draw falls back to its own behaviour).
 *
 * 1. Every store change (a drag move makes five: the polygon, two midpoints, the selection point,
 *    the coordinate point) makes TerraDraw copy its *whole* store, `JSON.parse(JSON.stringify)`,
 *    to tell the adapter what is unchanged — with a 256-vertex parcel picked, 513 features five
 *    times a move. Here the store's `copyAll` keeps each feature's copy until that feature changes
 *    (its object or geometry is replaced, or a property is set), so a move copies what it moved.
 *    The public `getSnapshot` still hands out fresh copies.
 * 2. The select mode's midpoint handles: `updateOneAtIndex` recomputes all 256 midpoints (two
 *    projections and an unprojection each, through MapLibre) to update one, twice a move. Here it
 *    computes the one midpoint, with terra-draw's own code, from the segment it sits on.
 * 3. A dragged vertex is refused when the polygon would cross itself; terra-draw tests every pair
 *    of the 256 edges on every move (65,536 pairs). The polygon was tested before the move, so
 *    only the pairs with one of the two edges at the moved vertex can change: here those are
 *    tested (the same pair test, ported), and the whole polygon once when a drag starts on a
 *    shape not tested yet. A move is refused exactly when terra-draw would refuse it.
 */
import type { Position } from "geojson";
import type { TerraDraw } from "terra-draw";

interface StoreFeature {
  id?: string | number;
  geometry: unknown;
  properties: Record<string, unknown>;
}

interface Store {
  store: Record<string, StoreFeature>;
  copyAll: () => StoreFeature[];
  updateProperty: (updates: { id: string | number }[], context?: unknown) => void;
}

interface DragCoordinate {
  draggedCoordinate: { id: string | number | null; index: number };
  readFeature: { getGeometry: (id: string | number) => { type: string; coordinates: unknown } };
  mutateFeature: { updatePolygon: (options: PolygonUpdate) => unknown };
  drag: (event: unknown, allowSelfIntersection: boolean, snapping: unknown) => boolean;
}

interface PolygonUpdate {
  featureId: string | number;
  coordinateMutations?: { type: string; coordinates: Position[][] };
}

interface MidPoints {
  _midPoints: unknown[];
  updateOneAtIndex: (index: number, coordinates: Position[] | Position[][]) => void;
}

/** A copy of a store feature, made once per version of it. */
interface Copy {
  of: StoreFeature;
  geometry: unknown;
  copy: StoreFeature;
}

/** The fixes applied (a newer terra-draw whose internals differ gets fewer, and keeps its own). */
export type DragFix = "copies" | "midpoints" | "crossings";

export function speedUpDrags(draw: TerraDraw): DragFix[] {
  const applied: DragFix[] = [];
  const inside = draw as unknown as {
    _store?: Store;
    _modes?: Record<string, { midPoints?: MidPoints; dragCoordinate?: DragCoordinate }>;
  };
  const store = inside._store;
  if (store && typeof store.copyAll === "function" && typeof store.store === "object") {
    cacheCopies(draw, store);
    applied.push("copies");
  }
  const midPoints = inside._modes?.select?.midPoints;
  if (midPoints && Array.isArray(midPoints._midPoints)) {
    oneMidpointAtATime(midPoints);
    applied.push("midpoints");
  }
  const dragCoordinate = inside._modes?.select?.dragCoordinate;
  if (
    dragCoordinate?.draggedCoordinate &&
    typeof dragCoordinate.drag === "function" &&
    typeof dragCoordinate.mutateFeature?.updatePolygon === "function" &&
    typeof dragCoordinate.readFeature?.getGeometry === "function"
  ) {
    crossingsNearTheVertex(dragCoordinate);
    applied.push("crossings");
  }
  return applied;
}

function cacheCopies(draw: TerraDraw, store: Store): void {
  const fresh = store.copyAll.bind(store);
  const updateProperty = store.updateProperty.bind(store);
  const copies = new Map<string, Copy>();
  // Properties are changed in place: their features' copies go first.
  store.updateProperty = (updates, context) => {
    for (const u of updates) copies.delete(String(u.id));
    updateProperty(updates, context);
  };
  store.copyAll = () => {
    const features = store.store;
    const out: StoreFeature[] = [];
    for (const id in features) {
      const f = features[id];
      if (!f) continue;
      let c = copies.get(id);
      if (!c || c.of !== f || c.geometry !== f.geometry) {
        c = { of: f, geometry: f.geometry, copy: JSON.parse(JSON.stringify(f)) as StoreFeature };
        copies.set(id, c);
      }
      out.push(c.copy);
    }
    if (copies.size > out.length)
      for (const id of copies.keys()) if (!(id in features)) copies.delete(id);
    return out;
  };
  // The copies go to the adapter, which writes its styling into them: callers get their own.
  (draw as unknown as { getSnapshot: () => StoreFeature[] }).getSnapshot = () => fresh();
}

function oneMidpointAtATime(midPoints: MidPoints): void {
  const all = midPoints.updateOneAtIndex.bind(midPoints);
  midPoints.updateOneAtIndex = (index, coordinates) => {
    const ids = midPoints._midPoints;
    const i = index < 0 ? ids.length + index : index;
    const ring = (Array.isArray(coordinates[0]?.[0]) ? coordinates[0] : coordinates) as Position[];
    const [a, b] = [ring[i], ring[i + 1]];
    if (ids[i] === undefined || !a || !b) return all(index, coordinates);
    // terra-draw's own update, run on the one segment with the one handle: the same midpoint.
    midPoints._midPoints = [ids[i]];
    try {
      all(0, [a, b]);
    } finally {
      midPoints._midPoints = ids;
    }
  };
}

function crossingsNearTheVertex(dc: DragCoordinate): void {
  const drag = dc.drag.bind(dc);
  const mutate = dc.mutateFeature;
  /** The last outer ring let through, known not to cross itself (with the holes it had). */
  let clean: { id: string | number; rings: Position[][] } | null = null;
  dc.drag = (event, allowSelfIntersection, snapping) => {
    const id = dc.draggedCoordinate.id;
    if (allowSelfIntersection || id === null) return drag(event, allowSelfIntersection, snapping);
    const updatePolygon = mutate.updatePolygon;
    // terra-draw's drag, told the polygon may cross itself: the test is made here instead, on
    // the polygon it is about to write, and a crossing is refused as terra-draw refuses it.
    mutate.updatePolygon = (options) => {
      const ring = options.coordinateMutations?.coordinates[0];
      const before = dc.readFeature.getGeometry(options.featureId);
      if (options.featureId !== id || !ring || before.type !== "Polygon")
        return updatePolygon.call(mutate, options);
      const old = before.coordinates as Position[][];
      const rings = [ring, ...old.slice(1)];
      const k = dc.draggedCoordinate.index;
      const known = clean?.id === id && sameRings(clean.rings, old);
      const wasClean = known || !crossesItself(old, null);
      if (!known && wasClean) clean = { id, rings: old };
      const crosses = wasClean
        ? crossesItself(rings, movedEdges(ring, k))
        : crossesItself(rings, null);
      // Refused: the store keeps the shape it had, still the one known clean.
      if (crosses) return null;
      clean = { id, rings: rings.map((r) => r.map((p) => [...p])) };
      return updatePolygon.call(mutate, options);
    };
    try {
      return drag(event, true, snapping);
    } finally {
      mutate.updatePolygon = updatePolygon;
    }
  };
}

/** The edges of the outer ring at vertex k (the first and last vertex are one). */
export function movedEdges(ring: Position[], k: number): number[] {
  const last = ring.length - 2;
  return k === 0 || k === ring.length - 1 ? [last, 0] : [k - 1, k];
}

function sameRings(a: Position[][], b: Position[][]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const [x, y] = [a[r] ?? [], b[r] ?? []];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!same(x[i], y[i])) return false;
  }
  return true;
}

/**
 * terra-draw's `selfIntersects` (geometry/boolean/self-intersects.ts, MIT, after
 * mclaeysb/geojson-polygon-self-intersections): every ordered pair of edges over all rings, or,
 * given `outer` (edges of ring 0), only the ordered pairs with one of them.
 */
export function crossesItself(rings: Position[][], outer: number[] | null): boolean {
  for (let r0 = 0; r0 < rings.length; r0++) {
    const ring0 = rings[r0] ?? [];
    for (let e0 = 0; e0 < ring0.length - 1; e0++) {
      const mine = outer !== null && r0 === 0 && outer.includes(e0);
      for (let r1 = 0; r1 < rings.length; r1++) {
        const ring1 = rings[r1] ?? [];
        for (let e1 = 0; e1 < ring1.length - 1; e1++) {
          if (outer !== null && !mine && !(r1 === 0 && outer.includes(e1))) continue;
          if (edgesCross(ring0[e0], ring0[e0 + 1], ring1[e1], ring1[e1 + 1])) return true;
        }
      }
    }
  }
  return false;
}

function same(a: Position | undefined, b: Position | undefined): boolean {
  return a?.[0] === b?.[0] && a?.[1] === b?.[1];
}

function edgesCross(
  s0: Position | undefined,
  e0: Position | undefined,
  s1: Position | undefined,
  e1: Position | undefined,
): boolean {
  if (!s0 || !e0 || !s1 || !e1) return false;
  // terra-draw's test as it is, the fourth comparison included (end1 with start1).
  if (same(s0, s1) || same(s0, e1) || same(e0, s1) || same(e1, s1)) return false;
  const [x0 = 0, y0 = 0] = s0;
  const [x1 = 0, y1 = 0] = e0;
  const [x2 = 0, y2 = 0] = s1;
  const [x3 = 0, y3 = 0] = e1;
  const denom = (x0 - x1) * (y2 - y3) - (y0 - y1) * (x2 - x3);
  if (denom === 0) return false;
  const x4 = ((x0 * y1 - y0 * x1) * (x2 - x3) - (x0 - x1) * (x2 * y3 - y2 * x3)) / denom;
  const y4 = ((x0 * y1 - y0 * x1) * (y2 - y3) - (y0 - y1) * (x2 * y3 - y2 * x3)) / denom;
  const f0 = x1 !== x0 ? (x4 - x0) / (x1 - x0) : (y4 - y0) / (y1 - y0);
  const f1 = x3 !== x2 ? (x4 - x2) / (x3 - x2) : (y4 - y2) / (y3 - y2);
  return !(f0 < 0 || f0 > 1 || f1 < 0 || f1 > 1);
}
