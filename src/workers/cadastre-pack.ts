/**
 * The cadastre Worker's 필지 packed into one binary buffer a layer, as they are kept between
 * visits (cadastre-keep.ts): columns of typed arrays instead of 300,000 records, so a reload
 * restores a 시·군 without reading its Shapefile again (no .dbf decoding, no reprojection).
 *
 * Layout (little-endian): a 64-byte header (magic `CZDP`, format version, counts, the byte
 * length, a checksum of everything after the header), then sections each padded to 8 bytes:
 * per 필지 the geometry type (Polygon or MultiPolygon), the polygon / ring / position offsets
 * (Uint32), the coordinates (Float64, exactly as read, in WGS84), each text column as one UTF-8
 * run with the UTF-16 end of each value, SGG_OID (Float64) with its null flags.
 *
 * `unpackPilji` checks everything before returning anything (magic, version, lengths, checksum,
 * offsets in bounds and rising): a stale, truncated or damaged buffer is refused as a whole
 * (`PackRefused`), never returned as half a cadastre.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { Pilji } from "../../geo/cadastre/types";

/** Bumped whenever the layout or the reader's output (Pilji) changes: older buffers are refused. */
export const PACK_VERSION = 1;

const MAGIC = 0x5044_5a43; // "CZDP" read as a little-endian Uint32
const HEADER = 64;

/** Why a kept buffer was refused: another format version, or not what was written (cut, damaged). */
export class PackRefused extends Error {
  constructor(
    readonly why: "format" | "damaged",
    detail: string,
  ) {
    super(`${why}: ${detail}`);
    this.name = "PackRefused";
  }
}

/** `unpackPilji` reports the 필지 built every this many (a restore's progress). */
const UNPACK_PROGRESS_EVERY = 5000;

const TEXT_COLUMNS = ["pnu", "jibun", "jimok", "bchk", "colAdmSe"] as const;

const pad8 = (n: number): number => (n + 7) & ~7;

/**
 * FNV-1a over 32-bit words, then any last bytes (`bytes` must start 4-byte aligned). Catches a cut
 * or a changed byte at about 20 ms for 80 MB; not a defence against tampering.
 */
export function checksum(bytes: Uint8Array): number {
  const n = bytes.byteLength >>> 2;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, n);
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ (words[i] as number), 0x01000193);
  for (let i = 4 * n; i < bytes.byteLength; i++)
    h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h >>> 0;
}

/** One 필지's polygons as a list, whatever its type. */
const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === "Polygon" ? [g.coordinates] : g.coordinates;

/**
 * The 필지 as one buffer (its own ArrayBuffer, to be stored or transferred). Throws if a 필지's
 * positions are not all of one dimension (the reader gives 2, or 3 for a PolygonZ file).
 */
