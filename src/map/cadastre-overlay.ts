/**
 * The cadastre's raster tiles (drawn in the cadastre Worker, src/workers/cadastre-raster.ts) shown
 * above the map's canvas as HTML canvases the browser's compositor places, not as a MapLibre
 * raster layer.
 *
 * Why: a raster layer is redrawn by WebGL on every frame of a pan, every pixel of it through
 * MapLibre's raster shader (two texture reads, un-premultiplying, hue, saturation, contrast and
 * brightness). In software WebGL (SwiftShader: headless Chromium, and office and VDI machines
 * without a usable GPU) the page's main thread waits at each frame's end for the GPU process to
 * finish the frame (Chrome reads the canvas back for its software compositor), so those pixels
 * were main-thread time: ≈ 40 ms of the GPU process's CPU per frame at zoom 15 over the
 * 290,611-필지 bench cadastre (bench/cadastre-layers.ts), and the pan's long tasks (docs/benchmarks.md,
 * 2026-12-06 (9)). Here a pan moves each tile's canvas by a CSS transform (composited layers:
 * no paint, no WebGL), and the tiles are asked of the Worker once.
 *
 * Tiles are those MapLibre's raster source (256-px tiles) would use: zoom round(z + 1), within
 * [RASTER_MIN_TILE, RASTER_MAX_TILE]. While the tiles of a new zoom arrive, the last complete set
 * stays shown, so a zoom never blanks the cadastre nor doubles its lines. A pitched map (tiles
 * are no longer squares on screen) keeps MapLibre's raster layer (`onPitched`).
 *
 * The overlay lies above all of the map's WebGL drawing, terra-draw's handles and the labels too,
 * so it is seen only while the map moves; at rest MapLibre's raster layer draws the same tiles in
 * their place in the layer order (the swap: src/map/cadastre-layer.ts).
 */
import type { Map as MlMap } from "maplibre-gl";
import { tileXY } from "./tile-xy";

/** The tiles' zoom range: MapLibre zoom 14–16 with 256-px tiles. */
export const RASTER_MIN_TILE = 15;
export const RASTER_MAX_TILE = 17;
/** Tiles kept (shown or not) before the least recently used are dropped. */
const KEEP = 160;
/** CSS pixels a tile's side. */
const TILE_CSS = 256;

/** What draws one tile: an ImageBitmap `size` device pixels a side, or null where no 필지 lies. */
export type FetchTile = (
  g: number,
  tile: { z: number; x: number; y: number; size: number; ratio: number },
  jimok: boolean,
) => Promise<ImageBitmap | null>;

interface Entry {
  z: number;
  x: number;
  y: number;
  /** null while asked for; "empty" where the Worker drew nothing. */
  el: HTMLCanvasElement | "empty" | null;
  used: number;
}

/** The longitude / latitude of a tile corner. */
function cornerOf(x: number, y: number, z: number): [number, number] {
  const n = 2 ** z;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return [(x / n) * 360 - 180, lat];
}

/** The tile zoom MapLibre's raster source would pick for a 256-px tile at map zoom `zoom`. */
export function rasterTileZoom(zoom: number): number {
  return Math.min(RASTER_MAX_TILE, Math.max(RASTER_MIN_TILE, Math.round(zoom + 1)));
}

export class CadastreOverlay {
  private readonly box: HTMLDivElement;
  private readonly tiles = new Map<string, Entry>();
  /** The cadastre generation (0: none) and whether the 지목 colours are drawn. */
  private g = 0;
  private jimok = false;
  /** Where the overlay draws: map zoom in [min, max), map not pitched. */
  private min = 0;
  private max = 0;
  /** The tile zoom last shown complete. */
  private shownZ = 0;
  private clock = 0;
  private frame = 0;
  /** Called when the map's pitch moves the cadastre to or from MapLibre's raster layer. */
  onPitched: (pitched: boolean) => void = () => {};
  private pitched = false;
  /**
   * The map's size in CSS pixels, read at the start and on resize only: read on each move,
   * after the tiles' transforms were set, it would make the browser lay the page out again.
   */
  private size: [number, number];

