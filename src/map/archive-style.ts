/**
 * The style of a vector PMTiles basemap (archive-basemap.ts): no labels (no fonts offline), one
 * colour a layer for the OpenMapTiles and Protomaps layer names, a generic look for the rest.
 */
import type { FilterSpecification, LayerSpecification } from "maplibre-gl";

export const ARCHIVE_SOURCE = "czd-archive";
export const LAYER_PREFIX = "czd-archive-";

/**
 * Colours for the layer names of the OpenMapTiles and Protomaps basemap schemas; any other
 * layer gets the generic style (GENERIC), so an archive of any schema shows something.
 */
const KNOWN: Record<string, { fill?: string; line?: string; width?: number }> = {
  water: { fill: "#bcd7e8" },
  ocean: { fill: "#bcd7e8" },
  waterway: { line: "#9cc3dd", width: 1 },
  landcover: { fill: "#dfe8cf" },
  landuse: { fill: "#ebe4d2" },
  park: { fill: "#d3e6c2" },
  natural: { fill: "#dfe8cf" },
  earth: { fill: "#f3efe2" },
  building: { fill: "#d9d0c4" },
  buildings: { fill: "#d9d0c4" },
  transportation: { line: "#ffffff", width: 1.5 },
  roads: { line: "#ffffff", width: 1.5 },
  boundary: { line: "#a08fb0", width: 0.8 },
  boundaries: { line: "#a08fb0", width: 0.8 },
};

/** The generic style: pale fills with a darker outline, grey lines, small dots. */
export const GENERIC = { fill: "#e6dcc4", outline: "#b8a98a", line: "#8f8f8f", point: "#6f6f6f" };

/** The MapLibre layers that draw one of the archive's vector layers. */
export function vectorLayers(layer: string): LayerSpecification[] {
  const known = KNOWN[layer];
  const id = (kind: string) => `${LAYER_PREFIX}${layer}-${kind}`;
  const base = { source: ARCHIVE_SOURCE, "source-layer": layer };
  const polygons = ["==", ["geometry-type"], "Polygon"] as FilterSpecification;
  const lines = ["==", ["geometry-type"], "LineString"] as FilterSpecification;
  const points = ["==", ["geometry-type"], "Point"] as FilterSpecification;
  if (known?.fill) {
    return [
      {
        id: id("fill"),
        type: "fill",
        ...base,
        filter: polygons,
        paint: { "fill-color": known.fill },
      },
    ];
  }
  if (known?.line) {
    return [
      {
        id: id("line"),
        type: "line",
        ...base,
        filter: lines,
        paint: { "line-color": known.line, "line-width": known.width ?? 1 },
      },
    ];
  }
  return [
    {
      id: id("fill"),
      type: "fill",
      ...base,
      filter: polygons,
      paint: { "fill-color": GENERIC.fill },
    },
    {
      id: id("outline"),
      type: "line",
      ...base,
      filter: polygons,
      paint: { "line-color": GENERIC.outline, "line-width": 0.6 },
    },
    {
      id: id("line"),
      type: "line",
      ...base,
      filter: lines,
      paint: { "line-color": GENERIC.line, "line-width": 1 },
    },
    {
      id: id("point"),
      type: "circle",
      ...base,
      filter: points,
      paint: { "circle-color": GENERIC.point, "circle-radius": 2 },
    },
  ];
}

/** Drawing order, bottom first: land, land use, water, buildings, then lines; others on top. */
const RANK: Record<string, number> = {
  earth: 0,
  landcover: 1,
  natural: 1,
  landuse: 2,
  park: 2,
  ocean: 3,
  water: 3,
  building: 4,
  buildings: 4,
  waterway: 5,
  transportation: 6,
  roads: 6,
  boundary: 7,
  boundaries: 7,
};

/**
 * The archive's layers in drawing order: known names by RANK (so a Protomaps `earth` never
 * covers its `water`), other layers after them in the order the archive lists them.
 */
export function drawingOrder(layers: readonly string[]): string[] {
  const rank = (name: string) => RANK[name] ?? 8;
  return layers
    .map((name, i) => ({ name, i }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.i - b.i)
    .map((l) => l.name);
}