export function packPilji(pilji: readonly Pilji[]): ArrayBuffer {
  const count = pilji.length;
  let nPolys = 0;
  let nRings = 0;
  let nPos = 0;
  let dim = 0;
  for (const p of pilji) {
    for (const poly of polygonsOf(p.geometry)) {
      nPolys++;
      for (const ring of poly) {
        nRings++;
        nPos += ring.length;
        for (const pos of ring) {
          if (dim === 0) dim = pos.length;
          else if (pos.length !== dim) throw new Error("positions of mixed dimensions");
        }
      }
    }
  }
  if (dim === 0) dim = 2;
  const enc = new TextEncoder();
  const texts = TEXT_COLUMNS.map((col) => {
    const ends = new Uint32Array(count);
    let end = 0;
    const parts: string[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const s = (pilji[i] as Pilji)[col];
      parts[i] = s;
      end += s.length;
      ends[i] = end;
    }
    return { ends, utf8: enc.encode(parts.join("")) };
  });

  const sizes = [
    count, // geometry types
    4 * (count + 1), // polygon starts
    4 * (nPolys + 1), // ring starts
    4 * (nRings + 1), // position starts
    8 * nPos * dim, // coordinates
    ...texts.flatMap((t) => [4 * count, t.utf8.byteLength]),
    8 * count, // SGG_OID
    count, // SGG_OID null flags
  ];
  const offsets: number[] = [];
  let at = HEADER + pad8(4 * sizes.length);
  for (const s of sizes) {
    offsets.push(at);
    at += pad8(s);
  }
  const buffer = new ArrayBuffer(at);
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  const u32 = (section: number, n: number) => new Uint32Array(buffer, offsets[section], n);

  const types = new Uint8Array(buffer, offsets[0], count);
  const polyStart = u32(1, count + 1);
  const ringStart = u32(2, nPolys + 1);
  const posStart = u32(3, nRings + 1);
  const coords = new Float64Array(buffer, offsets[4], nPos * dim);
  let poly = 0;
  let ring = 0;
  let pos = 0;
  let c = 0;
  for (let i = 0; i < count; i++) {
    const g = (pilji[i] as Pilji).geometry;
    types[i] = g.type === "Polygon" ? 0 : 1;
    polyStart[i] = poly;
    for (const rings of polygonsOf(g)) {
      ringStart[poly++] = ring;
      for (const r of rings) {
        posStart[ring++] = pos;
        for (const p of r) {
          for (let d = 0; d < dim; d++) coords[c++] = p[d] as number;
          pos++;
        }
      }
    }
  }
  polyStart[count] = poly;
  ringStart[nPolys] = ring;
  posStart[nRings] = pos;
  texts.forEach((t, k) => {
    u32(5 + 2 * k, count).set(t.ends);
    bytes.set(t.utf8, offsets[6 + 2 * k]);
  });
  const oidAt = 5 + 2 * TEXT_COLUMNS.length;
  const oids = new Float64Array(buffer, offsets[oidAt], count);
  const nulls = new Uint8Array(buffer, offsets[oidAt + 1], count);
  for (let i = 0; i < count; i++) {
    const oid = (pilji[i] as Pilji).sggOid;
    if (oid === null) nulls[i] = 1;
    else oids[i] = oid;
  }

  view.setUint32(0, MAGIC, true);
  view.setUint32(4, PACK_VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, dim, true);
  view.setUint32(16, nPolys, true);
  view.setUint32(20, nRings, true);
  view.setUint32(24, nPos, true);
  view.setUint32(28, sizes.length, true);
  view.setFloat64(32, buffer.byteLength, true);
  for (const [k, s] of sizes.entries()) view.setUint32(HEADER + 4 * k, s, true);
  view.setUint32(40, checksum(bytes.subarray(HEADER)), true);
  return buffer;
}

/** The header's format version, or null when this is no pack at all (too short, other magic). */
export function packVersion(bytes: Uint8Array): number | null {
  if (bytes.byteLength < HEADER) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(0, true) === MAGIC ? view.getUint32(4, true) : null;
}

function rising(a: Uint32Array, last: number, what: string): void {
  if (a[0] !== 0 || a[a.length - 1] !== last) throw new PackRefused("damaged", `${what} ends`);
  for (let i = 1; i < a.length; i++) {
    if ((a[i] as number) < (a[i - 1] as number)) throw new PackRefused("damaged", `${what} order`);
  }
}

/**
 * The 필지 a buffer of `packPilji` holds, equal to those packed; refuses (PackRefused) a buffer of
 * another version, a cut one, or one whose checksum or offsets don't hold, before building any.
 * `onProgress` gets the count built so far, every few thousand 필지.
 */
