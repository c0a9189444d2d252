/**
 * A second proven bound for belts, often much tighter than the disk one: the heaviest cells a
 * belt could meet. In the search plane (a plate carrée about the firms, plane.ts) geodesic
 * lengths are at least `lo` times plane lengths inside the latitude band any weighted belt lies
 * in, so a belt's axis (geodesic length ≤ L) maps to a curve of plane length ≤ L / lo and the belt
 * to within w / lo of it. A grid cell of side s meeting the belt lies wholly within
 * r = w / lo + s√2 of that curve, whose r-neighbourhood has area at most 2·r·L/lo + π·r² (a curve's
 * neighbourhood is no larger than a stadium's). So a belt meets at most K = that area / s² cells,
 * and covers at most the weight of the K heaviest.
 */
import { DEG } from "../measure";
import type { Firms } from "./firms";
import { planeAbout, radiiAt, toX, toY } from "./plane";

const CELL_M = 1000;
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
  const r = halfWidthM / lo + CELL_M * Math.SQRT2;
  const cells = Math.floor((2 * r * (lengthM / lo) + Math.PI * r * r) / (CELL_M * CELL_M));
  const weight = new Map<number, number>();
  for (let i = 0; i < firms.lon.length; i++) {
    const cx = Math.floor(toX(plane, firms.lon[i] as number) / CELL_M);
    const cy = Math.floor(toY(plane, firms.lat[i] as number) / CELL_M);
    const key = (cx + 2 ** 20) * 2 ** 21 + (cy + 2 ** 20);
    weight.set(key, (weight.get(key) ?? 0) + (firms.weight[i] as number));
  }
  const heaviest = [...weight.values()].sort((a, b) => b - a).slice(0, cells);
  return heaviest.reduce((s, w) => s + w, 0);
}
