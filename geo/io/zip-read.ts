/**
 * A ZIP reader that accounts for every byte: the central directory is read first, so the entry
 * count and the sizes the entries declare are bounded before anything is inflated; inflating
 * stops the moment an entry grows past what it declared (a ZIP bomb), and every entry's CRC-32
 * is checked. Stored and deflated entries only: what GIS tools and the OS write.
 */
import { Inflate } from "fflate";
import { FilingError } from "../errors";
import type { ErrorParams, ZipDamage } from "../errors/params";
import { excerpt } from "../sanitize";
import { decodeText } from "./text";

export interface ZipLimits {
  /** Entries in the central directory (every one, read or not). */
  maxEntries: number;
  /** Bytes the read entries may inflate to, together. */
  maxTotalBytes: number;
}

/** Far above any real filing (a zone's Shapefile is kilobytes; a 시·군·구 layer a few MB). */
export const ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxTotalBytes: 200 * 1024 * 1024 };

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

interface DirectoryEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function bad(params: ErrorParams["BAD_FILE"]): FilingError {
  return new FilingError({ code: "BAD_FILE", params });
}

const damaged = (damage: ZipDamage, at: { entry?: string; index?: number } = {}): FilingError =>
  bad({ kind: "ZIP_DAMAGED", damage, ...at });

/** The end-of-central-directory record: the last 22 bytes, or up to 64 KB earlier with a comment. */
function findEnd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  throw damaged("NO_END");
}

function directory(bytes: Uint8Array, limits: ZipLimits): DirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw damaged("TOO_SHORT");
  const end = findEnd(view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    throw bad({ kind: "ZIP64" });
  }
  if (count > limits.maxEntries) {
    throw bad({ kind: "ZIP_TOO_MANY_ENTRIES", count, limit: limits.maxEntries });
  }
  if (offset + size > end) throw damaged("DIRECTORY_CUT");
  const entries: DirectoryEntry[] = [];
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) {
      throw damaged("DIRECTORY_ENTRY", { index: k + 1 });
    }
    const nameLength = view.getUint16(at + 28, true);
    const next =
      at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > end) throw damaged("DIRECTORY_CUT");
    entries.push({
      name: decodeText(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  return entries;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** Raw deflate, refusing to grow past `size` bytes: a bomb stops at its declared size. */
function inflate(data: Uint8Array, entry: DirectoryEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let length = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (length + chunk.length > out.length) {
      throw bad({ kind: "ZIP_BOMB", entry: excerpt(entry.name), size: entry.size });
    }
    out.set(chunk, length);
    length += chunk.length;
    if (final) ended = true;
  });
  const step = 256 * 1024;
  try {
    for (let at = 0; at < data.length && !ended; at += step) {
      inflater.push(data.subarray(at, at + step), at + step >= data.length);
    }
  } catch (e) {
    if (e instanceof FilingError) throw e;
    ended = false;
  }
  if (!ended || length !== entry.size) {
    throw damaged("CANT_INFLATE", { entry: excerpt(entry.name) });
  }
  return out;
}

function entryBytes(bytes: Uint8Array, entry: DirectoryEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) {
    throw damaged("NO_LOCAL_HEADER", { entry: excerpt(entry.name) });
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) {
    throw damaged("ENTRY_CUT", { entry: excerpt(entry.name) });
  }
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.size) {
      throw damaged("WRONG_SIZE", { entry: excerpt(entry.name) });
    }
    return data;
  }
  if (entry.method === 8) return inflate(data, entry);
  throw bad({ kind: "ZIP_METHOD", entry: excerpt(entry.name), method: entry.method });
}

/**
 * The entries whose names `wanted` accepts, inflated and checked (size, CRC-32). Throws BAD_FILE
 * when the ZIP is damaged, encrypted, or bigger than `limits`, before inflating anything big.
 */
export function readZip(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = ZIP_LIMITS,
): ZipEntry[] {
  const entries = directory(bytes, limits).filter((e) => wanted(e.name));
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxTotalBytes) {
    throw bad({ kind: "ZIP_TOO_LARGE", bytes: total, limit: limits.maxTotalBytes });
  }
  return entries.map((entry) => {
    if (entry.flags & 1) {
      throw bad({ kind: "ZIP_ENCRYPTED", entry: excerpt(entry.name) });
    }
    const data = entryBytes(bytes, entry);
    if (crc32(data) !== entry.crc) {
      throw damaged("CRC", { entry: excerpt(entry.name) });
    }
    return { name: entry.name, bytes: data };
  });
}
