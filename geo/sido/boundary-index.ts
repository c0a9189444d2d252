/**
 * The embedded 시·도 boundaries (KOSTAT 2018, public/data/README.md) as a segment index: every boundary edge in one Flatbush, so a
 * parcel whose bounding box meets no edge lies wholly in one 시·도 (or wholly at sea), which one
 * ray cast from one vertex tells. Only parcels that straddle a border or the coast are split.
 */
import Flatbush from "flatbush";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { geometryAreaM2 } from "./area";
import { EMBEDDED_SIDO } from "./embedded-sido";
import { type EdgeSource, splitParcel } from "./split";

type Area = Polygon | MultiPolygon;

export interface SidoBoundary {
  code: string;
  geometry: Area;
}

export interface SidoIndex {
  sido: SidoBoundary[];
  /** Edge i runs from (xy[4i], xy[4i+1]) to (xy[4i+2], xy[4i+3]), lon/lat degrees. */
  xy: Float64Array;
  /** Which area edge i bounds (at most 256 areas: 17 시·도, or the 250 시·군·구). */
  owner: Uint8Array;
  tree: Flatbush;
}

function isArea(g: unknown): g is Area {
  if (typeof g !== "object" || g === null) return false;
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  return (type === "Polygon" || type === "MultiPolygon") && Array.isArray(coordinates);
}

function isBoundary(f: unknown): f is { properties: { code: string }; geometry: Area } {
  if (typeof f !== "object" || f === null) return false;
  const { properties, geometry } = f as { properties?: { code?: unknown }; geometry?: unknown };
  return typeof properties?.code === "string" && isArea(geometry);
}

/** The boundaries file, checked once: a malformed file is a build error, not a filing error. */
export function readBoundaries(data: unknown, file = "public/data/sido.json"): SidoBoundary[] {
  const features = (data as { features?: unknown } | null)?.features;
  if (!Array.isArray(features) || !features.every(isBoundary)) {
    throw new Error(`${file} is not a FeatureCollection of coded polygons`);
  }
  return features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
}

function rings(g: Area): Position[][] {
  return g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
}

/** The edge index of any set of coded areas (the 시·군·구 reuse it). */
export function buildIndex(sido: SidoBoundary[]): SidoIndex {
  if (sido.length > 256) throw new Error(`${sido.length} areas: the index holds at most 256`);
  const edges: number[] = [];
  const owners: number[] = [];
  sido.forEach((s, k) => {
    for (const ring of rings(s.geometry)) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1 = 0, y1 = 0] = ring[i] ?? [];
        const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
        edges.push(x1, y1, x2, y2);
        owners.push(k);
      }
    }
  });
  const tree = new Flatbush(owners.length);
  for (let i = 0; i < edges.length; i += 4) {
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = edges.slice(i, i + 4);
    tree.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
  }
  tree.finish();
  return { sido, xy: Float64Array.from(edges), owner: Uint8Array.from(owners), tree };
}

let cached: SidoIndex | undefined;
let source: unknown = EMBEDDED_SIDO;

/** Hands in the parsed sido.json (the app fetches it); throws if it is not coded polygons. */
export function provideSido(json: unknown): void {
  readBoundaries(json);
  source = json;
  cached = undefined;
}

/** The parsed boundaries file, embedded or provided; throws if neither is there yet. */
export function sidoBoundaryFile(): unknown {
  if (source === null || source === undefined) {
    throw new Error("public/data/sido.json has not been provided (provideSido)");
  }
  return source;
}

/** Built on first use, so importing the 시·도 table costs nothing. */
export function sidoIndex(): SidoIndex {
  cached ??= buildIndex(readBoundaries(sidoBoundaryFile()));
  return cached;
}

/** Indices of the 시·도 holding a point: a ray cast east, counting crossings per 시·도. */
export function locate(ix: SidoIndex, x: number, y: number): number[] {
  const parity = new Uint8Array(ix.sido.length);
  const { xy } = ix;
  for (const e of ix.tree.search(x, y, ix.tree.maxX, y)) {
    const x1 = xy[4 * e] ?? 0;
    const y1 = xy[4 * e + 1] ?? 0;
    const x2 = xy[4 * e + 2] ?? 0;
    const y2 = xy[4 * e + 3] ?? 0;
    if (y1 > y !== y2 > y && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) {
      const k = ix.owner[e] ?? 0;
      parity[k] = (parity[k] ?? 0) ^ 1;
    }
  }
  const inside: number[] = [];
  parity.forEach((p, k) => {
    if (p) inside.push(k);
  });
  return inside;
}

