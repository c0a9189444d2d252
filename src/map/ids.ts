/** Every source and layer id the map uses, in one place. */
import { SHAPE_COLOURS } from "../../geo/report/palette";

/** The online rasters: each one source drawn by one layer of the same id. */
const RASTERS = {
  osm: "czd-osm",
  vworld: "czd-vworld",
  vworldSatellite: "czd-vworld-satellite",
  vworldHybrid: "czd-vworld-hybrid",
} as const;

export const SOURCES = {
  /** The 시·도 at full precision (public/data/sido.json): the map's from SIGUNGU_MINZOOM on. */
  sido: "czd-sido",
  /** The first frame's coarse 시·도 (public/data/sido-lite.json): below SIGUNGU_MINZOOM only. */
  sidoLite: "czd-sido-lite",
  sigungu: "czd-sigungu",
  ...RASTERS,
  parcels: "czd-parcels",
  envelope: "czd-envelope",
  enclosing: "czd-enclosing",
  hubs: "czd-hubs",
  /** The hubs given as areas (most hub files have points only: src/map/empty-layers.ts). */
  hubAreas: "czd-hub-areas",
  /** The select tool's envelope handles and the outline of an envelope being dragged. */
  envelopeEdit: "czd-envelope-edit",
  /** The measure tool's points, line and area (pointer-tools.ts). */
  measure: "czd-measure",
} as const;

export const LAYERS = {
  background: "czd-background",
  sidoFill: "czd-sido-fill",
  sidoLine: "czd-sido-line",
  sidoLiteFill: "czd-sido-lite-fill",
  sidoLiteLine: "czd-sido-lite-line",
  sigunguLine: "czd-sigungu-line",
  ...RASTERS,
  envelopeFill: "czd-envelope-fill",
  envelopeLine: "czd-envelope-line",
  envelopeCentre: "czd-envelope-centre",
  enclosingLine: "czd-enclosing-line",
  enclosingLimit: "czd-enclosing-limit",
  parcelFill: "czd-parcel-fill",
  parcelLine: "czd-parcel-line",
  hubArea: "czd-hub-area",
  hubPoint: "czd-hub-point",
  envelopeEditLine: "czd-envelope-edit-line",
  envelopeEditHandle: "czd-envelope-edit-handle",
  measureFill: "czd-measure-fill",
  measureLine: "czd-measure-line",
  measurePoint: "czd-measure-point",
} as const;

/**
 * MapLibre zoom (512-px tiles; the URL's 256-px zoom 8) from which the 시·군·구 are drawn, and
 * the 시·도 from the full file instead of the first frame's coarse one.
 */
export const SIGUNGU_MINZOOM = 7;

/** The attribution the KOSTAT boundaries require (공공누리 제1유형), shown by the map. */
export const KOSTAT_ATTRIBUTION = "통계청 통계지리정보서비스(SGIS), 2018 (공공누리 제1유형)";

/** The basemap colours; the browser test looks for them in a screenshot. */
export const COLOURS = {
  sea: "#bcd7e8",
  land: "#f3efe2",
  border: "#8c7f66",
  /** 시·군·구 borders: finer and lighter than the 시·도 ones. */
  sigunguBorder: "#b3a78d",
  // The shapes' colours are geo's one palette (geo/report/palette.ts), the report's map's too.
  parcel: SHAPE_COLOURS.parcel,
  highlight: SHAPE_COLOURS.highlight,
  envelope: SHAPE_COLOURS.envelope,
  /** The smallest enclosing circle within its limit, and any shape over it (far from every hub colour). */
  enclosingWithin: SHAPE_COLOURS.within,
  enclosingOver: SHAPE_COLOURS.over,
  enclosingLimit: SHAPE_COLOURS.limit,
} as const;

/** One colour per hub type; other types the decree names are grey. */
export const HUB_COLOURS: Record<string, string> = {
  innovation_city: "#e03131",
  industrial_complex: "#f08c00",
  free_economic_zone: "#2f9e44",
  technopark: "#1c7ed6",
  enterprise_city: "#9c36b5",
  rnd_special_zone: "#0c8599",
};
export const OTHER_HUB_COLOUR = "#868e96";

/** From this many hub points on, they are drawn as raster tiles (src/map/hub-raster-layer.ts). */
export const RASTER_MIN_HUBS = 1000;

/** The firms overlay (src/map/firms-layer.ts): a heatmap at low zoom, points at high zoom. */
export const FIRMS_IDS = {
  heatSource: "czd-firms-heat",
  pointSource: "czd-firms-points",
  heat: "czd-firms-heat",
  points: "czd-firms-points",
  proposalSource: "czd-proposals",
  proposals: "czd-proposals-line",
} as const;

export const FIRMS_COLOURS = { point: "#364fc7", pointStroke: "#ffffff" } as const;

/** One colour per proposal shape, on the map and in the panel's coverage chart alike. */
export const PROPOSAL_COLOURS = { circle: "#5f3dc4", belt: "#e8590c", polygon: "#2b8a3e" } as const;
