/**
 * The 연속지적도 on the map: vector tiles cut by the cadastre Worker (src/workers/cadastre-tiles.ts)
 * and fetched through the `czd-cadastre://` protocol, so the page holds only the tiles in view,
 * never the 필지 themselves. Outlines from zoom 14, a fill that takes clicks while picking 필지
 * (transparent, or the 지목 colours as an option), and the 지번 as HTML labels from zoom 17 (the
 * embedded style has no glyphs and the app is offline; only the labels in view are made, at most
 * LABEL_LIMIT).
 */
import type { Position } from "geojson";
import {
  addProtocol,
  type MapMouseEvent,
  Marker,
  type Map as MlMap,
  type RasterTileSource,
  type VectorTileSource,
} from "maplibre-gl";
import {
  RASTER_MAX_ZOOM,
  RASTER_SCHEME,
  TILE_LAYER,
  TILE_MAX_ZOOM,
  TILE_MIN_ZOOM,
  TILE_SCHEME,
} from "../workers/cadastre-protocol";
import type { CadastreOverlay, FetchTile } from "./cadastre-overlay";
import { CADASTRE_OUTLINE, JIMOK_FILL_ALPHA, jimokColourExpression } from "./jimok-colours";

export const CADASTRE_IDS = {
  source: "czd-cadastre",
  fill: "czd-cadastre-fill",
  rasterSource: "czd-cadastre-raster",
  raster: "czd-cadastre-raster",
} as const;

const MIN_ZOOM = 14;
const LABEL_ZOOM = 17;
const LABEL_LIMIT = 400;
/** No cadastre: a template no tile is asked of (the layers are hidden then). */
const NONE = `${TILE_SCHEME}://0/{z}/{x}/{y}`;
/** A faint fill (it takes the clicks while picking), as rgba: opacity stays 1. */
const PLAIN_FILL = "rgba(138, 109, 59, 0.04)";

let served = false;

/** No cadastre, as raster tiles: generation 0, which no cadastre has (no image in any). */
const RASTER_NONE = `${RASTER_SCHEME}://0/0/{z}/{x}/{y}`;

/** Raster tiles are 256 CSS pixels a side, drawn at the screen's pixel ratio (at most 3). */
const RASTER_TILE = 256;

