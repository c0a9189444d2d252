/**
 * The outline of a set of grid cells as GeoJSON rings: each 4-connected component becomes one
 * polygon, its outer ring counter-clockwise and its holes clockwise (RFC 7946). The set must hold
 * no two cells that touch only at a corner without a shared neighbour: then every grid vertex
 * starts at most one boundary edge, so the rings are simple and never touch each other.
 */
import type { Polygon, Position } from "geojson";

export type CellKey = number;

/** A cell (i, j) as one number; |i|, |j| < 2^20. */
export const cellKey = (i: number, j: number): CellKey => (i + 2 ** 20) * 2 ** 21 + (j + 2 ** 20);
export const cellOf = (k: CellKey): [number, number] => [
  Math.floor(k / 2 ** 21) - 2 ** 20,
  (k % 2 ** 21) - 2 ** 20,
];

/** The 4-connected components of a cell set. */
export function components(cells: ReadonlySet<CellKey>): CellKey[][] {
  const seen = new Set<CellKey>();
  const out: CellKey[][] = [];
  for (const start of cells) {
    if (seen.has(start)) continue;
    const comp: CellKey[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const k = stack.pop() as CellKey;
      comp.push(k);
      const [i, j] = cellOf(k);
      for (const n of [
        cellKey(i + 1, j),
        cellKey(i - 1, j),
        cellKey(i, j + 1),
        cellKey(i, j - 1),
      ]) {
        if (cells.has(n) && !seen.has(n)) {
          seen.add(n);
          stack.push(n);
        }
      }
    }
    out.push(comp);
  }
  return out;
}

function signedArea(ring: [number, number][]): number {
  let a = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    const p = ring[k] as [number, number];
    const q = ring[k + 1] as [number, number];
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

/** The ring without the vertices in the middle of a straight run (closed ring in, closed out). */
function straightened(ring: [number, number][]): [number, number][] {
  const open = ring.slice(0, -1);
  const kept = open.filter((v, k) => {
    const a = open[(k + open.length - 1) % open.length] as [number, number];
    const b = open[(k + 1) % open.length] as [number, number];
    return (v[0] - a[0]) * (b[1] - v[1]) - (v[1] - a[1]) * (b[0] - v[0]) !== 0;
  });
  return [...kept, kept[0] as [number, number]];
}

/**
 * One component's polygon, its vertices mapped by `corner(i, j)` (grid vertex → [lon, lat]).
 * Every grid vertex on the outline is kept, so each edge is one cell side long and the
 * polygon's geodesic area is exactly the sum of its cells'; `straighten` keeps only the corners
 * (few vertices, for an envelope, whose long edges then bow slightly as geodesics do).
 */
export function outlinePolygon(
  comp: readonly CellKey[],
  corner: (i: number, j: number) => Position,
  straighten = false,
): Polygon {
  const cells = new Set(comp);
  const next = new Map<CellKey, CellKey>();
  const edge = (a: [number, number], b: [number, number]) =>
    next.set(cellKey(a[0], a[1]), cellKey(b[0], b[1]));
  for (const k of comp) {
    const [i, j] = cellOf(k);
    if (!cells.has(cellKey(i, j - 1))) edge([i, j], [i + 1, j]);
    if (!cells.has(cellKey(i + 1, j))) edge([i + 1, j], [i + 1, j + 1]);
    if (!cells.has(cellKey(i, j + 1))) edge([i + 1, j + 1], [i, j + 1]);
    if (!cells.has(cellKey(i - 1, j))) edge([i, j + 1], [i, j]);
  }
  const rings: [number, number][][] = [];
  const used = new Set<CellKey>();
  for (const start of next.keys()) {
    if (used.has(start)) continue;
    const ring: [number, number][] = [];
    let v = start;
    do {
      used.add(v);
      ring.push(cellOf(v));
      v = next.get(v) as CellKey;
    } while (v !== start && v !== undefined);
    ring.push(cellOf(start));
    rings.push(straighten ? straightened(ring) : ring);
  }
  rings.sort((a, b) => signedArea(b) - signedArea(a));
  return {
    type: "Polygon",
    coordinates: rings.map((ring) => ring.map(([i, j]) => corner(i, j))),
  };
}
