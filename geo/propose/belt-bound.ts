/**
 * A second proven bound for belts, often much tighter than the disk one: the heaviest cells a
 * belt could meet. In the search plane (a plate carrée about the firms, plane.ts) geodesic
 * lengths are at least `lo` times plane lengths inside the latitude band any weighted belt lies
 * in, so a belt's axis (geodesic length ≤ L) maps to a curve of plane length ≤ L / lo and the belt
 * to within w / lo of it. A grid cell of side s meeting the belt lies wholly within
 * r = w / lo + s√2 of that curve, whose r-neighbourhood has area at most 2·r·L/lo + π·r² (a curve's
 * neighbourhood is no larger than a stadium's). So a belt meets at most K = that area / s² cells,
 * and covers at most the weight of the K heaviest. Each cell side gives a proven bound — fine
 * cells waste little area at the belt's rim, coarse ones don't let the sparse firms of a wide
 * spread each claim a cell of their own (6,000 firms spread evenly: 1,752 with 1 km cells, 745
 * with 4 km) — so three are tried and the side giving the least kept.
 *
 * Those K cells must also lie near one point: every covered firm is within L/2 + w (geodesic) of
 * the axis' midpoint by length m, so within (L/2 + w)/lo of it in the plane, and its cell's centre
 * within s/√2 more. Over a grid of squares of side S covering every place m could be, the K
 * heaviest cells within (L/2 + w)/lo + (s + S)/√2 of a square's centre include every cell a belt
 * whose midpoint lies in that square could cover; the largest such sum over the squares bounds
 * every belt (two clumps 150 km apart: the heavier one, not both; 6,000 evenly spread firms: 594).
 *
 * Any axis curve, not only straight or once-bent ones: the area of the r-neighbourhood of a
 * polyline of length ℓ is at most 2rℓ + πr² — the first vertex's disk is πr², and each segment of
 * length l adds at most its stadium less the disk at its start, 2rl — and a curve is the limit of
 * its polylines.
 */
import { DEG } from "../measure";
import type { Firms } from "./firms";
import { type Plane, planeAbout, radiiAt, toX, toY } from "./plane";

/** The grid of candidate midpoints: this many squares across the reach. */
const SQUARES_PER_REACH = 4;
/** Cell sides tried (m): each gives a proven bound, and the least is kept. */
const CELLS_M = [1000, 2000, 4000];
/** Past a geodesic's ends, how far (degrees) its latitude may stray (plane.ts). */
const BOW_DEG = 0.01;

/** An upper bound on the weight any belt of half-width `halfWidthM` and axis ≤ `lengthM` covers. */
export function beltCellBound(firms: Firms, halfWidthM: number, lengthM: number): number {
  if (firms.lon.length === 0) return 0;
  let lonLo = Number.POSITIVE_INFINITY;
  let lonHi = Number.NEGATIVE_INFINITY;
  let latLo = Number.POSITIVE_INFINITY;
  let latHi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < firms.lon.length; i++) {
    lonLo = Math.min(lonLo, firms.lon[i] as number);
    lonHi = Math.max(lonHi, firms.lon[i] as number);
    latLo = Math.min(latLo, firms.lat[i] as number);
    latHi = Math.max(latHi, firms.lat[i] as number);
  }
  const plane = planeAbout((lonLo + lonHi) / 2, (latLo + latHi) / 2);
  // A belt holding any firm lies within L + w of it: its latitudes are in this band.
  const spread = (lengthM + halfWidthM) / radiiAt(0).meridianM / DEG + BOW_DEG;
  const ends = [latLo - spread, latHi + spread];
  if (ends[0] !== undefined && ends[1] !== undefined && ends[0] < 0 && ends[1] > 0) ends.push(0);
  let lo = 1;
  for (const lat of ends) {
    const r = radiiAt(lat);
    lo = Math.min(lo, r.parallelM / plane.parallel0, r.meridianM / plane.meridian0);
  }
  // Every covered firm lies within L/2 + w (geodesic) of the axis' midpoint by length: in the
  // plane, within this of it.
  const reachM = (lengthM / 2 + halfWidthM) / lo;
  // The least bound of the K heaviest cells anywhere picks the cell side; those cells are then
  // held to one disk about the axis' midpoint too.
  let pick = { bound: Number.POSITIVE_INFINITY, cells: undefined as Cells | undefined, most: 0 };
  for (const cellM of CELLS_M) {
    const r = halfWidthM / lo + cellM * Math.SQRT2;
    const most = Math.floor((2 * r * (lengthM / lo) + Math.PI * r * r) / (cellM * cellM));
    const cells = cellsOf(firms, plane, cellM);
    const anywhere = sumOfLargest(Float64Array.from(cells.w), cells.w.length, most);
    if (anywhere < pick.bound) pick = { bound: anywhere, cells, most };
  }
  return pick.cells ? Math.min(pick.bound, heaviestNear(pick.cells, pick.most, reachM)) : 0;
}

