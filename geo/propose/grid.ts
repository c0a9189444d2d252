/**
 * A weighted grid over the firms in the search plane: firms bucketed by cell (a counting sort),
 * with per-row prefix sums of cell weight, so the weight inside an axis-aligned ellipse costs one
 * prefix difference per row for the cells wholly inside and a test of each firm only in the
 * cells its rim crosses.
 */
import type { Firms } from "./firms";
import { type Plane, planeAbout, toX, toY } from "./plane";

export interface FirmGrid {
  plane: Plane;
  /** Plane position of the grid's lower-left corner and the cell side, m. */
  x0: number;
  y0: number;
  cell: number;
  cols: number;
  rows: number;
  /** Cell c's firms are sorted positions start[c] … start[c + 1] − 1. */
  start: Uint32Array;
  /** Firms in sorted order: plane position, lon/lat and weight. */
  x: Float64Array;
  y: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  weight: Float64Array;
  /** prefix[r·(cols+1) + c] = weight of cells 0 … c−1 of row r. */
  prefix: Float64Array;
  total: number;
}

/** At most this many cells: 4 M cells are 64 MB of prefix sums and counts at most. */
const MAX_CELLS = 4_000_000;

function extent(a: Float64Array): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** The grid of `firms` with cells of about `cellM` metres (larger if the firms spread far). */
export function buildGrid(firms: Firms, cellM: number): FirmGrid {
  const n = firms.lon.length;
  const [lonLo, lonHi] = extent(firms.lon);
  const [latLo, latHi] = extent(firms.lat);
  const plane = planeAbout((lonLo + lonHi) / 2, (latLo + latHi) / 2);
  const x0 = toX(plane, lonLo);
  const y0 = toY(plane, latLo);
  const w = toX(plane, lonHi) - x0;
  const h = toY(plane, latHi) - y0;
  const cell = Math.max(cellM, Math.sqrt((w * h) / MAX_CELLS), 1);
  const cols = Math.floor(w / cell) + 1;
  const rows = Math.floor(h / cell) + 1;
  const cellOf = new Uint32Array(n);
  const count = new Uint32Array(cols * rows + 1);
  for (let i = 0; i < n; i++) {
    const c = Math.min(cols - 1, Math.floor((toX(plane, firms.lon[i] as number) - x0) / cell));
    const r = Math.min(rows - 1, Math.floor((toY(plane, firms.lat[i] as number) - y0) / cell));
    const k = r * cols + c;
    cellOf[i] = k;
    count[k + 1] = (count[k + 1] as number) + 1;
  }
  const start = new Uint32Array(cols * rows + 1);
  for (let k = 0; k < cols * rows; k++)
    start[k + 1] = (start[k] as number) + (count[k + 1] as number);
  const fill = start.slice(0, cols * rows);
  const grid: FirmGrid = {
    plane,
    x0,
    y0,
    cell,
    cols,
    rows,
    start,
    x: new Float64Array(n),
    y: new Float64Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    weight: new Float64Array(n),
    prefix: new Float64Array(rows * (cols + 1)),
    total: 0,
  };
  const cellWeight = new Float64Array(cols * rows);
  for (let i = 0; i < n; i++) {
    const k = cellOf[i] as number;
    const j = fill[k] as number;
    fill[k] = j + 1;
    const lon = firms.lon[i] as number;
    const lat = firms.lat[i] as number;
    const wt = firms.weight[i] as number;
    grid.x[j] = toX(plane, lon);
    grid.y[j] = toY(plane, lat);
    grid.lon[j] = lon;
    grid.lat[j] = lat;
    grid.weight[j] = wt;
    cellWeight[k] = (cellWeight[k] as number) + wt;
    grid.total += wt;
  }
  for (let r = 0; r < rows; r++) {
    let acc = 0;
    for (let c = 0; c < cols; c++) {
      grid.prefix[r * (cols + 1) + c] = acc;
      acc += cellWeight[r * cols + c] as number;
    }
    grid.prefix[r * (cols + 1) + cols] = acc;
  }
  return grid;
}

/** An ellipse query: centre (cx, cy), scales (sx, sy), a point is inside when (sx·Δx)² + (sy·Δy)² ≤ r². */
export interface EllipseQuery {
  cx: number;
  cy: number;
  sx: number;
  sy: number;
  /** Cells wholly within radius `inner` count whole. */
  inner: number;
  /** Firms in cells that meet radius `outer` but are not wholly within `inner` are tested. */
  outer: number;
}

/**
 * The weight of the cells wholly within `q.inner`, plus that of each firm (sorted index) in the
 * other cells meeting `q.outer` for which `test` holds. With `test` null those firms all count,
 * which is a cheap upper bound.
 */
export function scanEllipse(
  g: FirmGrid,
  q: EllipseQuery,
  test: ((j: number) => boolean) | null,
): number {
  const { cell, cols } = g;
  let sum = 0;
  const rLo = Math.max(0, Math.floor((q.cy - q.outer / q.sy - g.y0) / cell));
  const rHi = Math.min(g.rows - 1, Math.floor((q.cy + q.outer / q.sy - g.y0) / cell));
  for (let r = rLo; r <= rHi; r++) {
    const ya = g.y0 + r * cell;
    const yb = ya + cell;
    const near = q.sy * (q.cy < ya ? ya - q.cy : q.cy > yb ? q.cy - yb : 0);
    if (near > q.outer) continue;
    const far = q.sy * Math.max(Math.abs(ya - q.cy), Math.abs(yb - q.cy));
    const hwO = Math.sqrt(q.outer * q.outer - near * near) / q.sx;
    const c0 = Math.max(0, Math.floor((q.cx - hwO - g.x0) / cell));
    const c1 = Math.min(cols - 1, Math.floor((q.cx + hwO - g.x0) / cell));
    if (c0 > c1) continue;
    let i0 = c1 + 1;
    let i1 = c1;
    if (far <= q.inner) {
      const hwI = Math.sqrt(q.inner * q.inner - far * far) / q.sx;
      i0 = Math.max(c0, Math.ceil((q.cx - hwI - g.x0) / cell));
      i1 = Math.min(c1, Math.floor((q.cx + hwI - g.x0) / cell) - 1);
      if (i0 > i1) {
        i0 = c1 + 1;
        i1 = c1;
      } else {
        const base = r * (cols + 1);
        sum += (g.prefix[base + i1 + 1] as number) - (g.prefix[base + i0] as number);
      }
    }
    const rowStart = r * cols;
    if (test === null) {
      const base = r * (cols + 1);
      sum += (g.prefix[base + c1 + 1] as number) - (g.prefix[base + c0] as number);
      continue;
    }
    const from = g.start[rowStart + c0] as number;
    const to = g.start[rowStart + c1 + 1] as number;
    const skipFrom = i0 <= i1 ? (g.start[rowStart + i0] as number) : to;
    const skipTo = i0 <= i1 ? (g.start[rowStart + i1 + 1] as number) : to;
    for (let j = from; j < to; j++) {
      if (j === skipFrom) j = skipTo;
      if (j >= to) break;
      if (test === null || test(j)) sum += g.weight[j] as number;
    }
  }
  return sum;
}
