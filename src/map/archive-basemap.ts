/**
 * A basemap from a PMTiles archive (docs/offline.md): one an office places beside the app
 * (`basemap.pmtiles`, read by HTTP range requests) or one the planner opens from disk (read
 * through pmtiles' FileSource). Vector archives are drawn with a simple style for the
 * OpenMapTiles / Protomaps layer names it knows and a generic one for any other layer the
 * archive lists; raster archives (PNG, JPEG, WebP) are drawn as they are. The archive goes over
 * the embedded land and under the 시·도 and 시·군·구 borders, which stay drawn over it; without an
 * archive the embedded basemap is all there is.
 */
import type { FilterSpecification, LayerSpecification, Map as MlMap } from "maplibre-gl";
import { addProtocol } from "maplibre-gl";
import { FileSource, PMTiles, Protocol, TileType } from "pmtiles";
import { LAYERS } from "./ids";

export const ARCHIVE_SOURCE = "czd-archive";
const LAYER_PREFIX = "czd-archive-";

export interface ArchiveInfo {
  /** The file name, as the status bar shows it. */
  name: string;
  kind: "vector" | "raster";
  /** The vector layers drawn (none for a raster). */
  layers: string[];
  minZoom: number;
  maxZoom: number;
}

let protocol: Protocol | null = null;

function theProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol("pmtiles", protocol.tile);
  }
  return protocol;
}

/** Read the archive's header and metadata and draw it; the previous archive, if any, goes. */
export async function showArchive(map: MlMap, input: string | File): Promise<ArchiveInfo> {
  const archive = new PMTiles(typeof input === "string" ? input : new FileSource(input));
  const name =
    typeof input === "string" ? decodeURIComponent(input.split("/").pop() ?? input) : input.name;
  const header = await archive.getHeader();
  if (header.specVersion !== 3) {
    throw new Error(`${name}: PMTiles v${header.specVersion} (v3 only)`);
  }
  const vector = header.tileType === TileType.Mvt;
  const raster = [TileType.Png, TileType.Jpeg, TileType.Webp].includes(header.tileType);
  if (!vector && !raster) throw new Error(`${name}: tile type ${header.tileType} not supported`);
  const metadata = (await archive.getMetadata().catch(() => ({}))) as {
    vector_layers?: { id?: unknown }[];
    attribution?: unknown;
  };
  const layers = vector
    ? (metadata.vector_layers ?? [])
        .map((l) => l.id)
        .filter((id): id is string => typeof id === "string")
    : [];
  if (vector && layers.length === 0) throw new Error(`${name}: no vector_layers in its metadata`);
  theProtocol().add(archive);
  removeArchive(map);
  const url = `pmtiles://${archive.source.getKey()}`;
  const attribution = typeof metadata.attribution === "string" ? metadata.attribution : undefined;
  const bounds: [number, number, number, number] = [
    header.minLon,
    header.minLat,
    header.maxLon,
    header.maxLat,
  ];
  const common = {
    url,
    minzoom: header.minZoom,
    maxzoom: header.maxZoom,
    bounds,
    ...(attribution ? { attribution } : {}),
  };
  if (vector) map.addSource(ARCHIVE_SOURCE, { type: "vector", ...common });
  else map.addSource(ARCHIVE_SOURCE, { type: "raster", tileSize: 256, ...common });
  // Over the embedded land and any online raster, under the 시·군·구 and 시·도 borders.
  const before = map.getLayer(LAYERS.sigunguLine) ? LAYERS.sigunguLine : undefined;
  const specs: LayerSpecification[] = vector
    ? layers.flatMap(vectorLayers)
    : [{ id: `${LAYER_PREFIX}raster`, type: "raster", source: ARCHIVE_SOURCE }];
  for (const spec of specs) map.addLayer(spec, before);
  return {
    name,
    kind: vector ? "vector" : "raster",
    layers,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
  };
}

/** Take the archive's layers and source off the map (the embedded basemap stays). */
export function removeArchive(map: MlMap): void {
  for (const layer of map.getStyle()?.layers ?? []) {
    if (layer.id.startsWith(LAYER_PREFIX)) map.removeLayer(layer.id);
  }
  if (map.getSource(ARCHIVE_SOURCE)) map.removeSource(ARCHIVE_SOURCE);
}

/** The archive's tiles around the view are loaded (for the status bar and the tests). */
export function archiveLoaded(map: MlMap): boolean {
  return Boolean(map.getSource(ARCHIVE_SOURCE)) && map.isSourceLoaded(ARCHIVE_SOURCE);
}

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

function vectorLayers(layer: string): LayerSpecification[] {
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
