/**
 * The cadastre Worker's cache of its last drawn raster tiles (src/workers/raster-cache.ts): a
 * tile asked for by MapLibre's raster layer and by the overlay is drawn once; the cache keeps
 * to its pixel-byte budget, dropping (and closing) the least recently used first.
 */
import { describe, expect, it } from "vitest";
import { RasterCache, tileKey } from "../../src/workers/raster-cache";

/** A stand-in ImageBitmap: its size, and whether it was closed. */
function bitmap(side: number): ImageBitmap & { closed: boolean } {
  const b = { width: side, height: side, closed: false, close: () => (b.closed = true) };
  return b as unknown as ImageBitmap & { closed: boolean };
}

const tile = (x: number, jimok = false) => ({
  generation: 3,
  z: 16,
  x,
  y: 7,
  size: 256,
  jimok,
});

describe("the raster tile cache", () => {
  it("gives back a tile put under the same key, colours and size part of the key", () => {
    const cache = new RasterCache();
    const b = bitmap(256);
    cache.put(tileKey(tile(1)), b);
    expect(cache.get(tileKey(tile(1)))?.bitmap).toBe(b);
    expect(cache.get(tileKey(tile(1, true)))).toBeUndefined();
    expect(cache.get(tileKey({ ...tile(1), size: 512 }))).toBeUndefined();
    expect(cache.get(tileKey({ ...tile(1), generation: 4 }))).toBeUndefined();
  });

  it("keeps an empty tile (nothing drawn) as null, not as missing", () => {
    const cache = new RasterCache();
    cache.put(tileKey(tile(2)), null);
    expect(cache.get(tileKey(tile(2)))).toEqual({ bitmap: null });
  });

  it("drops and closes the least recently used tile beyond its byte budget", () => {
    // Room for two 256-px tiles.
    const cache = new RasterCache(2 * 256 * 256 * 4);
    const [a, b, c] = [bitmap(256), bitmap(256), bitmap(256)];
    cache.put(tileKey(tile(1)), a);
    cache.put(tileKey(tile(2)), b);
    cache.get(tileKey(tile(1))); // a is now more recent than b
    cache.put(tileKey(tile(3)), c);
    expect(cache.size).toBe(2);
    expect(b.closed).toBe(true);
    expect(cache.get(tileKey(tile(2)))).toBeUndefined();
    expect([a.closed, c.closed]).toEqual([false, false]);
  });

  it("closes every tile it held when cleared", () => {
    const cache = new RasterCache();
    const [a, b] = [bitmap(256), bitmap(512)];
    cache.put(tileKey(tile(1)), a);
    cache.put(tileKey(tile(2)), b);
    cache.clear();
    expect(cache.size).toBe(0);
    expect([a.closed, b.closed]).toEqual([true, true]);
  });
});
