/**
 * The exact union of 필지 that do not overlap (a cadastre's): shared edges are dissolved by
 * cancelling each edge against its reverse, so no sliver or gap can come from floating point.
 * Vertices within `SNAP_DEG` of each other are first made one (a cadastre's neighbours share
 * vertices, but a file re-projected by another tool may differ in the last bits), and an edge
 * with another 필지's vertex on it (a T-junction) is split there, so its two halves cancel
 * against that neighbour's edges. The remaining edges are linked into rings; the union's
 * boundary uses only the 필지's own vertices, so its area is the sum of theirs.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { pointInRing } from "../geometry";

/** Vertices this close (degrees, about 1 mm) are one. */
export const SNAP_DEG = 1e-8;

type Geometry = Polygon | MultiPolygon;

function polygonsOf(g: Geometry): Position[][][] {
  return g.type === "Polygon" ? [g.coordinates] : g.coordinates;
}

/** Planar signed area (lon/lat units): positive for counter-clockwise. */
function signed(ring: readonly Position[]): number {
  let twice = 0;
  const [x0 = 0, y0 = 0] = ring[0] ?? [];
  for (let i = 1; i + 1 < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] as Position;
    const [bx = 0, by = 0] = ring[i + 1] as Position;
    twice += (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
  }
  return twice / 2;
}

/** Snaps points to one id each, looking in the neighbouring grid cells too. */
class Snapper {
  readonly points: Position[] = [];
  private readonly cells = new Map<string, number[]>();
  private key(cx: number, cy: number): string {
    return `${cx},${cy}`;
  }
  id(p: Position): number {
    const [x = 0, y = 0] = p;
    const cx = Math.floor(x / SNAP_DEG);
    const cy = Math.floor(y / SNAP_DEG);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        for (const i of this.cells.get(this.key(cx + dx, cy + dy)) ?? []) {
          const [qx = 0, qy = 0] = this.points[i] as Position;
          if (Math.abs(qx - x) <= SNAP_DEG && Math.abs(qy - y) <= SNAP_DEG) return i;
        }
      }
    const i = this.points.length;
    this.points.push([x, y]);
    const k = this.key(cx, cy);
    const list = this.cells.get(k);
    if (list) list.push(i);
    else this.cells.set(k, [i]);
    return i;
  }
}

/** A grid of vertex ids for finding the vertices lying on an edge. */
function vertexGrid(points: readonly Position[], cellDeg: number): Map<string, number[]> {
  const grid = new Map<string, number[]>();
  points.forEach(([x = 0, y = 0], i) => {
    const k = `${Math.floor(x / cellDeg)},${Math.floor(y / cellDeg)}`;
    const list = grid.get(k);
    if (list) list.push(i);
    else grid.set(k, [i]);
  });
  return grid;
}

/** The vertices strictly inside edge a→b (within SNAP_DEG of it), ordered from a to b. */
function onEdge(
  a: number,
  b: number,
  points: readonly Position[],
  grid: Map<string, number[]>,
  cellDeg: number,
): number[] {
  const [ax = 0, ay = 0] = points[a] as Position;
  const [bx = 0, by = 0] = points[b] as Position;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return [];
  const hits: { i: number; t: number }[] = [];
  const x0 = Math.floor((Math.min(ax, bx) - SNAP_DEG) / cellDeg);
  const x1 = Math.floor((Math.max(ax, bx) + SNAP_DEG) / cellDeg);
  const y0 = Math.floor((Math.min(ay, by) - SNAP_DEG) / cellDeg);
  const y1 = Math.floor((Math.max(ay, by) + SNAP_DEG) / cellDeg);
  for (let cx = x0; cx <= x1; cx++)
    for (let cy = y0; cy <= y1; cy++)
      for (const i of grid.get(`${cx},${cy}`) ?? []) {
        if (i === a || i === b) continue;
        const [px = 0, py = 0] = points[i] as Position;
        const t = ((px - ax) * dx + (py - ay) * dy) / len2;
        if (t <= 0 || t >= 1) continue;
        const ex = ax + t * dx - px;
        const ey = ay + t * dy - py;
        if (ex * ex + ey * ey <= SNAP_DEG * SNAP_DEG) hits.push({ i, t });
      }
  return hits.sort((p, q) => p.t - q.t).map((h) => h.i);
}

/** Turn angle from direction (ux,uy) to (vx,vy), in (-π, π]: positive to the left. */
function turn(ux: number, uy: number, vx: number, vy: number): number {
  return Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
}

/**
 * The union of non-overlapping polygons, as a Polygon or MultiPolygon with outer rings
 * counter-clockwise and holes clockwise (RFC 7946). Returns null for no area.
 */
