/**
 * The offline basemap: a background, the 시·도 polygons and, from zoom 8 on, the 시·군·구 borders
 * (KOSTAT 2018), no external URL, no glyphs. Online rasters (OpenStreetMap, VWorld with a key)
 * are in the style, hidden until the UI asks for one; the planner's map asks for one at start.
 */
import type { FeatureCollection } from "geojson";
import type { StyleSpecification } from "maplibre-gl";
import { COLOURS, KOSTAT_ATTRIBUTION, LAYERS, SIGUNGU_MINZOOM, SOURCES } from "./ids";

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

export function baseStyle(vworldKey: string | undefined): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {
      [SOURCES.sido]: { type: "geojson", data: EMPTY, attribution: KOSTAT_ATTRIBUTION },
      [SOURCES.sigungu]: { type: "geojson", data: EMPTY },
      [SOURCES.osm]: {
        type: "raster",
        tiles: ["https://tile.openstreetmap.org/{z}/{x}/{y}.png"],
        tileSize: 256,
        maxzoom: 19,
        attribution: "© OpenStreetMap contributors",
      },
    },
    layers: [
      { id: LAYERS.background, type: "background", paint: { "background-color": COLOURS.sea } },
      {
        id: LAYERS.sidoFill,
        type: "fill",
        source: SOURCES.sido,
        paint: { "fill-color": COLOURS.land },
      },
      {
        id: LAYERS.osm,
        type: "raster",
        source: SOURCES.osm,
        layout: { visibility: "none" },
      },
      {
        id: LAYERS.sigunguLine,
        type: "line",
        source: SOURCES.sigungu,
        minzoom: SIGUNGU_MINZOOM,
        paint: { "line-color": COLOURS.sigunguBorder, "line-width": 0.8 },
      },
      {
        id: LAYERS.sidoLine,
        type: "line",
        source: SOURCES.sido,
        paint: { "line-color": COLOURS.border, "line-width": 1.2 },
      },
    ],
  };
  if (vworldKey) {
    // VWorld's WMTS: Base (roads and places), Satellite, and Hybrid (labels over the satellite).
    const vworld = [
      [SOURCES.vworld, LAYERS.vworld, "Base", "png"],
      [SOURCES.vworldSatellite, LAYERS.vworldSatellite, "Satellite", "jpeg"],
      [SOURCES.vworldHybrid, LAYERS.vworldHybrid, "Hybrid", "png"],
    ] as const;
    vworld.forEach(([source, layer, name, ext], i) => {
      style.sources[source] = {
        type: "raster",
        tiles: [`https://api.vworld.kr/req/wmts/1.0.0/${vworldKey}/${name}/{z}/{y}/{x}.${ext}`],
        tileSize: 256,
        attribution: "© VWorld",
      };
      style.layers.splice(3 + i, 0, {
        id: layer,
        type: "raster",
        source,
        layout: { visibility: "none" },
      });
    });
  }
  return style;
}