  constructor(
    private readonly map: MlMap,
    private readonly fetchTile: FetchTile,
  ) {
    this.box = document.createElement("div");
    this.box.className = "cadastre-overlay";
    this.box.dataset.testid = "cadastre-overlay";
    Object.assign(this.box.style, {
      position: "absolute",
      inset: "0",
      overflow: "hidden",
      pointerEvents: "none",
      display: "none",
      // Shown only while the map moves (setShown); hidden, its tiles are still placed and
      // fetched, so it has the view's tiles when the next move starts.
      visibility: "hidden",
    });
    this.box.dataset.shown = "false";
    this.size = this.measure();
    // Above the map's canvas, below its markers (the 지번 labels) and controls.
    map.getCanvas().after(this.box);
    const place = () => this.place();
    map.on("move", place);
    map.on("resize", () => {
      this.size = this.measure();
      this.place();
    });
    map.on("pitch", place);
  }

  /**
   * Whether the overlay is seen: while the map moves (at rest MapLibre's raster layer draws the
   * cadastre in its place among the map's layers, below terra-draw's handles and the labels).
   */
  setShown(on: boolean): void {
    this.box.style.visibility = on ? "visible" : "hidden";
    this.box.dataset.shown = String(on);
  }

  /** Whether the tiles of the view at the zoom the overlay shows are all in (or none is wanted). */
  get complete(): boolean {
    return this.whole;
  }
  private whole = false;

  private measure(): [number, number] {
    const c = this.map.getCanvas();
    return [c.clientWidth, c.clientHeight];
  }

  /** Show generation `g`'s tiles (0: none) from map zoom `min` up to `max`, coloured or not. */
  show(g: number, jimok: boolean, min: number, max: number): void {
    if (g !== this.g || jimok !== this.jimok) {
      for (const e of this.tiles.values()) this.drop(e);
      this.tiles.clear();
      this.shownZ = 0;
    }
    this.g = g;
    this.jimok = jimok;
    this.min = min;
    this.max = max;
    this.place();
  }

  private key(z: number, x: number, y: number): string {
    return `${z}/${x}/${y}`;
  }

  private drop(e: Entry): void {
    if (e.el instanceof HTMLCanvasElement) {
      e.el.remove();
      e.el.width = 0;
      e.el.height = 0;
    }
  }

