/**
 * A dBase III attribute table (.dbf) read into rows. Not shpjs's parsedbf: that decodes with
 * TextDecoder, whose Node "euc-kr" drops half of CP949 (see cp949.ts), and it ignores the
 * deletion flag. Field names are decoded too: Korean tables name fields 이름, 면적 ….
 */
import { FilingError } from "../errors";
import type { DbfProblem } from "../errors/params";
import { record } from "../own";
import { decodeText, type TextEncodingId } from "./text";

export interface DbfTable {
  fields: { name: string; type: string }[];
  /** One per record, null for a record flagged deleted. */
  rows: (Record<string, string | number | boolean | null> | null)[];
}

export interface DbfHeader {
  records: number;
  headerBytes: number;
  recordBytes: number;
}

function bad(
  problem: DbfProblem,
  more: { records?: number; bytes?: number; needed?: number } = {},
): FilingError {
  return new FilingError({ code: "BAD_FILE", params: { kind: "DBF", problem, ...more } });
}

/** The header's record count and sizes; throws when the bytes can't hold what it claims. */
export function dbfHeader(bytes: Uint8Array): DbfHeader {
  if (bytes.length < 33) throw bad("HEADER_CUT");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = {
    records: view.getUint32(4, true),
    headerBytes: view.getUint16(8, true),
    recordBytes: view.getUint16(10, true),
  };
  const needed = header.headerBytes + header.records * header.recordBytes;
  if (header.headerBytes < 33 || header.recordBytes < 1 || bytes.length < needed) {
    throw bad("TOO_SHORT", { records: header.records, bytes: bytes.length, needed });
  }
  return header;
}

/** The bytes holding text (field names and records), for encoding detection. */
export function dbfTextBytes(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(32);
}

function value(raw: string, type: string): string | number | boolean | null {
  const text = raw.replace(/\0/g, "").trim();
  if (type === "N" || type === "F") {
    if (text === "" || /^\*+$/.test(text)) return null;
    const n = Number(text);
    return Number.isFinite(n) ? n : null;
  }
  if (type === "L") return text === "" || text === "?" ? null : /^[TtYy]/.test(text);
  return text;
}

/** Where each field lies in a record. */
export interface DbfLayout {
  fields: { name: string; type: string; offset: number; size: number }[];
  header: DbfHeader;
}

/** The header and the fields' layout, names decoded in `encoding`. */
export function dbfLayout(bytes: Uint8Array, encoding: TextEncodingId): DbfLayout {
  const header = dbfHeader(bytes);
  const fields: DbfLayout["fields"] = [];
  let offset = 1;
  for (let at = 32; at + 32 <= header.headerBytes && bytes[at] !== 0x0d; at += 32) {
    const nameBytes = bytes.subarray(at, at + 11);
    const end = nameBytes.indexOf(0);
    const name = decodeText(end < 0 ? nameBytes : nameBytes.subarray(0, end), encoding).trim();
    const size = bytes[at + 16] ?? 0;
    fields.push({ name, type: String.fromCharCode(bytes[at + 11] ?? 67), offset, size });
    offset += size;
  }
  if (offset > header.recordBytes) {
    throw bad("FIELDS");
  }
  return { fields, header };
}

/** Record `r` (0-based), or null when it is flagged deleted. */
export function dbfRecord(
  bytes: Uint8Array,
  layout: DbfLayout,
  r: number,
  encoding: TextEncodingId,
): Record<string, string | number | boolean | null> | null {
  const start = layout.header.headerBytes + r * layout.header.recordBytes;
  if (bytes[start] === 0x2a) return null;
  const row = record<string | number | boolean | null>();
  for (const f of layout.fields) {
    const raw = decodeText(bytes.subarray(start + f.offset, start + f.offset + f.size), encoding);
    row[f.name] = value(raw, f.type);
  }
  return row;
}

/** Reads every record, decoding text in `encoding`. */
export function readDbf(bytes: Uint8Array, encoding: TextEncodingId): DbfTable {
  const layout = dbfLayout(bytes, encoding);
  const rows: DbfTable["rows"] = [];
  for (let r = 0; r < layout.header.records; r++) rows.push(dbfRecord(bytes, layout, r, encoding));
  return { fields: layout.fields.map(({ name, type }) => ({ name, type })), rows };
}