/** Whether segment (x1,y1)–(x2,y2) meets the box: Liang–Barsky clipping. */
export function segmentMeetsBox(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  box: readonly number[],
): boolean {
  const [minX = 0, minY = 0, maxX = 0, maxY = 0] = box;
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const sides: [number, number][] = [
    [-dx, x1 - minX],
    [dx, maxX - x1],
    [-dy, y1 - minY],
    [dy, maxY - y1],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

function bboxOf(g: Area): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings(g)) {
    for (let i = 0; i < ring.length; i++) {
      const p = ring[i];
      const x = p?.[0] ?? 0;
      const y = p?.[1] ?? 0;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Area of one parcel in each 시·도, m², added into `acc` (keyed by 시·도 index). Returns the
 * parcel's whole area, m², including any part at sea.
 */
export function addParcelShares(ix: SidoIndex, g: Area, acc: Map<number, number>): number {
  if (g.type === "MultiPolygon") {
    // Part by part: each part meets only the border edges in its own box, so a parcel of many
    // small parts costs what its parts cost, not parts × the edges in the whole parcel's box.
    // The parts of a valid parcel don't overlap (overlapping parts are INVALID_GEOMETRY), so
    // the shares add up.
    let total = 0;
    for (const coordinates of g.coordinates) {
      total += addPolygonShares(ix, { type: "Polygon", coordinates }, acc);
    }
    return total;
  }
  return addPolygonShares(ix, g, acc);
}

function addPolygonShares(ix: SidoIndex, g: Polygon, acc: Map<number, number>): number {
  const areaM2 = geometryAreaM2(g);
  // Widened by more than the largest nudge below, so the edges hold every one a moved copy meets.
  const box = widened(bboxOf(g), 1e-8);
  const { xy } = ix;
  const edges = ix.tree
    .search(box[0], box[1], box[2], box[3])
    .filter((e) =>
      segmentMeetsBox(
        xy[4 * e] ?? 0,
        xy[4 * e + 1] ?? 0,
        xy[4 * e + 2] ?? 0,
        xy[4 * e + 3] ?? 0,
        box,
      ),
    );
  if (edges.length === 0) {
    const first = g.coordinates[0]?.[0];
    const holders = locate(ix, first?.[0] ?? 0, first?.[1] ?? 0);
    if (holders.length <= 1) {
      const [only] = holders;
      if (only !== undefined) acc.set(only, (acc.get(only) ?? 0) + areaM2);
      return areaM2;
    }
  }
  const src: EdgeSource = {
    xy,
    owner: ix.owner,
    count: ix.sido.length,
    locate: (x, y) => locate(ix, x, y),
  };
  // A parcel that touches a border at a vertex, or runs along it, is moved by a fraction of a
  // millimetre (which moves a share by far less than a square metre) until it no longer does; a
  // file built to touch at every offset gets the last offset's split, touches and all.
  for (const [i, [sx, sy]] of NUDGES.entries()) {
    const moved = i === 0 ? g : nudged(g, sx, sy);
    if (splitParcel(src, moved, edges, acc, i < NUDGES.length - 1)) break;
  }
  return areaM2;
}

function widened(
  box: [number, number, number, number],
  by: number,
): [number, number, number, number] {
  return [box[0] - by, box[1] - by, box[2] + by, box[3] + by];
}

/** Offsets tried in turn, degrees (3e-9° is about 0.3 mm). */
const NUDGES: [number, number][] = [
  [0, 0],
  [3.1e-9, 2.3e-9],
  [-2.7e-9, 3.7e-9],
  [1.9e-9, -4.1e-9],
];

function nudged(g: Polygon, sx: number, sy: number): Polygon {
  return {
    type: "Polygon",
    coordinates: g.coordinates.map((ring) => ring.map((p) => [(p[0] ?? 0) + sx, (p[1] ?? 0) + sy])),
  };
}
