/**
 * The polygon proposal: a density blob grown from the best circle's centre over ~2 km cells,
 * heaviest neighbour first, then its convex hull — few vertices, no self-crossing — as large as
 * the area limit allows; or, when it covers more, the polygon inscribed in the best circle of
 * the limit's area. No bound below the total weight holds for every polygon: a thin enough
 * polygon of any area threads every firm, so the bound is the region's total weight.
 */
import type { Polygon, Position } from "geojson";
import { polygonContains } from "../contains";
import { destination, geodesicAreaM2 } from "../measure";
import type { RuleSet } from "../types";
import { proposeCircle } from "./circle";
import type { Firms } from "./firms";
import { type CellKey, cellKey, cellOf } from "./outline";
import { planeAbout, toLat, toLon, toX, toY } from "./plane";
import type { ShapeProposal } from "./shapes";

/** The area actually used, as a share of the limit: clear of rounding at the check. */
const AREA_SHARE = 0.999;
const CELLS = 300;
const CIRCLE_SIDES = 64;

function cross(o: number[], a: number[], b: number[]): number {
  return (
    ((a[0] ?? 0) - (o[0] ?? 0)) * ((b[1] ?? 0) - (o[1] ?? 0)) -
    ((a[1] ?? 0) - (o[1] ?? 0)) * ((b[0] ?? 0) - (o[0] ?? 0))
  );
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, closed. */
function hull(points: number[][]): number[][] {
  const ps = [...points].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0));
  const lower: number[][] = [];
  for (const p of ps) {
    while (
      lower.length >= 2 &&
      cross(lower[lower.length - 2] as number[], lower[lower.length - 1] as number[], p) <= 0
    )
      lower.pop();
    lower.push(p);
  }
  const upper: number[][] = [];
  for (const p of ps.reverse()) {
    while (
      upper.length >= 2 &&
      cross(upper[upper.length - 2] as number[], upper[upper.length - 1] as number[], p) <= 0
    )
      upper.pop();
    upper.push(p);
  }
  const ring = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  return [...ring, ring[0] as number[]];
}

/** Firm weight inside a polygon (lon/lat ray cast). */
export function weightInPolygon(firms: Firms, polygon: Polygon): number {
  const ring = polygon.coordinates[0] ?? [];
  let sum = 0;
  for (let k = 0; k < firms.lon.length; k++) {
    const x = firms.lon[k] as number;
    const y = firms.lat[k] as number;
    let inside = false;
    for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    if (inside) sum += firms.weight[k] as number;
  }
  return sum;
}

/** Cells in the order a blob grows from `seed`: the heaviest cell next to the blob first. */
function growth(weight: Map<CellKey, number>, seed: CellKey, limit: number): CellKey[] {
  const order: CellKey[] = [seed];
  const inBlob = new Set([seed]);
  const frontier = new Map<CellKey, number>();
  const addNeighbours = (k: CellKey) => {
    const [i, j] = cellOf(k);
    for (const n of [cellKey(i + 1, j), cellKey(i - 1, j), cellKey(i, j + 1), cellKey(i, j - 1)]) {
      if (!inBlob.has(n)) frontier.set(n, weight.get(n) ?? 0);
    }
  };
  addNeighbours(seed);
  while (order.length < limit && frontier.size > 0) {
    let pick: CellKey = -1;
    let pickW = -1;
    for (const [k, w] of frontier) {
      if (w > pickW) {
        pick = k;
        pickW = w;
      }
    }
    frontier.delete(pick);
    inBlob.add(pick);
    order.push(pick);
    addNeighbours(pick);
  }
  return order;
}

export function proposePolygon(firms: Firms, ruleSet: RuleSet, ratio?: number): ShapeProposal {
  const limitM2 = (ruleSet.envelope.polygon?.areaKm2 ?? 1256.6) * 1e6 * AREA_SHARE;
  const radiusM = Math.sqrt(limitM2 / Math.PI);
  const circle = proposeCircle(firms, { radiusM, ...(ratio ? { ratio } : {}) });
  const [lon0, lat0] = circle.center;
  const plane = planeAbout(lon0, lat0);
  const side = Math.sqrt(limitM2 / CELLS);
  const weight = new Map<CellKey, number>();
  for (let k = 0; k < firms.lon.length; k++) {
    const key = cellKey(
      Math.floor(toX(plane, firms.lon[k] as number) / side),
      Math.floor(toY(plane, firms.lat[k] as number) / side),
    );
    weight.set(key, (weight.get(key) ?? 0) + (firms.weight[k] as number));
  }
  const order = growth(weight, cellKey(0, 0), 4 * CELLS);
  const hullOf = (n: number): Polygon => {
    const corners = order.slice(0, n).flatMap((k) => {
      const [i, j] = cellOf(k);
      return [
        [i, j],
        [i + 1, j],
        [i + 1, j + 1],
        [i, j + 1],
      ];
    });
    const ring = hull(corners).map(([i = 0, j = 0]) => [
      toLon(plane, i * side),
      toLat(plane, j * side),
    ]);
    return { type: "Polygon", coordinates: [ring] };
  };
  let lo = 1;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (geodesicAreaM2(hullOf(mid)) <= limitM2) lo = mid;
    else hi = mid - 1;
  }
  const blob = hullOf(lo);
  const ring: Position[] = [];
  for (let k = 0; k < CIRCLE_SIDES; k++)
    ring.push(destination(circle.center, (360 * k) / CIRCLE_SIDES, radiusM));
  const disc: Polygon = {
    type: "Polygon",
    coordinates: [[...ring.reverse(), ring[0] as Position]],
  };
  const blobWeight = weightInPolygon(firms, blob);
  const discWeight = weightInPolygon(firms, disc);
  const polygon = blobWeight >= discWeight ? blob : disc;
  const covered = Math.max(blobWeight, discWeight);
  const flat = (polygon.coordinates[0] ?? []).flat();
  const lons = flat.filter((_, i) => i % 2 === 0);
  const lats = flat.filter((_, i) => i % 2 === 1);
  let total = 0;
  for (let k = 0; k < firms.weight.length; k++) total += firms.weight[k] as number;
  return {
    envelope: { shape: "polygon", polygon },
    covered,
    bound: total,
    method: "total-weight",
    inside: (corners) =>
      polygonContains(polygon, {
        type: "Polygon",
        coordinates: [[...corners, corners[0] as Position]],
      }),
    bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
  };
}
