/**
 * Bytes ↔ text for the formats Korean GIS offices exchange: UTF-8 (with or without a BOM) or
 * CP949, and UTF-16 read (Windows "Unicode" text, with or without its BOM). A file that is
 * neither UTF-16 nor valid UTF-8 is taken as CP949; UTF-8 is strict, so CP949 Hangul never
 * passes for it.
 */
import { decodeCp949, encodeCp949 } from "./cp949";

export const TEXT_ENCODINGS = ["utf-8", "cp949"] as const;
export type TextEncodingId = (typeof TEXT_ENCODINGS)[number];

const BOM = [0xef, 0xbb, 0xbf];

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/** true if the bytes are well-formed UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * "utf-16le" or "utf-16be" when the bytes are UTF-16 (Windows Notepad's "Unicode", Excel's
 * "Unicode text"): by the byte-order mark, else by the zero bytes ASCII leaves in every other
 * byte (at least 3 in 8 of one half and none to few in the other: neither UTF-8 nor CP949 text
 * has zero bytes at all). null otherwise.
 */
export function detectUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.375 && evenZero <= pairs * 0.05) return "utf-16le";
  if (evenZero >= pairs * 0.375 && oddZero <= pairs * 0.05) return "utf-16be";
  return null;
}

/** The encoding of `bytes`: UTF-8 when they are valid UTF-8, else CP949. */
export function detectEncoding(bytes: Uint8Array): TextEncodingId {
  return hasBom(bytes) || isUtf8(bytes) ? "utf-8" : "cp949";
}

/** Shared: a .dbf decodes every field separately, and a decoder per call costs more than the field. */
const utf8 = new TextDecoder("utf-8");

/**
 * Bytes → text, in the given encoding or the detected one (UTF-16 with or without its BOM too);
 * a byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array, encoding?: TextEncodingId): string {
  const utf16 = encoding === undefined ? detectUtf16(bytes) : null;
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  const enc = encoding ?? detectEncoding(bytes);
  if (enc === "cp949") return decodeCp949(bytes);
  return utf8.decode(hasBom(bytes) ? bytes.subarray(3) : bytes);
}

/** Text → bytes; `bom` prefixes UTF-8 with a BOM (Excel needs it to read Korean CSV). */
export function encodeText(text: string, encoding: TextEncodingId, bom = false): Uint8Array {
  if (encoding === "cp949") return encodeCp949(text);
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set(BOM);
  out.set(body, 3);
  return out;
}

/**
 * A Shapefile .cpg's content → an encoding: "UTF-8", "65001", "CP949", "949", "EUC-KR",
 * "ANSI 949", "ks_c_5601-1987" …; null for one we can't honour (the caller then detects).
 */
export function encodingFromCpg(cpg: string): TextEncodingId | null {
  const name = cpg
    .trim()
    .toUpperCase()
    .replace(/^ANSI\s*/, "");
  if (/^(UTF-?8|65001)$/.test(name)) return "utf-8";
  if (/^(CP|MS|WINDOWS-|X-WINDOWS-)?949$|^EUC-?KR$|^KS_?C_?5601/.test(name)) return "cp949";
  return null;
}

/**
 * The largest text file (GeoJSON, CSV): parsed whole into objects, 64 MB of coordinates
 * already take over a gigabyte of heap, and a million positions fit in some 30 MB.
 */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;
