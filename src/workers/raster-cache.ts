/**
 * The cadastre Worker's last drawn raster tiles, so a tile asked for twice is drawn once: at
 * rest MapLibre's raster layer and, for the moves, the overlay of compositor-placed canvases
 * (src/map/cadastre-overlay.ts) ask for the same tiles of the same view, moments apart. Each
 * asker is handed a copy (`createImageBitmap`), since a bitmap sent to the page is transferred.
 * Bounded by the tiles' pixel bytes, least recently used dropped first.
 */

/** 32 MB of pixels: 128 tiles at pixel ratio 1, 32 at ratio 2 (a view is about 30 tiles). */
export const CACHE_BYTES = 32 * 2 ** 20;

export interface CachedTile {
  /** null where no 필지 lies (nothing drawn). */
  bitmap: ImageBitmap | null;
}

/** The key of a tile: its generation, zoom and place, pixel size and colours. */
export function tileKey(t: {
  generation: number;
  z: number;
  x: number;
  y: number;
  size: number;
  jimok: boolean;
}): string {
  return `${t.generation}/${t.z}/${t.x}/${t.y}/${t.size}/${t.jimok ? 1 : 0}`;
}

const bytesOf = (b: ImageBitmap | null) => (b ? b.width * b.height * 4 : 0);

export class RasterCache {
  private readonly tiles = new Map<string, CachedTile>();
  private bytes = 0;

  constructor(private readonly budget = CACHE_BYTES) {}

  /** The tile kept under `key`, now the most recently used, or undefined. */
  get(key: string): CachedTile | undefined {
    const t = this.tiles.get(key);
    if (!t) return undefined;
    this.tiles.delete(key);
    this.tiles.set(key, t);
    return t;
  }

  /** Keep a tile (the cache owns `bitmap` from now on and closes it when dropped). */
  put(key: string, bitmap: ImageBitmap | null): void {
    this.remove(key);
    this.tiles.set(key, { bitmap });
    this.bytes += bytesOf(bitmap);
    for (const [k] of this.tiles) {
      if (this.bytes <= this.budget || this.tiles.size <= 1) break;
      this.remove(k);
    }
  }

  /** Drop every tile (a new generation: the old tiles are never asked for again). */
  clear(): void {
    for (const k of [...this.tiles.keys()]) this.remove(k);
  }

  get size(): number {
    return this.tiles.size;
  }

  private remove(key: string): void {
    const t = this.tiles.get(key);
    if (!t) return;
    this.tiles.delete(key);
    this.bytes -= bytesOf(t.bitmap);
    t.bitmap?.close();
  }
}