export function unpackPilji(
  input: ArrayBuffer | Uint8Array,
  onProgress?: (built: number) => void,
): Pilji[] {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const version = packVersion(bytes);
  if (version === null) throw new PackRefused("damaged", "not a kept cadastre");
  if (version !== PACK_VERSION) throw new PackRefused("format", `version ${version}`);
  // Typed-array views need aligned offsets: copy a misaligned input once.
  const own = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const { buffer, byteOffset: base } = own;
  const view = new DataView(buffer, base, own.byteLength);
  const length = view.getFloat64(32, true);
  if (length !== own.byteLength) {
    throw new PackRefused("damaged", `${own.byteLength} bytes where ${length} were written`);
  }
  const count = view.getUint32(8, true);
  const dim = view.getUint32(12, true);
  const nPolys = view.getUint32(16, true);
  const nRings = view.getUint32(20, true);
  const nPos = view.getUint32(24, true);
  const nSections = view.getUint32(28, true);
  if (nSections !== 7 + 2 * TEXT_COLUMNS.length || dim < 2 || dim > 4) {
    throw new PackRefused("damaged", "header");
  }
  if (checksum(own.subarray(HEADER)) !== view.getUint32(40, true)) {
    throw new PackRefused("damaged", "checksum");
  }
  const sizes: number[] = [];
  const offsets: number[] = [];
  let at = HEADER + pad8(4 * nSections);
  for (let k = 0; k < nSections; k++) {
    const s = view.getUint32(HEADER + 4 * k, true);
    sizes.push(s);
    offsets.push(base + at);
    at += pad8(s);
  }
  const expected = [count, 4 * (count + 1), 4 * (nPolys + 1), 4 * (nRings + 1), 8 * nPos * dim];
  if (at !== own.byteLength || expected.some((s, k) => sizes[k] !== s)) {
    throw new PackRefused("damaged", "section sizes");
  }
  const u32 = (section: number, n: number) => new Uint32Array(buffer, offsets[section], n);
  const types = new Uint8Array(buffer, offsets[0], count);
  const polyStart = u32(1, count + 1);
  const ringStart = u32(2, nPolys + 1);
  const posStart = u32(3, nRings + 1);
  const coords = new Float64Array(buffer, offsets[4], nPos * dim);
  rising(polyStart, nPolys, "polygon");
  rising(ringStart, nRings, "ring");
  rising(posStart, nPos, "position");

  const dec = new TextDecoder("utf-8", { fatal: true });
  const columns = TEXT_COLUMNS.map((_, k) => {
    const ends = u32(5 + 2 * k, count);
    if (sizes[5 + 2 * k] !== 4 * count) throw new PackRefused("damaged", "text ends");
    let text: string;
    try {
      text = dec.decode(new Uint8Array(buffer, offsets[6 + 2 * k], sizes[6 + 2 * k]));
    } catch {
      throw new PackRefused("damaged", "text");
    }
    const all = new Uint32Array(count + 1);
    all.set(ends, 1);
    rising(all, text.length, "text");
    return (i: number) => text.slice(all[i], all[i + 1]);
  });
  const oidAt = 5 + 2 * TEXT_COLUMNS.length;
  if (sizes[oidAt] !== 8 * count || sizes[oidAt + 1] !== count) {
    throw new PackRefused("damaged", "SGG_OID");
  }
  const oids = new Float64Array(buffer, offsets[oidAt], count);
  const nulls = new Uint8Array(buffer, offsets[oidAt + 1], count);

  const [pnu, jibun, jimok, bchk, colAdmSe] = columns as [
    (i: number) => string,
    (i: number) => string,
    (i: number) => string,
    (i: number) => string,
    (i: number) => string,
  ];
  const out: Pilji[] = new Array(count);
  let c = 0;
  for (let i = 0; i < count; i++) {
    const polys: Position[][][] = [];
    for (let q = polyStart[i] as number; q < (polyStart[i + 1] as number); q++) {
      const rings: Position[][] = [];
      for (let r = ringStart[q] as number; r < (ringStart[q + 1] as number); r++) {
        const n = (posStart[r + 1] as number) - (posStart[r] as number);
        const ring: Position[] = new Array(n);
        for (let j = 0; j < n; j++) {
          if (dim === 2) ring[j] = [coords[c] as number, coords[c + 1] as number];
          else ring[j] = Array.from(coords.subarray(c, c + dim));
          c += dim;
        }
        rings.push(ring);
      }
      polys.push(rings);
    }
    const type = types[i];
    if (type !== 0 && type !== 1) throw new PackRefused("damaged", "geometry type");
    if (type === 0 && polys.length !== 1) throw new PackRefused("damaged", "polygon parts");
    const geometry: Polygon | MultiPolygon =
      type === 0
        ? { type: "Polygon", coordinates: polys[0] as Position[][] }
        : { type: "MultiPolygon", coordinates: polys };
    out[i] = {
      pnu: pnu(i),
      jibun: jibun(i),
      jimok: jimok(i),
      bchk: bchk(i),
      sggOid: nulls[i] ? null : (oids[i] as number),
      colAdmSe: colAdmSe(i),
      geometry,
    };
    if (onProgress && (i + 1) % UNPACK_PROGRESS_EVERY === 0) onProgress(i + 1);
  }
  return out;
}
