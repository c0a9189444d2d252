/**
 * The polygon proposal: a density blob grown over ~2 km cells from the best circle's centre,
 * heaviest neighbour first (empty cells toward denser surroundings, so it crosses gaps to the
 * next clump), as large as the area limit allows. Three candidates are compared — the blob's own
 * outline (corners only), its convex hull, and the polygon inscribed in the best circle of the
 * limit's area — and the one covering most weight is proposed: few vertices, never self-crossing.
 * No bound below the total weight holds for every polygon (a thin enough polygon of any area
 * threads every firm), so the bound is the region's total weight.
 */
import type { Polygon, Position } from "geojson";
import { polygonContains } from "../envelope";
import { destination, geodesicAreaM2 } from "../measure";
import type { RuleSet } from "../types";
import { proposeCircle } from "./circle";
import { contourPolygon } from "./contour";
import { type Firms, totalWeight } from "./firms";
import { type CellKey, cellKey, cellOf, outlinePolygon } from "./outline";
import { planeAbout, toLat, toLon, toX, toY } from "./plane";
import type { ShapeProposal } from "./shape-proposal";

/**
 * The polygon's bound, in plain words: the rule set limits a polygon's area only, and a polygon of
 * any area reaches any finite set of firms through arms thin enough, so no bound below the total
 * weight holds. (A limit on the perimeter or the vertices would bound it; no rule set has one.)
 */
export const TOTAL_WEIGHT_METHOD =
  "total-weight: a polygon within the area limit can reach every firm through thin arms, so no smaller bound holds";

/** The area actually used, as a share of the limit: clear of rounding at the check. */
const AREA_SHARE = 0.999;
const CELLS = 300;
const CIRCLE_SIDES = 64;

function cross(o: number[], a: number[], b: number[]): number {
  const [ox = 0, oy = 0] = o;
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, closed. */
function hull(points: number[][]): number[][] {
  const ps = [...points].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0));
  const half = (seq: number[][]): number[][] => {
    const out: number[][] = [];
    for (const p of seq) {
      while (
        out.length >= 2 &&
        cross(out[out.length - 2] as number[], out[out.length - 1] as number[], p) <= 0
      ) {
        out.pop();
      }
      out.push(p);
    }
    return out.slice(0, -1);
  };
  const ring = [...half(ps), ...half([...ps].reverse())];
  return [...ring, ring[0] as number[]];
}

/** Firm weight and count inside a polygon (lon/lat ray cast, even-odd over every ring, so holes count out). */
export function weightInPolygon(firms: Firms, polygon: Polygon): { weight: number; count: number } {
  let sum = 0;
  let count = 0;
  const outer = polygon.coordinates[0] ?? [];
  const xs = outer.map((p) => p[0] ?? 0);
  const ys = outer.map((p) => p[1] ?? 0);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (let k = 0; k < firms.lon.length; k++) {
    const x = firms.lon[k] as number;
    const y = firms.lat[k] as number;
    if (x < x0 || x > x1 || y < y0 || y > y1) continue;
    let inside = false;
    for (const ring of polygon.coordinates) {
      for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
        const [xi = 0, yi = 0] = ring[i] ?? [];
        const [xj = 0, yj = 0] = ring[j] ?? [];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    if (inside) {
      sum += firms.weight[k] as number;
      count++;
    }
  }
  return { weight: sum, count };
}

/** Each cell's weight summed over the (2·reach + 1)² cells about it: a smoothed density. */
function smoothed(weight: Map<CellKey, number>, reach: number): Map<CellKey, number> {
  const out = new Map<CellKey, number>();
  for (const [k, w] of weight) {
    const [i, j] = cellOf(k);
    for (let di = -reach; di <= reach; di++) {
      for (let dj = -reach; dj <= reach; dj++) {
        const n = cellKey(i + di, j + dj);
        out.set(n, (out.get(n) ?? 0) + w);
      }
    }
  }
  return out;
}

/**
 * Cells in the order the blob grows from `seed`. A cell that would touch the blob only at a
 * corner waits, so every prefix's outline is simple.
 */
function growth(weight: Map<CellKey, number>, seed: CellKey, limit: number): CellKey[] {
  // Near and far surroundings: the far one leads across gaps wider than the near one sees.
  const near = smoothed(weight, 3);
  const far = smoothed(weight, 8);
  const order: CellKey[] = [seed];
  const inBlob = new Set([seed]);
  const has = (i: number, j: number) => inBlob.has(cellKey(i, j));
  const pinches = (k: CellKey): boolean => {
    const [i, j] = cellOf(k);
    return [
      [1, 1],
      [1, -1],
      [-1, 1],
      [-1, -1],
    ].some(([di = 0, dj = 0]) => has(i + di, j + dj) && !has(i + di, j) && !has(i, j + dj));
  };
  const frontier = new Map<CellKey, number>();
  const addNeighbours = (k: CellKey) => {
    const [i, j] = cellOf(k);
    for (const n of [cellKey(i + 1, j), cellKey(i - 1, j), cellKey(i, j + 1), cellKey(i, j - 1)]) {
      if (!inBlob.has(n))
        frontier.set(
          n,
          (weight.get(n) ?? 0) + 1e-6 * (near.get(n) ?? 0) + 1e-9 * (far.get(n) ?? 0),
        );
    }
  };
  addNeighbours(seed);
  while (order.length < limit) {
    let pick: CellKey | undefined;
    let pickW = -1;
    for (const [k, w] of frontier) {
      if (w > pickW && !pinches(k)) {
        pick = k;
        pickW = w;
      }
    }
    if (pick === undefined) break;
    frontier.delete(pick);
    inBlob.add(pick);
    order.push(pick);
    addNeighbours(pick);
  }
  return order;
}

/** The shape `of(n)` for the largest n whose geodesic area stays within `limitM2` (bisection). */
function largest(count: number, of: (n: number) => Polygon, limitM2: number): Polygon {
  let lo = 1;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (geodesicAreaM2(of(mid)) <= limitM2) lo = mid;
    else hi = mid - 1;
  }
  return of(lo);
}

