/**
 * Parcels inside an envelope: square grid cells chosen for the most firm weight, totalling at
 * most the area cap, in few pieces. Cells are taken heaviest first, a cell next to the chosen
 * ones counting a bonus (a share of the mean weight of the best cells); the bonus is raised from
 * none until the pieces number at most `maxPieces`, so the proposal covers the most weight that
 * few pieces allow. Cells that would touch the chosen ones only at a corner are skipped, so
 * every piece is a simple polygon the checker accepts.
 */
import type { Polygon, Position } from "geojson";
import { geodesicAreaM2 } from "../measure";
import type { Firms } from "./firms";
import { MaxHeap } from "./heap";
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
  /** At most this many pieces when the firms allow (default 10). */
  maxPieces?: number;
  /** A point [lon, lat] the grid is centred on (a cell's middle): the heaviest firm, say. */
  anchor?: [number, number];
}

export interface ParcelChoice {
  polygons: Polygon[];
  km2: number;
  /** Firm weight inside the parcels. */
  weight: number;
  /** The coverage curve: [km², weight] after each cell chosen, heaviest first. */
  curve: [number, number][];
}

/** The bonuses tried for joining a piece, as shares of the best cells' mean weight. */
const JOIN_BONUSES = [0, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 4];
/** Leave this much of the cap unused (km²): the checker's TM area and rounding stay under it. */
const CAP_MARGIN_KM2 = 0.005;
/** …but never more than this share of a small cap. */
const CAP_MARGIN_SHARE = 0.01;
const DEFAULT_MAX_PIECES = 10;

interface Cells {
  weight: Map<CellKey, number>;
  areaKm2: Map<CellKey, number>;
  candidates: CellKey[];
  corner: (i: number, j: number) => Position;
  /** Mean weight of as many of the heaviest cells as fill the cap. */
  topMean: number;
}

function cellsInside(firms: Firms, opts: ParcelOptions): Cells {
  const [west, south, east, north] = opts.bbox;
  const plane = planeAbout((west + east) / 2, (south + north) / 2);
  const side = opts.cellM ?? Math.sqrt((opts.capKm2 * 1e6) / 60);
  // With an anchor, cell (0, 0) is centred on it: a heavy firm then sits mid-cell, as far from
  // the cell's edges (and so from the envelope's rim) as the cell allows.
  const ox = opts.anchor ? toX(plane, opts.anchor[0]) - side / 2 : 0;
  const oy = opts.anchor ? toY(plane, opts.anchor[1]) - side / 2 : 0;
  const corner = (i: number, j: number): Position => [
    toLon(plane, ox + i * side),
    toLat(plane, oy + j * side),
  ];
  const weight = new Map<CellKey, number>();
  for (let k = 0; k < firms.lon.length; k++) {
    const lon = firms.lon[k] as number;
    const lat = firms.lat[k] as number;
    if (lon < west || lon > east || lat < south || lat > north) continue;
    const key = cellKey(
      Math.floor((toX(plane, lon) - ox) / side),
      Math.floor((toY(plane, lat) - oy) / side),
    );
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
  const slots = Math.max(1, Math.round((opts.capKm2 * 1e6) / (side * side)));
  const best = candidates
    .map((k) => weight.get(k) ?? 0)
    .sort((a, b) => b - a)
    .slice(0, slots);
  const topMean = best.reduce((a, w) => a + w, 0) / Math.max(1, best.length);
  return { weight, areaKm2, candidates, corner, topMean };
}

interface Greedy {
  chosen: Set<CellKey>;
  km2: number;
  weight: number;
  curve: [number, number][];
}

/**
 * Cells taken heaviest first (plus `bonus` × the best cells' mean for one next to a chosen
 * cell); with `maxPieces`, a cell that would start a new piece once there are that many is
 * passed over, so the heaviest cell that fits is always taken.
 */
function greedy(cells: Cells, bonus: number, room: number, maxPieces?: number): Greedy {
  const chosen = new Set<CellKey>();
  const has = (i: number, j: number) => chosen.has(cellKey(i, j));
  const cornerOnly = (i: number, j: number): boolean =>
    [
      [1, 1],
      [1, -1],
      [-1, 1],
      [-1, -1],
    ].some(([di = 0, dj = 0]) => has(i + di, j + dj) && !has(i + di, j) && !has(i, j + dj));
  const sides = (i: number, j: number): number =>
    (has(i + 1, j) ? 1 : 0) +
    (has(i - 1, j) ? 1 : 0) +
    (has(i, j + 1) ? 1 : 0) +
    (has(i, j - 1) ? 1 : 0);
  const scoreOf = (key: CellKey): number => {
    const [i, j] = cellOf(key);
    return (cells.weight.get(key) ?? 0) + (sides(i, j) > 0 ? bonus * cells.topMean : 0);
  };
  // A lazy max-heap: a cell's score only rises (when a side neighbour is chosen), and every
  // change pushes it again, so an entry whose key is no longer its score is stale. A cell
  // passed over for a corner touch or the piece limit comes back when a side neighbour is
  // chosen, the only thing that can change either.
  const heap = new MaxHeap<CellKey>();
  for (const key of cells.candidates) heap.push(scoreOf(key), key);
  const out: Greedy = { chosen, km2: 0, weight: 0, curve: [[0, 0]] };
  let pieces = 0;
  while (heap.size > 0) {
    const key = heap.peekKey();
    const pick = heap.pop() as CellKey;
    if (chosen.has(pick) || key !== scoreOf(pick)) continue;
    const areaKm2 = cells.areaKm2.get(pick) ?? 0;
    if (out.km2 + areaKm2 > room) continue;
    const [i, j] = cellOf(pick);
    if (cornerOnly(i, j)) continue;
    const touching = sides(i, j);
    if (touching === 0 && maxPieces !== undefined && pieces >= maxPieces) continue;
    chosen.add(pick);
    // A cell touching two or more pieces may join them: count again only then.
    if (touching === 0) pieces++;
    else if (touching > 1 && maxPieces !== undefined) pieces = components(chosen).length;
    out.km2 += areaKm2;
    out.weight += cells.weight.get(pick) ?? 0;
    out.curve.push([out.km2, out.weight]);
    for (const [di, dj] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ] as const) {
      const n = cellKey(i + di, j + dj);
      if (!chosen.has(n) && cells.areaKm2.has(n)) heap.push(scoreOf(n), n);
    }
  }
  return out;
}

export function chooseParcels(firms: Firms, opts: ParcelOptions): ParcelChoice {
  const cells = cellsInside(firms, opts);
  const room = opts.capKm2 - Math.min(CAP_MARGIN_KM2, CAP_MARGIN_SHARE * opts.capKm2);
  const maxPieces = opts.maxPieces ?? DEFAULT_MAX_PIECES;
  // The piece-capped greedy always fits and always holds the heaviest cell that fits; the
  // bonus runs below may find a heavier choice in fewer, rounder pieces.
  const capped = greedy(cells, 0, room, maxPieces);
  let chosen = { g: capped, pieces: components(capped.chosen) };
  for (const bonus of JOIN_BONUSES) {
    const g = greedy(cells, bonus, room);
    const pieces = components(g.chosen);
    if (pieces.length > maxPieces) continue;
    // The smallest bonus that fits is the heaviest of the bonus runs.
    if (g.weight > chosen.g.weight) chosen = { g, pieces };
    break;
  }
  const polygons = chosen.pieces
    .sort((a, b) => b.length - a.length)
    .map((comp) => outlinePolygon(comp, cells.corner));
  return { polygons, km2: chosen.g.km2, weight: chosen.g.weight, curve: chosen.g.curve };
}
