/**
 * Many hub points on the map as raster tiles drawn in a Worker (src/workers/hub-raster.ts),
 * shown by a raster layer in the hub layer's place. The vector circle layer stays, transparent:
 * MapLibre then skips drawing it (a circle layer with no opacity draws nothing), while hovering
 * and clicking a hub still find it there (queryRenderedFeatures does not look at opacity), so the
 * tooltip and popup (pointer-tools.ts) work as before. A few hubs are drawn as circles as before:
 * their frame cost is small and no Worker is started for them.
 *
 * Each set of hubs is a new version, named in the tiles' URL: a tile of an older set is never
 * shown (the Worker answers none for it), and MapLibre asks for every tile again.
 */
import type { FeatureCollection } from "geojson";
import { addProtocol, type Map as MlMap, type RasterTileSource } from "maplibre-gl";
import { HUB_RASTER_SCHEME } from "../workers/hubs-protocol";
import { HUB_COLOURS, LAYERS, OTHER_HUB_COLOUR, RASTER_MIN_HUBS } from "./ids";

export const HUB_RASTER_IDS = { source: "czd-hubs-raster", layer: "czd-hub-raster" } as const;

/** The tiles are 256 CSS pixels a side (hub-raster.ts HUB_TILE). */
const TILE = 256;
/** No hubs: version 0, which no set of hubs has. */
const NONE = `${HUB_RASTER_SCHEME}://0/{z}/{x}/{y}`;

let served = false;

function serveTiles(): void {
  if (served) return;
  served = true;
  addProtocol(HUB_RASTER_SCHEME, async (params, abort) => {
    const m = /(\d+)\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    if (!m) throw new Error(`bad hub tile URL ${params.url}`);
    const [v, z, x, y] = m.slice(1).map(Number) as [number, number, number, number];
    // Nothing to draw: an empty body, which MapLibre takes as a tile with no image.
    const nothing = () => ({ data: new ArrayBuffer(0) });
    if (v === 0 || abort.signal.aborted) return nothing();
    const { Cancelled, hubTileInWorker } = await import("../workers/hubs-client");
    const ratio = Math.min(3, Math.max(1, Math.round(globalThis.devicePixelRatio || 1)));
    try {
      const bitmap = await hubTileInWorker(v, { z, x, y, size: TILE * ratio, ratio });
      return { data: bitmap ?? new ArrayBuffer(0) };
    } catch (e) {
      if (e instanceof Cancelled) return nothing();
      throw e;
    }
  });
}

/** Whether this browser can draw tiles in a Worker (else the hubs stay circles). */
const canRaster = (): boolean => typeof OffscreenCanvas !== "undefined";

export class HubRaster {
  private version = 0;

  constructor(private readonly map: MlMap) {
    serveTiles();
    map.addSource(HUB_RASTER_IDS.source, { type: "raster", tiles: [NONE], tileSize: TILE });
    map.addLayer(
      {
        id: HUB_RASTER_IDS.layer,
        type: "raster",
        source: HUB_RASTER_IDS.source,
        layout: { visibility: "none" },
        paint: { "raster-fade-duration": 0 },
      },
      LAYERS.hubPoint,
    );
  }

  /** The hub points shown now (their vector layer's data): raster tiles when there are many. */
  set(points: FeatureCollection): void {
    const version = ++this.version;
    // Till the new tiles are ready the circles draw the new hubs: never a stale tile shown.
    this.show(false);
    if (points.features.length < RASTER_MIN_HUBS || !canRaster()) return;
    const hubs = points.features.flatMap((f) =>
      f.geometry?.type === "Point"
        ? [
            {
              lon: f.geometry.coordinates[0] ?? 0,
              lat: f.geometry.coordinates[1] ?? 0,
              type: f.properties?.type,
            },
          ]
        : [],
    );
    void import("../workers/hubs-client")
      .then(({ holdHubs }) => holdHubs(version, hubs, HUB_COLOURS, OTHER_HUB_COLOUR))
      .then(() => {
        if (version !== this.version) return; // newer hubs came meanwhile
        const source = this.map.getSource(HUB_RASTER_IDS.source) as RasterTileSource | undefined;
        source?.setTiles([`${HUB_RASTER_SCHEME}://${version}/{z}/{x}/{y}`]);
        this.show(true);
      })
      .catch(() => {
        // No Worker: the circles stay drawn, as for a few hubs.
        if (version === this.version) this.show(false);
      });
  }

  /** The raster layer shown and the circles transparent, or the circles drawn and no raster. */
  private show(raster: boolean): void {
    const map = this.map;
    map.setLayoutProperty(HUB_RASTER_IDS.layer, "visibility", raster ? "visible" : "none");
    map.setPaintProperty(LAYERS.hubPoint, "circle-opacity", raster ? 0 : 1);
    map.setPaintProperty(LAYERS.hubPoint, "circle-stroke-opacity", raster ? 0 : 1);
    if (!raster)
      (map.getSource(HUB_RASTER_IDS.source) as RasterTileSource | undefined)?.setTiles([NONE]);
  }
}
