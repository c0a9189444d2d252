/**
 * The cadastre as Mapbox vector tiles, cut in the cadastre Worker: the page never holds, parses or
 * clones the 필지 themselves, only the few tiles in view (MapLibre decodes them in its own
 * Worker). The 필지 are indexed once by their boxes (Flatbush, about 10 MB for 300,000); a tile
 * is made when the map asks for it: the 필지 whose box meets the tile (and a small buffer), each
 * projected whole to the tile's 4096 units and written as MVT by vt-pbf. No clipping and no
 * simplification: 필지 are small and have few vertices, MapLibre draws a tile's features clipped
 * to the tile, and a 필지 that crosses a border is in both tiles whole (its labels read the same
 * polygon from either). A general tiler (geojson-vt) kept a copy of every 필지 at each zoom it
 * passed through on the way to zoom 14: about 680 MB over the 필지 themselves for 290,611.
 *
 * One layer, `cadastre`, with per 필지 `pnu` (for picking), `label` (지번 + 지목 부호, for the
 * HTML labels at high zoom) and `jimok` (the 부호, for the 지목 colours).
 */

import { fromGeojsonVt } from "@maplibre/vt-pbf";
import Flatbush from "flatbush";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { TILE_LAYER, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from "./cadastre-protocol";

export interface TileFeatureInput {
  pnu: string;
  jimok: string;
  geometry: Polygon | MultiPolygon;
}

export interface CadastreTiles {
  /**
   * The tile's MVT bytes, a buffer of their own (to be transferred); no bytes where no 필지 lies
   * or outside the zooms.
   */
  tile(z: number, x: number, y: number): Uint8Array;
  /**
   * The box index's bytes (Flatbush): kept with the 필지 between visits and given back to
   * `cadastreTiles` with the same 필지 in the same order, it spares walking every vertex again.
   */
  readonly index: ArrayBuffer;
  /**
   * The 필지 (their places in the list given) whose box meets tile z/x/y of `size` pixels, or
   * lies within `padPx` pixels of it, in the list's order.
   */
  near(z: number, x: number, y: number, padPx: number, size: number): number[];
  /** The 필지 (its place in the list) a point lies in, or -1: the last of several, as drawn. */
  at(lon: number, lat: number): number;
}

/** A polygon feature as vt-pbf's writer takes it (geojson-vt's tile feature). */
interface TileFeature {
  type: 3;
  geometry: [number, number][][];
  tags: Record<string, string>;
}

const EXTENT = 4096;
/** Tile units a 필지's box may lie outside the tile and still be drawn in it (line ends). */
const BUFFER = 16;

/** Web Mercator x in the unit square that tile 0/0/0 covers. */
export const mercX = (lon: number): number => lon / 360 + 0.5;
/** Web Mercator y in the unit square, growing south. */
export const mercY = (lat: number): number =>
  0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);

/** Twice the signed area of a ring in tile units (y down): positive is clockwise on screen. */
function area2(ring: [number, number][]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[j] as [number, number];
    const [bx, by] = ring[i] as [number, number];
    s += (ax - bx) * (by + ay);
  }
  return s;
}

/** Whether a point lies inside a ring (even-odd crossings, planar in lon/lat: 필지 are small). */
function insideRing(lon: number, lat: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] as Position;
    const [xj = 0, yj = 0] = ring[j] as Position;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
function insidePolygon(lon: number, lat: number, poly: Position[][]): boolean {
  const [outer, ...holes] = poly;
  return !!outer && insideRing(lon, lat, outer) && !holes.some((h) => insideRing(lon, lat, h));
}

/** A kept box index, if it is one of `count` boxes (else the caller builds it again). */
function indexFrom(data: ArrayBuffer, count: number): Flatbush | null {
  try {
    const index = Flatbush.from(data);
    return index.numItems === Math.max(1, count) ? index : null;
  } catch {
    return null;
  }
}