/** The cadastre generation a tile URL template names (0: none). */
function generationOf(url: string | null): number {
  return Number(/^[^:]+:\/\/(\d+)\//.exec(url ?? "")?.[1] ?? 0);
}

/** A raster tile from the cadastre Worker (its client comes with the first tile asked for). */
const fetchRaster: FetchTile = async (g, tile, jimok) => {
  const { Cancelled, rasterInWorker } = await import("../workers/cadastre-client");
  try {
    return await rasterInWorker(g, tile, jimok);
  } catch (e) {
    if (e instanceof Cancelled) return null;
    throw e;
  }
};

/** The raster tiles' URL template for a vector one (`czd-cadastre://<g>/…`), with or without colours. */
function rasterUrl(url: string, jimok: boolean): string {
  const g = /^[^:]+:\/\/(\d+)\//.exec(url)?.[1] ?? "0";
  return `${RASTER_SCHEME}://${g}/${jimok ? 1 : 0}/{z}/{x}/{y}`;
}

/** `czd-cadastre://<generation>/<z>/<x>/<y>` → the tile's MVT bytes, from the cadastre Worker. */
function serveTiles(): void {
  if (served) return;
  served = true;
  // `czd-cadastre-png://<generation>/<jimok 0|1>/<z>/<x>/<y>` → an image drawn in the Worker.
  addProtocol(RASTER_SCHEME, async (params, abort) => {
    const m = /(\d+)\/([01])\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    if (!m) throw new Error(`bad cadastre tile URL ${params.url}`);
    const [g, j, z, x, y] = m.slice(1).map(Number) as [number, number, number, number, number];
    // Nothing to draw: an empty body, which MapLibre takes as a tile with no image.
    const nothing = () => ({ data: new ArrayBuffer(0) });
    if (abort.signal.aborted) return nothing();
    const { Cancelled, rasterInWorker } = await import("../workers/cadastre-client");
    const ratio = Math.min(3, Math.max(1, Math.round(globalThis.devicePixelRatio || 1)));
    try {
      const tile = { z, x, y, size: RASTER_TILE * ratio, ratio };
      return { data: (await rasterInWorker(g, tile, j === 1)) ?? new ArrayBuffer(0) };
    } catch (e) {
      if (e instanceof Cancelled) return nothing();
      throw e;
    }
  });
  addProtocol(TILE_SCHEME, async (params, abort) => {
    const m = /(\d+)\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    if (!m) throw new Error(`bad cadastre tile URL ${params.url}`);
    const [g, z, x, y] = m.slice(1).map(Number) as [number, number, number, number];
    if (abort.signal.aborted) return { data: new ArrayBuffer(0) };
    // The client (and its Worker plumbing) comes with the first tile asked for, not with the
    // page's first script: no tile is asked for until a cadastre is open.
    const { Cancelled, tileInWorker } = await import("../workers/cadastre-client");
    try {
      return { data: await tileInWorker(g, z, x, y) };
    } catch (e) {
      // Closed or cancelled while the tile was being cut: nothing to draw, nothing to report.
      if (e instanceof Cancelled) return { data: new ArrayBuffer(0) };
      throw e;
    }
  });
}

/** A point to label a ring at: the mean of its vertices (필지 are small and near convex). */
function labelAt(ring: Position[]): [number, number] {
  let x = 0;
  let y = 0;
  const n = Math.max(1, ring.length - 1);
  for (let i = 0; i < n; i++) {
    x += ring[i]?.[0] ?? 0;
    y += ring[i]?.[1] ?? 0;
  }
  return [x / n, y / n];
}

export class CadastreLayer {
  private map: MlMap | null = null;
  private url: string | null = null;
  private picking = false;
  private colours = false;
  private markers: Marker[] = [];
  /** The raster tiles below the labels' zoom, placed by the compositor (cadastre-overlay.ts). */
  private overlay: CadastreOverlay | null = null;
  /** Pitched, the raster tiles are MapLibre's raster layer's instead. */
  private pitched = false;
  private overlayLoading: Promise<void> | null = null;
  /** MapLibre's raster layer's visibility (it is added hidden). */
  private rasterLayer: "visible" | "none" = "none";
  /**
   * Who draws the raster tiles now: the overlay while the map moves, MapLibre's raster layer at
   * rest (in its place among the map's layers: below terra-draw's handles, the search hit and
   * the labels, which the overlay would cover). While the overlay draws during a move the layer
   * is hidden (no tile of it loaded or uploaded in the pan's frames); after the move it is
   * visible at opacity 0 (MapLibre's drawRaster skips a layer at opacity 0, but its source loads
   * the view's tiles) until they are in, then drawn at opacity 1 and the overlay hidden.
   */
  private drawer: "raster" | "overlay" = "raster";
  private moving = false;
  /** The map rendered since the move's end: the raster source has asked for the view's tiles. */
  private fresh = false;
  /** Called with a clicked 필지's PNU while picking. */
  onPick: (pnu: string) => void = () => {};

  attach(map: MlMap): void {
    this.map = map;
    serveTiles();
    map.addSource(CADASTRE_IDS.source, {
      type: "vector",
      tiles: [this.url ?? NONE],
      minzoom: TILE_MIN_ZOOM,
      maxzoom: TILE_MAX_ZOOM,
    });
    // Below the labels' zoom the 필지 come as raster tiles drawn in the Worker: a pan then
    // redraws a few textured squares, not every outline (src/workers/cadastre-raster.ts).
    map.addSource(CADASTRE_IDS.rasterSource, {
      type: "raster",
      tiles: [this.url ? rasterUrl(this.url, this.colours) : RASTER_NONE],
      tileSize: RASTER_TILE,
      minzoom: MIN_ZOOM,
      maxzoom: RASTER_MAX_ZOOM + 1,
    });
    map.addLayer({
      id: CADASTRE_IDS.raster,
      type: "raster",
      source: CADASTRE_IDS.rasterSource,
      minzoom: MIN_ZOOM,
      maxzoom: RASTER_MAX_ZOOM,
      layout: { visibility: "none" },
      paint: { "raster-fade-duration": 0 },
    });
    this.rasterShown();
    // One fill layer draws both: its outline (fill-outline-color) is drawn as 1-px GL lines from
    // the fill's own vertices, several times cheaper than a line layer's triangulated strokes
    // (bench/cadastre-app.bench.ts; on software WebGL every vertex counts).
    map.addLayer({
      id: CADASTRE_IDS.fill,
      type: "fill",
      source: CADASTRE_IDS.source,
      "source-layer": TILE_LAYER,
      minzoom: RASTER_MAX_ZOOM,
      layout: { visibility: this.url ? "visible" : "none" },
      paint: {
        "fill-color": PLAIN_FILL,
        "fill-outline-color": CADASTRE_OUTLINE,
        "fill-opacity": 1,
      },
    });
    this.paintFill();
    map.on(
      "click",
      CADASTRE_IDS.fill,
      (e: MapMouseEvent & { features?: { properties: unknown }[] }) => {
        const pnu = (e.features?.[0]?.properties as { pnu?: unknown } | undefined)?.pnu;
        if (this.picking && typeof pnu === "string") this.onPick(pnu);
      },
    );
    // Where the raster tiles are drawn, a click while picking asks the Worker what lies there.
    map.on("click", (e: MapMouseEvent) => {
      if (!this.picking || !this.url || map.getZoom() >= RASTER_MAX_ZOOM) return;
      const { lng, lat } = e.lngLat;
      void import("../workers/cadastre-client")
        .then(({ piljiAtInWorker }) => piljiAtInWorker(lng, lat))
        .then((pnu) => {
          if (pnu && this.picking) this.onPick(pnu);
        })
        .catch(() => {});
    });
    // Again once the tiles a move brought in are drawn: at the move's end they may not be yet.
    map.on("moveend", () => {
      this.label();
      map.once("idle", () => this.label());
    });
    // The overlay while the map moves, the raster layer again once the view's tiles are in.
    map.on("movestart", () => {
      this.moving = true;
      this.fresh = false;
      this.swap();
    });
    map.on("move", () => {
      if (this.drawer === "raster") this.swap();
    });
    map.on("moveend", () => {
      this.moving = false;
      this.fresh = false;
      // The layer shown again (at opacity 0): its tiles for the view are asked at the next render.
      this.paintRaster();
      map.once("render", () => {
        if (this.moving) return;
        this.fresh = true;
        this.swap();
      });
      map.triggerRepaint();
    });
    map.on("sourcedata", (e: { sourceId?: string; sourceDataType?: string }) => {
      // Not the "visibility" event: it comes before the source has asked for the view's tiles.
      if (
        e.sourceId === CADASTRE_IDS.rasterSource &&
        e.sourceDataType !== "visibility" &&
        this.drawer === "overlay"
      )
        this.swap();
    });
    map.on("idle", () => this.swap());
  }

  /**
   * The overlay takes over when the map moves and it has the view's tiles; MapLibre's raster
   * layer takes back when the map is at rest and its source has the view's tiles. The layer's
   * opacity is set now and the overlay shown or hidden at the map's next `render` event, in the
   * frame that draws the layer so: no frame shows the cadastre twice or not at all.
   */
  private swap(): void {
    const map = this.map;
    if (!map) return;
    let drawer = this.drawer;
    const zoom = map.getZoom();
    // The overlay draws here at all (a zoom mid-move keeps its last complete tiles shown).
    const overlayHere = !!this.url && !this.pitched && zoom >= MIN_ZOOM && zoom < RASTER_MAX_ZOOM;
    if (this.moving && drawer === "raster" && overlayHere && this.overlay?.complete)
      drawer = "overlay";
    else if (drawer === "overlay" && (!overlayHere || !this.moving)) {
      if (
        this.pitched ||
        !this.url ||
        (this.fresh && !this.moving && map.isSourceLoaded(CADASTRE_IDS.rasterSource))
      )
        drawer = "raster";
    }
    if (drawer === this.drawer) return;
    this.drawer = drawer;
    this.paintRaster();
    map.once("render", () => this.overlay?.setShown(this.drawer === "overlay"));
    map.triggerRepaint();
  }

  /**
   * The raster layer drawn (opacity 1) unless the overlay draws its tiles now: then hidden while
   * the map moves, at opacity 0 (its tiles loading) once it stops.
   */
  private paintRaster(): void {
    const map = this.map;
    if (!map?.getLayer(CADASTRE_IDS.raster)) return;
    const overlay = this.drawer === "overlay" && !this.pitched;
    map.setPaintProperty(CADASTRE_IDS.raster, "raster-opacity", overlay ? 0 : 1);
    const layer = this.url && !(overlay && this.moving) ? "visible" : "none";
    if (layer !== this.rasterLayer) map.setLayoutProperty(CADASTRE_IDS.raster, "visibility", layer);
    this.rasterLayer = layer;
  }

  /** The vector tiles' URL template (the Worker's cadastre), or null for none. */
  setOutlines(url: string | null): void {
    this.url = url;
    const map = this.map;
    if (!map) return;
    (map.getSource(CADASTRE_IDS.source) as VectorTileSource | undefined)?.setTiles([url ?? NONE]);
    this.rasterTiles();
    map.setLayoutProperty(CADASTRE_IDS.fill, "visibility", url ? "visible" : "none");
    this.rasterShown();
    if (url) map.once("idle", () => this.label());
    else this.label();
  }

  /** 필지 filled in their 지목's colour, or only outlined (a faint fill that takes clicks). */
  setJimokColours(on: boolean): void {
    this.colours = on;
    this.paintFill();
    this.rasterTiles();
  }

  /**
   * Where the raster tiles are drawn: MapLibre's raster layer, and the overlay's canvases placed
   * (seen while the map moves: `swap`); pitched, the raster layer only (the overlay places square
   * tiles only).
   */
  private rasterShown(): void {
    const map = this.map;
    if (!map) return;
    // The overlay comes in its own chunk with the first cadastre, not with the page's first script.
    if (this.url && !this.overlayLoading)
      this.overlayLoading = import("./cadastre-overlay").then(({ CadastreOverlay }) => {
        this.overlay = new CadastreOverlay(map, fetchRaster);
        this.overlay.onPitched = (pitched) => {
          this.pitched = pitched;
          this.rasterShown();
          this.swap();
        };
        this.rasterShown();
      });
    this.overlay?.show(generationOf(this.url), this.colours, MIN_ZOOM, RASTER_MAX_ZOOM);
    // Visible with a cadastre, but while the overlay draws its tiles during a move.
    this.paintRaster();
  }

  /** The raster source's tiles: this cadastre's, coloured or not (a new URL: tiles drawn again). */
  private rasterTiles(): void {
    this.rasterShown();
    const source = this.map?.getSource(CADASTRE_IDS.rasterSource) as RasterTileSource | undefined;
    source?.setTiles([this.url ? rasterUrl(this.url, this.colours) : RASTER_NONE]);
  }

  private paintFill(): void {
    const map = this.map;
    if (!map?.getLayer(CADASTRE_IDS.fill)) return;
    map.setPaintProperty(
      CADASTRE_IDS.fill,
      "fill-color",
      this.colours ? jimokColourExpression(JIMOK_FILL_ALPHA) : PLAIN_FILL,
    );
  }

  setPicking(on: boolean): void {
    this.picking = on;
    const canvas = this.map?.getCanvas();
    if (canvas) canvas.style.cursor = on ? "pointer" : "";
  }

  /** 지번 labels for the 필지 in view, at high zoom only. */
  private label(): void {
    for (const m of this.markers) m.remove();
    this.markers = [];
    const map = this.map;
    if (!map || map.getZoom() < LABEL_ZOOM || !this.url) return;
    const seen = new Set<string>();
    for (const f of map.queryRenderedFeatures({ layers: [CADASTRE_IDS.fill] })) {
      const pnu = String(f.properties?.pnu ?? "");
      if (seen.has(pnu) || seen.size >= LABEL_LIMIT) continue;
      seen.add(pnu);
      // The drawn (tile-cut) geometry: near enough for a label, and the page holds no other.
      const g = f.geometry;
      const ring =
        g?.type === "Polygon"
          ? g.coordinates[0]
          : g?.type === "MultiPolygon"
            ? g.coordinates[0]?.[0]
            : undefined;
      if (!ring) continue;
      const el = document.createElement("div");
      el.className = "pilji-label";
      el.textContent = String(f.properties?.label ?? "");
      this.markers.push(new Marker({ element: el }).setLngLat(labelAt(ring)).addTo(map));
    }
  }
}
