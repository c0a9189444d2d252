/**
 * The circle proposal: the centre of a geodesic circle of a given radius that covers the most
 * firm weight, within a stated fraction of the optimum, with a proven upper bound on it.
 *
 * Branch and bound over square cells of candidate centres in the search plane. A cell's bound is
 * the weight within radius + h of its centre, h the geodesic half-diagonal (plane.ts proves it):
 * by the triangle inequality, no centre in the cell covers a firm farther than that. Cells are
 * taken highest bound first; each one's centre is evaluated exactly, and cells are split in four
 * until the best centre found covers at least `ratio` of the highest bound still open.
 */
import { DEG } from "../measure";
import { firmsWithin, weightWithin } from "./disk";
import type { Firms } from "./firms";
import { buildGrid, type FirmGrid } from "./grid";
import { MaxHeap } from "./heap";
import { halfDiagonalM, radiiAt, toLat, toLon, toX, toY } from "./plane";

export interface CircleOptions {
  radiusM: number;
  /** Stop once the best centre covers this share of the bound (default 0.99). */
  ratio?: number;
  /** A grid built for this radius already (the belt reuses it). */
  grid?: FirmGrid;
}

export interface CircleProposal {
  center: [number, number];
  radiusM: number;
  /** Firm weight within the circle (geodesic, exact). */
  covered: number;
  /** How many firms lie within the circle. */
  coveredFirms: number;
  /** Proven: no circle of this radius anywhere covers more weight. */
  bound: number;
  total: number;
  /** Cells whose bound was computed, a measure of the work done. */
  cells: number;
}

interface Cell {
  x: number;
  y: number;
  half: number;
}

/**
 * Cells smaller than this (m) are not split: their bound is then within a few millimetres of
 * exact. The best centres can fill a sliver well under a metre across (three firms' rims
 * meeting), which 0.5 m cells stepped over; an optimum only a region under a millimetre holds
 * stays open in the bound (`unresolved`), which is then still proven but may exceed covered / 0.99.
 */
const MIN_HALF_M = 0.001;
const MAX_CELLS = 400_000;

/** A grid cell side for the search: fine enough that rim cells hold few firms. */
export function gridCellFor(radiusM: number): number {
  return radiusM / 32;
}

export function proposeCircle(firms: Firms, opts: CircleOptions): CircleProposal {
  const radiusM = opts.radiusM;
  const ratio = opts.ratio ?? 0.99;
  if (firms.lon.length === 0) {
    return { center: [0, 0], radiusM, covered: 0, coveredFirms: 0, bound: 0, total: 0, cells: 0 };
  }
  const g = opts.grid ?? buildGrid(firms, gridCellFor(radiusM));
  const { plane } = g;
  const latTop = toLat(plane, g.y0 + g.rows * g.cell);
  const latBottom = toLat(plane, g.y0);
  // A centre covering any firm is within radiusM of it: pad the firms' extent by that much
  // (in longitude at the narrowest parallel the padded band reaches), with a 2% margin.
  const padLat = (1.02 * radiusM) / (radiiAt(0).meridianM * DEG);
  const polewardLat = Math.max(Math.abs(latTop), Math.abs(latBottom)) + padLat;
  const padLon = (1.02 * radiusM) / (radiiAt(Math.min(polewardLat, 89)).parallelM * DEG);
  const xLo = toX(plane, toLon(plane, g.x0) - padLon);
  const xHi = toX(plane, toLon(plane, g.x0 + g.cols * g.cell) + padLon);
  const yLo = toY(plane, latBottom - padLat);
  const yHi = toY(plane, latTop + padLat);
  const side = radiusM / 2;
  const heap = new MaxHeap<Cell>();
  let best = -1;
  let center: [number, number] = [plane.lon0, plane.lat0];
  let cells = 0;
  let unresolved = 0;

  const boundOf = (c: Cell): number => {
    cells++;
    const latLo = toLat(plane, c.y - c.half);
    const latHi = toLat(plane, c.y + c.half);
    const h = halfDiagonalM(plane, latLo, latHi, c.half, c.half);
    // Coarse cells take the cheap bound (whole rim cells count); fine ones the exact geodesic
    // weight within radius + h, which the triangle inequality makes a bound and which tends to
    // the centre's own weight as h → 0. (The ellipse bound would not: it counts every firm in
    // the outer ellipse, metres past the rim for the plane's distortion however small the cell,
    // so sub-metre cells kept bounds above any centre in them and the search ended short of
    // the 99% it promises.) Exact costs little more: only firms between the inner and outer
    // ellipses get a distance.
    const mode = c.half < 4 * g.cell ? "exact" : "cells";
    return weightWithin(g, toLon(plane, c.x), toLat(plane, c.y), radiusM + h, mode);
  };
  const push = (c: Cell): void => {
    const b = boundOf(c);
    if (b > best) heap.push(b, c);
  };

  for (let y = yLo; y < yHi; y += side) {
    for (let x = xLo; x < xHi; x += side)
      push({ x: x + side / 2, y: y + side / 2, half: side / 2 });
  }
  while (heap.size > 0 && cells < MAX_CELLS) {
    const top = heap.peekKey();
    if (best >= ratio * top) break;
    const c = heap.pop() as Cell;
    const lon = toLon(plane, c.x);
    const lat = toLat(plane, c.y);
    const v = weightWithin(g, lon, lat, radiusM);
    if (v > best) {
      best = v;
      center = [lon, lat];
    }
    if (top <= best) continue;
    if (c.half < MIN_HALF_M) {
      unresolved = Math.max(unresolved, top);
      continue;
    }
    const q = c.half / 2;
    for (const [dx, dy] of [
      [-q, -q],
      [q, -q],
      [-q, q],
      [q, q],
    ] as const) {
      push({ x: c.x + dx, y: c.y + dy, half: q });
    }
  }
  const bound = Math.min(g.total, Math.max(best, heap.peekKey(), unresolved));
  const coveredFirms = firmsWithin(g, center[0], center[1], radiusM).length;
  return {
    center,
    radiusM,
    covered: Math.max(best, 0),
    coveredFirms,
    bound,
    total: g.total,
    cells,
  };
}
