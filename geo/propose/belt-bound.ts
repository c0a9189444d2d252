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
 * with 4 km) — so three are tried and the least kept.
 *
 * Any axis curve, not only straight or once-bent ones: the area of the r-neighbourhood of a
 * polyline of length ℓ is at most 2rℓ + πr² — the first vertex's disk is πr², and each segment of
 * length l adds at most its stadium less the disk at its start, 2rl — and a curve is the limit of
 * its polylines.
 */
import { DEG } from "../measure";
import type { Firms } from "./firms";
import { type Plane, planeAbout, radiiAt, toX, toY } from "./plane";

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
  let bound = Number.POSITIVE_INFINITY;
  for (const cellM of CELLS_M) {
    bound = Math.min(
      bound,
      heaviestCells(firms, plane, cellM, halfWidthM / lo + cellM * Math.SQRT2, lengthM / lo),
    );
  }
  return bound;
}

/** The weight of the cells of side `cellM` a curve of plane length `lengthM` can meet within `r`. */
function heaviestCells(
  firms: Firms,
  plane: Plane,
  cellM: number,
  r: number,
  lengthM: number,
): number {
  const cells = Math.floor((2 * r * lengthM + Math.PI * r * r) / (cellM * cellM));
  const weight = new Map<number, number>();
  for (let i = 0; i < firms.lon.length; i++) {
    const cx = Math.floor(toX(plane, firms.lon[i] as number) / cellM);
    const cy = Math.floor(toY(plane, firms.lat[i] as number) / cellM);
    const key = (cx + 2 ** 20) * 2 ** 21 + (cy + 2 ** 20);
    weight.set(key, (weight.get(key) ?? 0) + (firms.weight[i] as number));
  }
  if (weight.size <= cells) return [...weight.values()].reduce((a, b) => a + b, 0);
  const heaviest = Float64Array.from(weight.values()).sort().reverse().subarray(0, cells);
  return heaviest.reduce((a, b) => a + b, 0);
}
