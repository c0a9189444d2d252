/**
 * Many hub points on the map as raster tiles drawn in a Worker (src/workers/hub-raster.ts),
 * shown by a raster layer in the hub layer's place wherever so many hubs are in view that their
 * circles would cost a frame more than the raster does (PX_PER_HUB). The vector circle layer stays, transparent:
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
import type { HubTile } from "../workers/hub-raster";
import { HUB_RASTER_SCHEME } from "../workers/hubs-protocol";
import { HUB_COLOURS, LAYERS, OTHER_HUB_COLOUR, RASTER_MIN_HUBS } from "./ids";
import { tileXY } from "./tile-xy";

export const HUB_RASTER_IDS = { source: "czd-hubs-raster", layer: "czd-hub-raster" } as const;

/** The tiles are 256 CSS pixels a side (hub-raster.ts HUB_TILE). */
const TILE = 256;
/** No hubs: version 0, which no set of hubs has. */
const NONE = `${HUB_RASTER_SCHEME}://0/{z}/{x}/{y}`;

let served = false;

/**
 * Tiles asked of the Worker ahead, at rest, for the view a lowered move will start from (see
 * HubRaster.drawAhead), by their URL's `version/z/x/y`: MapLibre's request for one takes it.
 */
const ahead = new Map<string, Promise<ImageBitmap | null>>();

/** Tile z/x/y as the Worker draws it: TILE CSS px a side at the screen's (whole) pixel ratio. */
function hubTile(z: number, x: number, y: number): HubTile {
  const ratio = Math.min(3, Math.max(1, Math.round(globalThis.devicePixelRatio || 1)));
  return { z, x, y, size: TILE * ratio, ratio };
}

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
    const key = `${v}/${z}/${x}/${y}`;
    const early = ahead.get(key);
    ahead.delete(key);
    try {
      // Drawn ahead (null: no hub in it), or asked for now (also if the early one failed).
      let bitmap = early ? await early.catch(() => undefined) : undefined;
      if (bitmap === undefined) bitmap = await hubTileInWorker(v, hubTile(z, x, y));
      return { data: bitmap ?? new ArrayBuffer(0) };
    } catch (e) {
      if (e instanceof Cancelled) return nothing();
      throw e;
    }
  });
}

/** Whether this browser can draw tiles in a Worker (else the hubs stay circles). */
const canRaster = (): boolean => typeof OffscreenCanvas !== "undefined";

/**
 * Hubs in view from which the raster costs a frame less than the circles, per CSS pixel of the
 * map: one hub per 56 px² (≈ 10,800 on the benches' ≈ 810 × 750-px map). Measured in headless
 * Chromium's software WebGL (bench:frame-layers, same page, circles and tiles interleaved): the
 * raster layer costs ≈ 50 ms of the GPU process's CPU a frame on that map whatever it shows (a
 * textured square over the whole map, MapLibre's raster shader on every pixel), the circles
 * ≈ 4–5 µs each (≈ 35 ms for the ≈ 7,000 in view at zoom 14, ≈ 120 ms for the many more at zoom
 * 13). Approximate: the crossover moves with the circles' radius and the machine; on a GPU both
 * are cheap.
 */
const PX_PER_HUB = 56;

export class HubRaster {
  private version = 0;
  /** lon, lat of every hub point now shown, when they are many enough for tiles. */
  private lonLat: Float64Array | null = null;
  /** The Worker holds this version's hubs and the source names its tiles. */
  private ready = false;
  /** Where the map last came to rest, the hubs in view were many enough for tiles. */
  private many = false;
  /** The map is drawn at a lowered pixel ratio while it moves (motion-resolution.ts). */
  private lowered = false;
  /** The raster layer is what shows the hubs now (the circles transparent). */
  private raster = false;
  /** Lowered, waiting for the view's tiles to come in before they draw. */
  private waiting = false;

  constructor(
    private readonly map: MlMap,
    /** Frames at full resolution are known slow: moves will be lowered (motion-resolution.ts). */
    private readonly slow: () => boolean = () => false,
  ) {
    serveTiles();
    map.addSource(HUB_RASTER_IDS.source, { type: "raster", tiles: [NONE], tileSize: TILE });
    map.addLayer(
      {
        id: HUB_RASTER_IDS.layer,
        type: "raster",
        source: HUB_RASTER_IDS.source,
        layout: { visibility: "none" },
        paint: { "raster-fade-duration": 0, "raster-opacity": 0 },
      },
      LAYERS.hubPoint,
    );
    map.getContainer().dataset.hubsDrawn = "circles";
    // Which one draws the hubs is decided again wherever the map comes to rest.
    map.on("moveend", () => this.choose());
  }

