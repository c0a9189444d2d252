/**
 * A density contour as one polygon: the heaviest cells of a grid, their separate clumps joined
 * by corridors one cell wide (nearest clump first, as Prim's tree grows), and corners where
 * cells touch only diagonally filled in, so the outline is one simple polygon (holes allowed).
 */
import type { Polygon, Position } from "geojson";
import { type CellKey, cellKey, cellOf, components, outlinePolygon } from "./outline";

/** Cells of an L-shaped path from a to b (both ends included), along i first, then j. */
function corridor(a: CellKey, b: CellKey): CellKey[] {
  const [ai, aj] = cellOf(a);
  const [bi, bj] = cellOf(b);
  const path: CellKey[] = [];
  const di = Math.sign(bi - ai);
  const dj = Math.sign(bj - aj);
  for (let i = ai; i !== bi; i += di) path.push(cellKey(i, aj));
  for (let j = aj; j !== bj; j += dj) path.push(cellKey(bi, j));
  path.push(b);
  return path;
}

/** Joins the clumps of `cells` into one 4-connected set, in place. */
function join(cells: Set<CellKey>): void {
  const clumps = components(cells);
  if (clumps.length < 2) return;
  const joined = [...(clumps[0] ?? [])];
  const rest = clumps.slice(1);
  while (rest.length > 0) {
    let best = { d: Number.POSITIVE_INFINITY, k: 0, from: 0, to: 0 };
    rest.forEach((clump, k) => {
      for (const a of joined) {
        const [ai, aj] = cellOf(a);
        for (const b of clump) {
          const [bi, bj] = cellOf(b);
          const d = Math.abs(ai - bi) + Math.abs(aj - bj);
          if (d < best.d) best = { d, k, from: a, to: b };
        }
      }
    });
    for (const c of corridor(best.from, best.to)) {
      cells.add(c);
      joined.push(c);
    }
    joined.push(...(rest[best.k] ?? []));
    rest.splice(best.k, 1);
  }
}

/** Fills one cell of every 2×2 block whose only cells are a diagonal pair, until none is left. */
function unpinch(cells: Set<CellKey>): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const k of [...cells]) {
      const [i, j] = cellOf(k);
      for (const [di, dj] of [
        [1, 1],
        [1, -1],
      ] as const) {
        const diagonal = cells.has(cellKey(i + di, j + dj));
        if (diagonal && !cells.has(cellKey(i + di, j)) && !cells.has(cellKey(i, j + dj))) {
          cells.add(cellKey(i + di, j));
          changed = true;
        }
      }
    }
  }
}

/**
 * The contour polygon of the `count` heaviest cells (`ranked`, heaviest first), joined into one
 * piece; `corner` maps a grid vertex to [lon, lat].
 */
export function contourPolygon(
  ranked: readonly CellKey[],
  count: number,
  corner: (i: number, j: number) => Position,
): Polygon {
  const cells = new Set(ranked.slice(0, count));
  join(cells);
  unpinch(cells);
  return outlinePolygon([...cells], corner, true);
}