interface Cells {
  side: number;
  x: Float64Array;
  y: Float64Array;
  w: Float64Array;
}

/** Firm weight by cell of side `cellM`: each cell's centre (plane m) and weight. */
function cellsOf(firms: Firms, plane: Plane, cellM: number): Cells {
  const weight = new Map<number, number>();
  for (let i = 0; i < firms.lon.length; i++) {
    const cx = Math.floor(toX(plane, firms.lon[i] as number) / cellM);
    const cy = Math.floor(toY(plane, firms.lat[i] as number) / cellM);
    const key = (cx + 2 ** 20) * 2 ** 21 + (cy + 2 ** 20);
    weight.set(key, (weight.get(key) ?? 0) + (firms.weight[i] as number));
  }
  const n = weight.size;
  const cells: Cells = {
    side: cellM,
    x: new Float64Array(n),
    y: new Float64Array(n),
    w: new Float64Array(n),
  };
  let k = 0;
  for (const [key, w] of weight) {
    cells.x[k] = (Math.floor(key / 2 ** 21) - 2 ** 20 + 0.5) * cellM;
    cells.y[k] = ((key % 2 ** 21) - 2 ** 20 + 0.5) * cellM;
    cells.w[k] = w;
    k++;
  }
  return cells;
}

/** The sum of the `k` largest of `v[0 … n)` (reorders v). */
function sumOfLargest(v: Float64Array, n: number, k: number): number {
  let sum = 0;
  if (n <= k) {
    for (let i = 0; i < n; i++) sum += v[i] as number;
    return sum;
  }
  // Quickselect: v[0 … k) end up the k largest.
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = v[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((v[i] as number) > pivot) i++;
      while ((v[j] as number) < pivot) j--;
      if (i <= j) {
        const t = v[i] as number;
        v[i] = v[j] as number;
        v[j] = t;
        i++;
        j--;
      }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else break;
  }
  for (let i = 0; i < k; i++) sum += v[i] as number;
  return sum;
}

/**
 * The most weight `most` cells can hold when they all lie within `reachM` (plus a cell's
 * half-diagonal) of one point: for every square of side S of a grid over the cells, the `most`
 * heaviest cells within reachM + (s + S)/√2 of its centre — wherever the point lies, its square's
 * set holds every cell it could use. Never more than the `most` heaviest cells anywhere.
 */
function heaviestNear(cells: Cells, most: number, reachM: number): number {
  const n = cells.w.length;
  if (n === 0) return 0;
  const square = Math.max(cells.side, reachM / SQUARES_PER_REACH);
  const rho = reachM + ((cells.side + square) * Math.SQRT2) / 2;
  let [xLo, xHi, yLo, yHi] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    xLo = Math.min(xLo, cells.x[i] as number);
    xHi = Math.max(xHi, cells.x[i] as number);
    yLo = Math.min(yLo, cells.y[i] as number);
    yHi = Math.max(yHi, cells.y[i] as number);
  }
  // Cells bucketed by squares of side rho, so a disc of radius rho meets at most 3 × 3 buckets.
  const cols = Math.floor((xHi - xLo) / rho) + 1;
  const rows = Math.floor((yHi - yLo) / rho) + 1;
  const start = new Int32Array(cols * rows + 1);
  const bucketOf = (i: number) =>
    Math.floor(((cells.y[i] as number) - yLo) / rho) * cols +
    Math.floor(((cells.x[i] as number) - xLo) / rho);
  for (let i = 0; i < n; i++) (start[bucketOf(i) + 1] as number)++;
  for (let b = 0; b < cols * rows; b++)
    start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  const fill = start.slice(0, -1);
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const b = bucketOf(i);
    ids[fill[b] as number] = i;
    fill[b] = (fill[b] as number) + 1;
  }
  const buffer = new Float64Array(n);
  const rho2 = rho * rho;
  let best = 0;
  for (let qy = yLo - rho; qy <= yHi + rho + square; qy += square) {
    for (let qx = xLo - rho; qx <= xHi + rho + square; qx += square) {
      let count = 0;
      const c0 = Math.max(0, Math.floor((qx - rho - xLo) / rho));
      const c1 = Math.min(cols - 1, Math.floor((qx + rho - xLo) / rho));
      const r0 = Math.max(0, Math.floor((qy - rho - yLo) / rho));
      const r1 = Math.min(rows - 1, Math.floor((qy + rho - yLo) / rho));
      for (let row = r0; row <= r1; row++) {
        for (let col = c0; col <= c1; col++) {
          const b = row * cols + col;
          for (let k = start[b] as number; k < (start[b + 1] as number); k++) {
            const i = ids[k] as number;
            const dx = (cells.x[i] as number) - qx;
            const dy = (cells.y[i] as number) - qy;
            if (dx * dx + dy * dy <= rho2) buffer[count++] = cells.w[i] as number;
          }
        }
      }
      if (count > 0) best = Math.max(best, sumOfLargest(buffer, count, most));
    }
  }
  return best;
}