/** The 필지's outer boxes in Web Mercator (the unit square, y growing south), indexed. */
function boxIndex(list: readonly TileFeatureInput[]): Flatbush {
  const index = new Flatbush(Math.max(1, list.length));
  for (const p of list) {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    const polys = p.geometry.type === "Polygon" ? [p.geometry.coordinates] : p.geometry.coordinates;
    for (const ring of polys.flatMap((poly) => poly.slice(0, 1))) {
      for (const [lon = 0, lat = 0] of ring) {
        if (lon < w) w = lon;
        if (lon > e) e = lon;
        if (lat < s) s = lat;
        if (lat > n) n = lat;
      }
    }
    // Mercator y grows south: the box's top is its north.
    index.add(mercX(w), mercY(n), mercX(e), mercY(s));
  }
  if (list.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return index;
}

/**
 * The tiles of these 필지 (kept by reference, not copied); `labelOf` gives a 필지's label when a
 * tile holding it is made.
 */
export function cadastreTiles<P extends TileFeatureInput>(
  pilji: readonly P[],
  labelOf: (p: P) => string,
  keptIndex?: ArrayBuffer,
): CadastreTiles {
  const list = pilji;
  const index = (keptIndex && indexFrom(keptIndex, list.length)) || boxIndex(list);

  return {
    index: index.data as ArrayBuffer,
    near(z, x, y, padPx, size) {
      const scale = 2 ** z;
      const pad = padPx / size;
      const hits = index.search(
        (x - pad) / scale,
        (y - pad) / scale,
        (x + 1 + pad) / scale,
        (y + 1 + pad) / scale,
      );
      return hits.sort((a, b) => a - b);
    },
    at(lon, lat) {
      const [mx, my] = [mercX(lon), mercY(lat)];
      const hits = index.search(mx, my, mx, my).sort((a, b) => b - a);
      for (const i of hits) {
        const g = (list[i] as P).geometry;
        const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
        if (polys.some((poly) => insidePolygon(lon, lat, poly))) return i;
      }
      return -1;
    },
    tile(z, x, y) {
      if (z < TILE_MIN_ZOOM || z > TILE_MAX_ZOOM || list.length === 0) return new Uint8Array(0);
      const scale = 2 ** z;
      const pad = BUFFER / EXTENT;
      const hits = index.search(
        (x - pad) / scale,
        (y - pad) / scale,
        (x + 1 + pad) / scale,
        (y + 1 + pad) / scale,
      );
      if (hits.length === 0) return new Uint8Array(0);
      hits.sort((a, b) => a - b);
      const units = EXTENT * scale;
      const toTile = (ring: Position[], outer: boolean): [number, number][] => {
        const out: [number, number][] = [];
        for (const [lon = 0, lat = 0] of ring) {
          const px = Math.round(mercX(lon) * units - x * EXTENT);
          const py = Math.round(mercY(lat) * units - y * EXTENT);
          const last = out[out.length - 1];
          if (!last || last[0] !== px || last[1] !== py) out.push([px, py]);
        }
        // MVT: outer rings clockwise on screen (positive area, y down), holes the other way.
        if (area2(out) > 0 !== outer) out.reverse();
        return out;
      };
      const features: TileFeature[] = [];
      for (const i of hits) {
        const p = list[i] as P;
        const polys =
          p.geometry.type === "Polygon" ? [p.geometry.coordinates] : p.geometry.coordinates;
        const rings: [number, number][][] = [];
        for (const poly of polys) {
          // A ring shrunk below a triangle at this zoom is dropped: a hole, or a part with its holes.
          const outer = toTile(poly[0] ?? [], true);
          if (outer.length < 4) continue;
          rings.push(outer);
          for (const hole of poly.slice(1)) {
            const r = toTile(hole, false);
            if (r.length >= 4) rings.push(r);
          }
        }
        if (rings.length === 0) continue;
        features.push({
          type: 3,
          geometry: rings,
          tags: { pnu: p.pnu, label: labelOf(p), jimok: p.jimok },
        });
      }
      if (features.length === 0) return new Uint8Array(0);
      const bytes = fromGeojsonVt(
        { [TILE_LAYER]: { features } as never },
        { version: 2, extent: EXTENT },
      );
      return bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    },
  };
}
