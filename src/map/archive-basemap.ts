/**
 * A basemap from a PMTiles archive (docs/offline.md): one an office places beside the app
 * (`basemap.pmtiles`, read by HTTP range requests) or one the planner opens from disk (read
 * through pmtiles' FileSource). Vector archives are drawn with a simple style for the
 * OpenMapTiles / Protomaps layer names it knows and a generic one for any other layer the
 * archive lists; raster archives (PNG, JPEG, WebP) are drawn as they are. The archive goes over
 * the embedded land and under the 시·도 and 시·군·구 borders, which stay drawn over it; without an
 * archive the embedded basemap is all there is.
 */
import type { LayerSpecification, Map as MlMap } from "maplibre-gl";
import { addProtocol } from "maplibre-gl";
import { FileSource, PMTiles, Protocol, TileType } from "pmtiles";
import { ARCHIVE_SOURCE, drawingOrder, LAYER_PREFIX, vectorLayers } from "./archive-style";
import { LAYERS } from "./ids";

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
    ? drawingOrder(layers).flatMap((layer) => vectorLayers(layer))
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
