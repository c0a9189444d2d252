/**
 * The offline basemap: a background, the 시·도 polygons and, from zoom 8 on, the 시·군·구 borders
 * (KOSTAT 2018), no external URL, no glyphs. Zoomed out (below SIGUNGU_MINZOOM) the 시·도 are
 * the coarse first-frame file (read when the style has loaded); from that zoom on, the full file,
 * which the map is handed after its first render. Online rasters (OpenStreetMap, VWorld with a key)
 * are in the style, hidden until the UI asks for one; the planner's map asks for one at start.
 */
import type { FeatureCollection } from "geojson";
import type { StyleSpecification } from "maplibre-gl";
import { COLOURS, KOSTAT_ATTRIBUTION, LAYERS, SIGUNGU_MINZOOM, SOURCES } from "./ids";

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

/** The coarse first-frame 시·도 beside the app (public/data/sido-lite.json): the map's only. */
export const SIDO_LITE_FILE = "data/sido-lite.json";

export function baseStyle(vworldKey: string | undefined): StyleSpecification {
  const below = { maxzoom: SIGUNGU_MINZOOM };
  const from = { minzoom: SIGUNGU_MINZOOM };
  const style: StyleSpecification = {
    version: 8,
    // No paint property fades: MapLibre keeps repainting, and the map is not idle, until a
    // transition ends (300 ms by default). The cadastre's raster opacity, set as the map loads,
    // held the first render back that long; on software WebGL each fade is also several frames.
    transition: { duration: 0, delay: 0 },
    sources: {
      [SOURCES.sidoLite]: { type: "geojson", data: EMPTY, attribution: KOSTAT_ATTRIBUTION },
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
        id: LAYERS.sidoLiteFill,
        type: "fill",
        source: SOURCES.sidoLite,
        ...below,
        // No antialiased outline pass: the 시·도 line layer draws every edge, coast included.
        paint: { "fill-color": COLOURS.land, "fill-antialias": false },
      },
      {
        id: LAYERS.sidoFill,
        type: "fill",
        source: SOURCES.sido,
        ...from,
        // No antialiased outline pass: the 시·도 line layer draws every edge, coast included.
        paint: { "fill-color": COLOURS.land, "fill-antialias": false },
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
        id: LAYERS.sidoLiteLine,
        type: "line",
        source: SOURCES.sidoLite,
        ...below,
        paint: { "line-color": COLOURS.border, "line-width": 1.2 },
      },
      {
        id: LAYERS.sidoLine,
        type: "line",
        source: SOURCES.sido,
        ...from,
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
    const afterOsm = style.layers.findIndex((l) => l.id === LAYERS.osm) + 1;
    vworld.forEach(([source, layer, name, ext], i) => {
      style.sources[source] = {
        type: "raster",
        tiles: [`https://api.vworld.kr/req/wmts/1.0.0/${vworldKey}/${name}/{z}/{y}/{x}.${ext}`],
        tileSize: 256,
        attribution: "© VWorld",
      };
      style.layers.splice(afterOsm + i, 0, {
        id: layer,
        type: "raster",
        source,
        layout: { visibility: "none" },
      });
    });
  }
  return style;
}
