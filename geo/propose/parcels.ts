/**
 * Parcels inside an envelope: square grid cells chosen for the most firm weight, totalling at
 * most the area cap, merged into as few pieces as the firms allow (a cell next to the chosen
 * ones wins over a slightly heavier lone one). Cells that would touch the chosen ones only at a
 * corner are skipped, so every piece is a simple polygon the checker accepts.
 */
import type { Polygon, Position } from "geojson";
import { geodesicAreaM2 } from "../measure";
import type { Firms } from "./firms";
import { type CellKey, cellKey, cellOf, components, outlinePolygon } from "./outline";
import { planeAbout, toLat, toLon, toX, toY } from "./plane";

export interface ParcelOptions {
  /** Whether a parcel of this geometry lies inside the envelope. */
  inside: (g: Polygon) => boolean;
  /** The envelope's bounding box [west, south, east, north], degrees. */
  bbox: [number, number, number, number];
  capKm2: number;
  /** Cell side, m (default: 1/60 of the cap, ≈ 500 m for 15 km²). */
  cellM?: number;
}

export interface ParcelChoice {
  polygons: Polygon[];
  km2: number;
  /** Firm weight inside the parcels. */
  weight: number;
  /** The coverage curve: [km², weight] after each cell chosen, heaviest first. */
  curve: [number, number][];
}

/** A piece next to the chosen ones counts this share of the mean cell weight extra. */
const JOIN_BONUS = 1;
/** Leave this much of the cap unused (km²): the checker's TM area and rounding stay under it. */
const CAP_MARGIN_KM2 = 0.005;

export function chooseParcels(firms: Firms, opts: ParcelOptions): ParcelChoice {
  const [west, south, east, north] = opts.bbox;
  const plane = planeAbout((west + east) / 2, (south + north) / 2);
  const side = opts.cellM ?? Math.sqrt((opts.capKm2 * 1e6) / 60);
  const corner = (i: number, j: number): Position => [
    toLon(plane, i * side),
    toLat(plane, j * side),
  ];
  const weight = new Map<CellKey, number>();
  for (let k = 0; k < firms.lon.length; k++) {
    const lon = firms.lon[k] as number;
    const lat = firms.lat[k] as number;
    if (lon < west || lon > east || lat < south || lat > north) continue;
    const key = cellKey(Math.floor(toX(plane, lon) / side), Math.floor(toY(plane, lat) / side));
    weight.set(key, (weight.get(key) ?? 0) + (firms.weight[k] as number));
  }
  const areaKm2 = new Map<CellKey, number>();
  const candidates: CellKey[] = [];
  for (const [key, w] of weight) {
    if (w <= 0) continue;
    const [i, j] = cellOf(key);
    const ring = [corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1)];
    const cell: Polygon = { type: "Polygon", coordinates: [[...ring, ring[0] as Position]] };
    if (!opts.inside(cell)) continue;
    areaKm2.set(key, geodesicAreaM2(cell) / 1e6);
    candidates.push(key);
  }
  const meanWeight =
    candidates.reduce((s, k) => s + (weight.get(k) ?? 0), 0) / Math.max(1, candidates.length);
  const chosen = new Set<CellKey>();
  const has = (i: number, j: number) => chosen.has(cellKey(i, j));
  const cornerOnly = (i: number, j: number): boolean =>
    [
      [1, 1],
      [1, -1],
      [-1, 1],
      [-1, -1],
    ].some(([di = 0, dj = 0]) => has(i + di, j + dj) && !has(i + di, j) && !has(i, j + dj));
  const joins = (i: number, j: number) =>
    has(i + 1, j) || has(i - 1, j) || has(i, j + 1) || has(i, j - 1);
  let km2 = 0;
  let covered = 0;
  const curve: [number, number][] = [[0, 0]];
  const room = opts.capKm2 - CAP_MARGIN_KM2;
  for (;;) {
    let pick: CellKey | undefined;
    let pickScore = 0;
    for (const key of candidates) {
      if (chosen.has(key)) continue;
      const a = areaKm2.get(key) ?? 0;
      if (km2 + a > room) continue;
      const [i, j] = cellOf(key);
      if (cornerOnly(i, j)) continue;
      const score = (weight.get(key) ?? 0) + (joins(i, j) ? JOIN_BONUS * meanWeight : 0);
      if (score > pickScore) {
        pick = key;
        pickScore = score;
      }
    }
    if (pick === undefined) break;
    chosen.add(pick);
    km2 += areaKm2.get(pick) ?? 0;
    covered += weight.get(pick) ?? 0;
    curve.push([km2, covered]);
  }
  const polygons = components(chosen)
    .sort((a, b) => b.length - a.length)
    .map((comp) => outlinePolygon(comp, corner));
  return { polygons, km2, weight: covered, curve };
}