export function proposePolygon(firms: Firms, ruleSet: RuleSet, ratio?: number): ShapeProposal {
  const limitM2 = (ruleSet.envelope.polygon?.areaKm2 ?? 1256.6) * 1e6 * AREA_SHARE;
  const radiusM = Math.sqrt(limitM2 / Math.PI);
  const circle = proposeCircle(firms, { radiusM, ...(ratio ? { ratio } : {}) });
  const plane = planeAbout(circle.center[0], circle.center[1]);
  const side = Math.sqrt(limitM2 / CELLS);
  const weight = new Map<CellKey, number>();
  for (let k = 0; k < firms.lon.length; k++) {
    const i = Math.floor(toX(plane, firms.lon[k] as number) / side);
    const j = Math.floor(toY(plane, firms.lat[k] as number) / side);
    weight.set(cellKey(i, j), (weight.get(cellKey(i, j)) ?? 0) + (firms.weight[k] as number));
  }
  const order = growth(weight, cellKey(0, 0), 2 * CELLS);
  const corner = (i: number, j: number): Position => [
    toLon(plane, i * side),
    toLat(plane, j * side),
  ];
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
    return { type: "Polygon", coordinates: [hull(corners).map(([i = 0, j = 0]) => corner(i, j))] };
  };
  const blobOf = (n: number): Polygon => outlinePolygon(order.slice(0, n), corner, true);
  const ring: Position[] = [];
  for (let k = 0; k < CIRCLE_SIDES; k++)
    ring.push(destination(circle.center, (360 * k) / CIRCLE_SIDES, radiusM));
  const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const candidates: Polygon[] = [
    largest(Math.min(ranked.length, 2 * CELLS), (n) => contourPolygon(ranked, n, corner), limitM2),
    largest(order.length, blobOf, limitM2),
    largest(order.length, hullOf, limitM2),
    { type: "Polygon", coordinates: [[...ring.reverse(), ring[0] as Position]] },
  ];
  let polygon = candidates[0] as Polygon;
  let covered = -1;
  let coveredFirms = 0;
  for (const c of candidates) {
    const w = weightInPolygon(firms, c);
    if (w.weight > covered) {
      polygon = c;
      covered = w.weight;
      coveredFirms = w.count;
    }
  }
  const outer = polygon.coordinates[0] ?? [];
  const lons = outer.map((p) => p[0] ?? 0);
  const lats = outer.map((p) => p[1] ?? 0);
  return {
    envelope: { shape: "polygon", polygon },
    covered,
    coveredFirms,
    bound: totalWeight(firms),
    method: TOTAL_WEIGHT_METHOD,
    inside: (g) => polygonContains(polygon, g),
    bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
  };
}