  /** The hub points shown now (their vector layer's data): raster tiles when there are many. */
  set(points: FeatureCollection): void {
    const version = ++this.version;
    // Till the new tiles are ready the circles draw the new hubs: never a stale tile shown.
    this.ready = false;
    this.lonLat = null;
    this.show(false);
    this.load(false);
    dropAhead(new Set());
    (this.map.getSource(HUB_RASTER_IDS.source) as RasterTileSource | undefined)?.setTiles([NONE]);
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
    const lonLat = new Float64Array(hubs.length * 2);
    hubs.forEach((h, i) => {
      lonLat[2 * i] = h.lon;
      lonLat[2 * i + 1] = h.lat;
    });
    void import("../workers/hubs-client")
      .then(({ holdHubs }) => holdHubs(version, hubs, HUB_COLOURS, OTHER_HUB_COLOUR))
      .then(() => {
        if (version !== this.version) return; // newer hubs came meanwhile
        const source = this.map.getSource(HUB_RASTER_IDS.source) as RasterTileSource | undefined;
        source?.setTiles([`${HUB_RASTER_SCHEME}://${version}/{z}/{x}/{y}`]);
        this.lonLat = lonLat;
        this.ready = true;
        this.choose();
      })
      .catch(() => {
        // No Worker: the circles stay drawn, as for a few hubs.
      });
  }

  /**
   * The map is drawn at a lower pixel ratio while it moves (true), or at full resolution again
   * (false). Lowered, the tiles draw the hubs whatever their number, once their tiles for the
   * view are in: the raster's cost is per pixel and falls with the ratio (at half ≈ what no hub
   * layer costs, in software WebGL), while the circles' does not (≈ 60 ms a frame for 100,000
   * at half).
   */
  setLowered(lowered: boolean): void {
    this.lowered = lowered;
    this.apply(lowered);
  }

  /** Tiles where the hubs in view are many enough to cost more as circles, circles elsewhere. */
  private choose(): void {
    if (!this.ready || !this.lonLat) return;
    const canvas = this.map.getCanvas();
    const enough = (canvas.clientWidth * canvas.clientHeight) / PX_PER_HUB;
    this.many = hubsInView(this.map, this.lonLat, enough) >= enough;
    this.apply(false);
    this.drawAhead();
  }

  /**
   * On a slow machine, where the circles draw at rest, the Worker draws the view's tiles now, so
   * that when the next move is lowered they are in at once (MapLibre takes them from `ahead`)
   * and the raster takes over from its first frames. Loading them through MapLibre at rest would
   * repaint the whole map at full resolution as each came, for nothing shown.
   */
  drawAhead(): void {
    if (!this.ready || this.many || this.lowered || !this.slow()) return;
    const version = this.version;
    const wanted = new Set<string>();
    void import("../workers/hubs-client").then(({ hubTileInWorker }) => {
      if (version !== this.version) return;
      for (const [z, x, y] of viewTiles(this.map, TILE)) {
        const key = `${version}/${z}/${x}/${y}`;
        wanted.add(key);
        if (!ahead.has(key)) ahead.set(key, hubTileInWorker(version, hubTile(z, x, y)));
      }
      dropAhead(wanted); // only this view's are kept
    });
  }

  private apply(now: boolean): void {
    if (!this.ready) return;
    // The tiles are loaded only where they may draw: at rest where the hubs in view are many,
    // and while lowered. (Loaded at rest under circles, each arriving tile would repaint the
    // whole map at full resolution, the circles and all, for nothing shown.)
    const loading = this.loading();
    this.load(this.many || this.lowered);
    // Lowered, the tiles take over only once the view's are in: never a moment without hubs.
    // Till then the circles draw. (Just asked for, MapLibre has not yet looked for them: it says
    // "loaded" for a source it does not use, so that is asked again after its next frame, when
    // tiles of an earlier view come from its cache or are on their way.)
    const tilesIn =
      this.lowered && (this.raster || (loading && this.map.isSourceLoaded(HUB_RASTER_IDS.source)));
    if (this.lowered && !tilesIn) this.waitForTiles();
    this.show(this.many || tilesIn, now);
  }

