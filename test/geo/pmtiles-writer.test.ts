/** The test archives read back by the pmtiles library itself: header, metadata and tiles. */
import { PMTiles, type RangeResponse, type Source, TileType } from "pmtiles";
import { describe, expect, it } from "vitest";
import {
  KOREA_BOUNDS,
  sigunguVectorArchive,
  solidPng,
  solidRasterArchive,
} from "../support/pmtiles-writer";

class BufferSource implements Source {
  constructor(private readonly bytes: Buffer) {}
  getKey(): string {
    return "buffer";
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const b = this.bytes.subarray(offset, offset + length);
    return { data: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
  }
}

describe("the test PMTiles writer", () => {
  it("writes a vector archive of the 시·군·구 that pmtiles reads: header, layers, a 진주 tile", async () => {
    const archive = new PMTiles(new BufferSource(sigunguVectorArchive(5, 8)));
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(TileType.Mvt);
    expect([header.minZoom, header.maxZoom]).toEqual([5, 8]);
    expect(header.minLon).toBeCloseTo(KOREA_BOUNDS[0], 5);
    const metadata = (await archive.getMetadata()) as { vector_layers: { id: string }[] };
    expect(metadata.vector_layers.map((l) => l.id)).toEqual(["sigungu"]);
    // 진주 (35.18°N, 128.11°E) at zoom 8 is tile 219/101.
    const tile = await archive.getZxy(8, 219, 101);
    expect(tile).toBeDefined();
    // pmtiles ungzips it (the header declares gzip tiles).
    const mvt = Buffer.from(tile?.data ?? new ArrayBuffer(0));
    // An MVT layer named "sigungu" holding 진주시's name among its values.
    expect(mvt.includes(Buffer.from("sigungu"))).toBe(true);
    expect(mvt.includes(Buffer.from("진주시"))).toBe(true);
    expect(await archive.getZxy(8, 0, 0)).toBeUndefined();
  });

  it("writes a raster archive whose tiles are the PNG given", async () => {
    const bounds: [number, number, number, number] = [127.5, 35, 128.5, 35.5];
    const archive = new PMTiles(new BufferSource(solidRasterArchive("#7048e8", bounds, 6, 9)));
    const header = await archive.getHeader();
    expect(header.tileType).toBe(TileType.Png);
    const tile = await archive.getZxy(9, 437, 202);
    expect(Buffer.from(tile?.data ?? new ArrayBuffer(0)).equals(solidPng("#7048e8"))).toBe(true);
  });
});
