/**
 * The cadastre as Mapbox vector tiles, cut in the cadastre Worker: the page never holds, parses or
 * clones the 필지 themselves, only the few tiles in view (MapLibre decodes them in its own
 * Worker). geojson-vt (MapLibre's own fork, the tiler its GeoJSON sources use) indexes the 필지
 * once; each tile is then cut on demand and written as MVT by vt-pbf.
 *
 * One layer, `cadastre`, with per 필지 `pnu` (for picking), `label` (지번 + 지목 부호, for the
 * HTML labels at high zoom) and `jimok` (the 부호, for the 지목 colours).
 */
import { GeoJSONVT } from "@maplibre/geojson-vt";
import { fromGeojsonVt } from "@maplibre/vt-pbf";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { TILE_LAYER, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from "./cadastre-protocol";

export interface TileFeatureInput {
  pnu: string;
  label: string;
  jimok: string;
  geometry: Polygon | MultiPolygon;
}

export interface CadastreTiles {
  /**
   * The tile's MVT bytes, a buffer of their own (to be transferred); no bytes where no 필지 lies
   * or outside the zooms.
   */
  tile(z: number, x: number, y: number): Uint8Array;
}

export function cadastreTiles(pilji: Iterable<TileFeatureInput>): CadastreTiles {
  const features: Feature[] = [];
  for (const p of pilji) {
    features.push({
      type: "Feature",
      properties: { pnu: p.pnu, label: p.label, jimok: p.jimok },
      geometry: p.geometry,
    });
  }
  const data: FeatureCollection = { type: "FeatureCollection", features };
  // indexMaxZoom 0: nothing is cut ahead of time (the cadastre is shown from zoom 13 only, so
  // the tiles between would be cut for nothing); each tile asked for is cut from its nearest
  // cut ancestor, and the ancestors stay cut for the tiles next to it.
  const index = new GeoJSONVT(data, {
    maxZoom: TILE_MAX_ZOOM,
    indexMaxZoom: 0,
    buffer: 16,
  });
  features.length = 0;
  return {
    tile(z, x, y) {
      if (z < TILE_MIN_ZOOM || z > TILE_MAX_ZOOM) return new Uint8Array(0);
      const t = index.getTile(z, x, y);
      if (!t || t.features.length === 0) return new Uint8Array(0);
      const bytes = fromGeojsonVt({ [TILE_LAYER]: t }, { version: 2, extent: 4096 });
      return bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    },
  };
}