  private loading(): boolean {
    return this.map.getLayoutProperty(HUB_RASTER_IDS.layer, "visibility") === "visible";
  }

  /** Whether MapLibre loads the tiles for the view (the layer shown, though maybe transparent). */
  private load(on: boolean): void {
    if (on !== this.loading())
      this.map.setLayoutProperty(HUB_RASTER_IDS.layer, "visibility", on ? "visible" : "none");
  }

  /** Once the view's tiles are in, while still lowered, they take over (in that frame). */
  private waitForTiles(): void {
    if (this.waiting) return;
    this.waiting = true;
    const version = this.version;
    const check = () => {
      const stale = version !== this.version || !this.lowered;
      if (!stale && !this.map.isSourceLoaded(HUB_RASTER_IDS.source)) return;
      this.waiting = false;
      this.map.off("render", check);
      if (!stale) this.apply(true);
    };
    // After each frame: by then MapLibre has asked for the view's tiles.
    this.map.on("render", check);
  }

  /**
   * The raster layer drawn and the circles transparent, or the circles drawn and the raster
   * transparent. To tiles at rest, the circles stay drawn till the map has drawn the tiles; while
   * lowered (`now`) the view's tiles are in already and they swap in the same frame.
   */
  private show(raster: boolean, now = false): void {
    if (raster === this.raster) return;
    this.raster = raster;
    const map = this.map;
    // What draws them, for the browser tests.
    map.getContainer().dataset.hubsDrawn = raster ? "raster" : "circles";
    const circles = (opacity: number) => {
      map.setPaintProperty(LAYERS.hubPoint, "circle-opacity", opacity);
      map.setPaintProperty(LAYERS.hubPoint, "circle-stroke-opacity", opacity);
    };
    map.setPaintProperty(HUB_RASTER_IDS.layer, "raster-opacity", raster ? 1 : 0);
    if (!raster) circles(1);
    else if (now) circles(0);
    else
      map.once("idle", () => {
        if (this.raster) circles(0);
      });
  }
}

/** Tiles drawn ahead and not taken, but for those `kept`, dropped (their images freed). */
function dropAhead(kept: Set<string>): void {
  for (const [key, tile] of ahead)
    if (!kept.has(key)) {
      ahead.delete(key);
      void tile.then((b) => b?.close()).catch(() => undefined);
    }
}

/** Most tiles drawn ahead for one view (a pitched or huge map asks for more: those wait). */
const AHEAD_MAX = 64;

/**
 * The z/x/y of the raster tiles MapLibre asks for to cover the map's view: a raster source of
 * `size`-px tiles uses zoom level round(zoom + log2(512 / size)) (its tiles are drawn at their
 * size at that level), clamped to 0–22.
 */
export function viewTiles(map: MlMap, size: number): [number, number, number][] {
  const z = Math.min(22, Math.max(0, Math.round(map.getZoom() + Math.log2(512 / size))));
  const last = 2 ** z - 1;
  const b = map.getBounds();
  const tile = (v: number) => Math.min(last, Math.max(0, Math.floor(v)));
  const [x0, y0] = tileXY(b.getWest(), b.getNorth(), z).map(tile) as [number, number];
  const [x1, y1] = tileXY(b.getEast(), b.getSouth(), z).map(tile) as [number, number];
  const out: [number, number, number][] = [];
  for (let x = x0; x <= x1; x++)
    for (let y = y0; y <= y1; y++) if (out.length < AHEAD_MAX) out.push([z, x, y]);
  return out;
}

/** How many of these hubs lie in the map's view, counted up to `enough`. */
function hubsInView(map: MlMap, lonLat: Float64Array, enough: number): number {
  const b = map.getBounds();
  const [w, s, e, n] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  let count = 0;
  for (let i = 0; i < lonLat.length && count < enough; i += 2) {
    const lon = lonLat[i] ?? 0;
    const lat = lonLat[i + 1] ?? 0;
    if (lon >= w && lon <= e && lat >= s && lat <= n) count++;
  }
  return count;
}
