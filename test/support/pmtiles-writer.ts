/**
 * A tiny PMTiles v3 writer for the tests (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * the 127-byte header, one root directory (no leaf directories, so at most a few hundred tiles),
 * JSON metadata, then the tile data in tile-id order. Directory and metadata are uncompressed
 * (internal compression 1, "none"); tiles are stored as given, their compression declared.
 * Also the test archives themselves: vector tiles of our 시·군·구 (public/data/sigungu.json)
 * encoded by geojson-vt and vt-pbf, and raster archives of one-colour PNG tiles.
 */
import { readFileSync } from "node:fs";
import { deflateSync, gzipSync } from "node:zlib";
import type { FeatureCollection } from "geojson";
import GeoJSONVT from "geojson-vt";
import { zxyToTileId } from "pmtiles";
import { fromGeojsonVt } from "vt-pbf";

export const TILE_TYPE = { mvt: 1, png: 2 } as const;
const COMPRESSION = { none: 1, gzip: 2 } as const;

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveOptions {
  tileType: (typeof TILE_TYPE)[keyof typeof TILE_TYPE];
  tileCompression: keyof typeof COMPRESSION;
  bounds: [number, number, number, number];
  metadata: Record<string, unknown>;
}

function varints(values: number[]): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return out;
}

/** The bytes of a PMTiles v3 archive holding `tiles` (each tile its own entry, run length 1). */
export function writePmtiles(tiles: ArchiveTile[], options: ArchiveOptions): Buffer {
  const entries = tiles
    .map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data, z: t.z }))
    .sort((a, b) => a.id - b.id);
  let offset = 0;
  const placed = entries.map((e) => {
    const at = offset;
    offset += e.data.length;
    return { ...e, offset: at };
  });
  // The directory: count; tile-id deltas; run lengths; lengths; offsets (0 = right after the last).
  const ids = placed.map((e, i) => e.id - (i === 0 ? 0 : (placed[i - 1]?.id ?? 0)));
  const offsets = placed.map((e, i) => {
    const prev = placed[i - 1];
    return prev && e.offset === prev.offset + prev.data.length ? 0 : e.offset + 1;
  });
  const directory = Buffer.from(
    varints([
      placed.length,
      ...ids,
      ...placed.map(() => 1),
      ...placed.map((e) => e.data.length),
      ...offsets,
    ]),
  );
  const metadata = Buffer.from(JSON.stringify(options.metadata), "utf8");
  const tileData = Buffer.concat(placed.map((e) => e.data));
  const header = Buffer.alloc(127);
  header.write("PMTiles", 0, "ascii");
  header.writeUInt8(3, 7);
  const rootOffset = 127;
  const metadataOffset = rootOffset + directory.length;
  const dataOffset = metadataOffset + metadata.length;
  const u64 = (at: number, v: number) => header.writeBigUInt64LE(BigInt(v), at);
  u64(8, rootOffset);
  u64(16, directory.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, dataOffset); // no leaf directories
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, tileData.length);
  u64(72, placed.length);
  u64(80, placed.length);
  u64(88, placed.length);
  header.writeUInt8(1, 96); // clustered: tiles in tile-id order
  header.writeUInt8(COMPRESSION.none, 97);
  header.writeUInt8(COMPRESSION[options.tileCompression], 98);
  header.writeUInt8(options.tileType, 99);
  const zooms = placed.map((e) => e.z);
  header.writeUInt8(Math.min(...zooms), 100);
  header.writeUInt8(Math.max(...zooms), 101);
  const [w, s, e, n] = options.bounds;
  const e7 = (v: number) => Math.round(v * 1e7);
  header.writeInt32LE(e7(w), 102);
  header.writeInt32LE(e7(s), 106);
  header.writeInt32LE(e7(e), 110);
  header.writeInt32LE(e7(n), 114);
  header.writeUInt8(Math.min(...zooms), 118);
  header.writeInt32LE(e7((w + e) / 2), 119);
  header.writeInt32LE(e7((s + n) / 2), 123);
  if (rootOffset + directory.length > 16384) throw new Error("root directory over 16 KiB");
  return Buffer.concat([header, directory, metadata, tileData]);
}

/** The Web Mercator tiles at zoom z covering a lon/lat box. */
export function tilesCovering(
  [w, s, e, n]: [number, number, number, number],
  z: number,
): [number, number][] {
  const n2 = 2 ** z;
  const tx = (lon: number) => Math.floor(((lon + 180) / 360) * n2);
  const ty = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n2);
  };
  const out: [number, number][] = [];
  for (let x = tx(w); x <= tx(e); x++) for (let y = ty(n); y <= ty(s); y++) out.push([x, y]);
  return out;
}

/** 남한's box: every 시·군·구 lies inside it. */
export const KOREA_BOUNDS: [number, number, number, number] = [124.5, 33, 131, 38.7];

/** A vector archive, layer `sigungu` (polygons with `name`), zooms `minZoom`–`maxZoom`, gzip tiles. */
export function sigunguVectorArchive(minZoom = 5, maxZoom = 8): Buffer {
  const sigungu = JSON.parse(readFileSync("public/data/sigungu.json", "utf8")) as FeatureCollection;
  const index = new GeoJSONVT(sigungu, { maxZoom, indexMaxZoom: maxZoom, indexMaxPoints: 0 });
  const tiles: ArchiveTile[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    for (const [x, y] of tilesCovering(KOREA_BOUNDS, z)) {
      const tile = index.getTile(z, x, y);
      if (!tile || tile.features.length === 0) continue;
      tiles.push({ z, x, y, data: gzipSync(fromGeojsonVt({ sigungu: tile }, { version: 2 })) });
    }
  }
  return writePmtiles(tiles, {
    tileType: TILE_TYPE.mvt,
    tileCompression: "gzip",
    bounds: KOREA_BOUNDS,
    metadata: {
      name: "test 시·군·구",
      attribution: "통계청 SGIS 2018 (test)",
      vector_layers: [
        { id: "sigungu", fields: { name: "String" }, minzoom: minZoom, maxzoom: maxZoom },
      ],
    },
  });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A 256 × 256 PNG of one colour (#rrggbb), written by hand: no image library. */
export function solidPng(hex: string): Buffer {
  const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const row = Buffer.from([0, ...Array.from({ length: 256 }, () => rgb).flat()]);
  const raw = Buffer.concat(Array.from({ length: 256 }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0);
  ihdr.writeUInt32BE(256, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A raster archive of one-colour PNG tiles over `bounds`, zooms `minZoom`–`maxZoom`. */
export function solidRasterArchive(
  hex: string,
  bounds: [number, number, number, number],
  minZoom = 5,
  maxZoom = 9,
): Buffer {
  const png = solidPng(hex);
  const tiles: ArchiveTile[] = [];
  for (let z = minZoom; z <= maxZoom; z++)
    for (const [x, y] of tilesCovering(bounds, z)) tiles.push({ z, x, y, data: png });
  return writePmtiles(tiles, {
    tileType: TILE_TYPE.png,
    tileCompression: "none",
    bounds,
    metadata: { name: `test raster ${hex}` },
  });
}