export function unionPilji(geometries: readonly Geometry[]): Geometry | null {
  const snap = new Snapper();
  const rings: number[][] = [];
  let longest = 0;
  for (const g of geometries)
    for (const polygon of polygonsOf(g))
      polygon.forEach((ring, k) => {
        const ccw = signed(ring) > 0;
        // Outer rings counter-clockwise, holes clockwise: the region always on the left.
        const ordered = ccw === (k === 0) ? ring : [...ring].reverse();
        const ids: number[] = [];
        for (const p of ordered) {
          const id = snap.id(p);
          if (ids[ids.length - 1] !== id) ids.push(id);
        }
        if (ids.length > 1 && ids[0] === ids[ids.length - 1]) ids.pop();
        if (ids.length >= 3) rings.push(ids);
        for (let i = 1; i < ordered.length; i++) {
          const [ax = 0, ay = 0] = ordered[i - 1] as Position;
          const [bx = 0, by = 0] = ordered[i] as Position;
          longest = Math.max(longest, Math.abs(bx - ax), Math.abs(by - ay));
        }
      });
  const points = snap.points;
  const cellDeg = Math.max(longest, SNAP_DEG * 16);
  const grid = vertexGrid(points, cellDeg);
  // Directed edges, split at T-junctions, counted by key; an edge and its reverse cancel.
  const count = new Map<string, number>();
  const add = (a: number, b: number) => {
    const reverse = `${b},${a}`;
    const r = count.get(reverse) ?? 0;
    if (r > 0) {
      if (r === 1) count.delete(reverse);
      else count.set(reverse, r - 1);
      return;
    }
    const k = `${a},${b}`;
    count.set(k, (count.get(k) ?? 0) + 1);
  };
  for (const ids of rings)
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i] as number;
      const b = ids[(i + 1) % ids.length] as number;
      let from = a;
      for (const mid of onEdge(a, b, points, grid, cellDeg)) {
        add(from, mid);
        from = mid;
      }
      add(from, b);
    }
  // Link the edges left into rings, turning as far left as possible where rings touch.
  const out = new Map<number, number[]>();
  for (const [k, n] of count)
    for (let j = 0; j < n; j++) {
      const [a, b] = k.split(",").map(Number) as [number, number];
      const list = out.get(a);
      if (list) list.push(b);
      else out.set(a, [b]);
    }
  const traced: Position[][] = [];
  for (const start of [...out.keys()]) {
    while ((out.get(start)?.length ?? 0) > 0) {
      const ring: number[] = [start];
      let prev = start;
      let cur = (out.get(start) as number[]).pop() as number;
      while (cur !== start) {
        ring.push(cur);
        const next = out.get(cur) ?? [];
        if (next.length === 0) break;
        let pick = 0;
        if (next.length > 1) {
          const [px = 0, py = 0] = points[prev] as Position;
          const [cx = 0, cy = 0] = points[cur] as Position;
          let best = -Infinity;
          next.forEach((n, j) => {
            const [nx = 0, ny = 0] = points[n] as Position;
            const t = turn(cx - px, cy - py, nx - cx, ny - cy);
            if (t > best) {
              best = t;
              pick = j;
            }
          });
        }
        const [chosen] = next.splice(pick, 1) as [number];
        prev = cur;
        cur = chosen;
      }
      if (ring.length >= 3) {
        const positions = ring.map((i) => [...(points[i] as Position)]);
        positions.push([...(positions[0] as Position)]);
        traced.push(positions);
      }
    }
  }
  return assemble(traced);
}

/** Counter-clockwise rings are outers; each clockwise ring goes to the smallest outer holding it. */
function assemble(rings: Position[][]): Geometry | null {
  const outers = rings
    .filter((r) => signed(r) > 0)
    .map((ring) => ({ ring, area: signed(ring), holes: [] as Position[][] }));
  for (const hole of rings.filter((r) => signed(r) < 0)) {
    // A hole's own vertices lie on its outer's boundary where they touch: test its midpoints.
    const a = hole[0] as Position;
    const b = hole[1] as Position;
    const probe: Position = [((a[0] ?? 0) + (b[0] ?? 0)) / 2, ((a[1] ?? 0) + (b[1] ?? 0)) / 2];
    let best: (typeof outers)[number] | undefined;
    for (const o of outers) {
      if ((!best || o.area < best.area) && pointInRing(probe, o.ring)) best = o;
    }
    best?.holes.push(hole);
  }
  if (outers.length === 0) return null;
  if (outers.length === 1) {
    const o = outers[0] as (typeof outers)[number];
    return { type: "Polygon", coordinates: [o.ring, ...o.holes] };
  }
  return { type: "MultiPolygon", coordinates: outers.map((o) => [o.ring, ...o.holes]) };
}