  /** The tiles of zoom z the view covers. */
  private inView(z: number): [number, number][] {
    const [w, h] = this.size;
    const pts = [
      [0, 0],
      [w, 0],
      [0, h],
      [w, h],
    ].map(([x, y]) => {
      const ll = this.map.unproject([x ?? 0, y ?? 0]);
      return tileXY(ll.lng, ll.lat, z);
    });
    const n = 2 ** z;
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const [x0, x1] = [
      Math.max(0, Math.floor(Math.min(...xs))),
      Math.min(n - 1, Math.floor(Math.max(...xs))),
    ];
    const [y0, y1] = [
      Math.max(0, Math.floor(Math.min(...ys))),
      Math.min(n - 1, Math.floor(Math.max(...ys))),
    ];
    const out: [number, number][] = [];
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) out.push([x, y]);
    return out;
  }

  private request(z: number, x: number, y: number): Entry {
    const entry: Entry = { z, x, y, el: null, used: this.clock };
    const key = this.key(z, x, y);
    this.tiles.set(key, entry);
    const [g, jimok] = [this.g, this.jimok];
    const ratio = Math.min(3, Math.max(1, Math.round(globalThis.devicePixelRatio || 1)));
    const size = TILE_CSS * ratio;
    this.fetchTile(g, { z, x, y, size, ratio }, jimok).then(
      (bitmap) => {
        if (g !== this.g || jimok !== this.jimok || this.tiles.get(key) !== entry) {
          bitmap?.close();
          return;
        }
        if (!bitmap) entry.el = "empty";
        else {
          const el = document.createElement("canvas");
          el.width = bitmap.width;
          el.height = bitmap.height;
          Object.assign(el.style, {
            position: "absolute",
            left: "0",
            top: "0",
            width: `${TILE_CSS}px`,
            height: `${TILE_CSS}px`,
            transformOrigin: "0 0",
            // Its own compositor layer: a pan moves it without painting it again.
            willChange: "transform",
          });
          const ctx = el.getContext("bitmaprenderer");
          if (ctx) ctx.transferFromImageBitmap(bitmap);
          else {
            el.getContext("2d")?.drawImage(bitmap, 0, 0);
            bitmap.close();
          }
          entry.el = el;
        }
        this.later();
      },
      () => {
        // Closed or failed: asked again when next in view.
        if (this.tiles.get(key) === entry) this.tiles.delete(key);
      },
    );
    return entry;
  }

  /** Place the tiles again at the next frame (a tile arrived). */
  private later(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  }

  /** Put each tile in view where the map is now; ask for the ones missing. */
  place(): void {
    const map = this.map;
    const zoom = map.getZoom();
    const pitched = map.getPitch() > 0.01;
    if (pitched !== this.pitched) {
      this.pitched = pitched;
      this.onPitched(pitched);
    }
    if (this.g === 0 || pitched || zoom < this.min || zoom >= this.max) {
      this.box.style.display = "none";
      this.whole = false;
      return;
    }
    this.box.style.display = "";
    this.clock++;
    const z = rasterTileZoom(zoom);
    const wanted = this.inView(z);
    let complete = true;
    for (const [x, y] of wanted) {
      const e = this.tiles.get(this.key(z, x, y)) ?? this.request(z, x, y);
      e.used = this.clock;
      if (e.el === null) complete = false;
    }
    // Until a new zoom's tiles are all in, the last complete zoom stays (none doubled).
    if (complete || this.shownZ === 0) this.shownZ = z;
    this.whole = complete;
    const showZ = this.shownZ;
    const shown = new Set<HTMLCanvasElement>();
    const dpr = globalThis.devicePixelRatio || 1;
    for (const [x, y] of showZ === z ? wanted : this.inView(showZ)) {
      const e = this.tiles.get(this.key(showZ, x, y));
      if (!(e?.el instanceof HTMLCanvasElement)) continue;
      e.used = this.clock;
      const [lng0, lat0] = cornerOf(x, y, showZ);
      const [lng1, lat1] = cornerOf(x + 1, y, showZ);
      const p0 = map.project([lng0, lat0]);
      const p1 = map.project([lng1, lat1]);
      const angle = Math.atan2(p1.y - p0.y, p1.x - p0.x);
      const scale = Math.hypot(p1.x - p0.x, p1.y - p0.y) / TILE_CSS;
      // At one tile pixel a screen pixel, on whole device pixels: not blurred by resampling.
      const upright = Math.abs(angle) < 1e-6 && Math.abs(scale - 1) < 1e-4;
      const at = (v: number) => (upright ? Math.round(v * dpr) / dpr : v);
      e.el.style.transform = upright
        ? `translate(${at(p0.x)}px, ${at(p0.y)}px)`
        : `translate(${p0.x}px, ${p0.y}px) rotate(${angle}rad) scale(${scale})`;
      if (e.el.parentNode !== this.box) this.box.append(e.el);
      shown.add(e.el);
    }
    for (const el of [...this.box.children]) if (!shown.has(el as HTMLCanvasElement)) el.remove();
    this.evict();
  }

  /** Drop the least recently used tiles beyond KEEP (never one shown or asked for). */
  private evict(): void {
    if (this.tiles.size <= KEEP) return;
    const old = [...this.tiles].filter(([, e]) => e.used < this.clock && e.el !== null);
    old.sort((a, b) => a[1].used - b[1].used);
    for (const [key, e] of old.slice(0, this.tiles.size - KEEP)) {
      this.drop(e);
      this.tiles.delete(key);
    }
  }
}
