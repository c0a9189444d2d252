/**
 * A parcel's own attributes (지구명, 용도, 면적비고 … kept from an import) as dBase fields. A
 * field name holds at most 10 bytes in the table's encoding (UTF-8 with a .cpg, or CP949), so
 * a long or Korean name is cut on a character boundary, and names that then collide with each
 * other or with the fields the writer adds itself get `_1`, `_2` … in the order the attributes
 * first appear: the same zone always gives the same table.
 */
import { decodeText, encodeText, type TextEncodingId } from "./text";

/** The most bytes a dBase field name holds. */
export const FIELD_NAME_BYTES = 10;
/**
 * The most attribute fields written: dBase III's 128 fields less the writer's own four. A
 * record of 254-byte text fields then stays well inside the format's 65,535 bytes.
 */
export const MAX_ATTRIBUTE_FIELDS = 124;

/** `text` cut to at most `max` bytes in `encoding`, never inside a character. */
export function cutToBytes(text: string, max: number, encoding: TextEncodingId): string {
  let out = "";
  let used = 0;
  for (const ch of text) {
    const n = encodeText(ch, encoding).length;
    if (used + n > max) break;
    out += ch;
    used += n;
  }
  return out;
}

/** A name as the table will hold it: a character CP949 lacks becomes "?" there, so here too. */
function asWritten(name: string, encoding: TextEncodingId): string {
  return decodeText(encodeText(name, encoding), encoding);
}

/**
 * A field name for each attribute key, in order: control characters dropped, cut to 10 bytes,
 * unique among themselves and against `reserved` regardless of case (GDAL and dBase match
 * field names case-insensitively).
 */
export function dbfFieldNames(
  keys: readonly string[],
  reserved: readonly string[],
  encoding: TextEncodingId,
): Map<string, string> {
  // "__proto__" as a row's key would set the row's prototype instead of a field.
  const taken = new Set([...reserved, "__proto__"].map((r) => r.toLowerCase()));
  const names = new Map<string, string>();
  for (const key of keys) {
    if (names.has(key)) continue;
    const printable = [...key].filter((ch) => ch >= " " && ch !== "\u007f").join("");
    const clean = printable.trim() || "field";
    let name = asWritten(cutToBytes(clean, FIELD_NAME_BYTES, encoding), encoding);
    for (let n = 1; taken.has(name.toLowerCase()); n += 1) {
      const suffix = `_${n}`;
      name = asWritten(cutToBytes(clean, FIELD_NAME_BYTES - suffix.length, encoding), encoding);
      name += suffix;
    }
    taken.add(name.toLowerCase());
    names.set(key, name);
  }
  return names;
}

export type DbfValue = string | number | boolean | null;

/** A value a dBase numeric field holds exactly: plain digits (no exponent), at most 18 characters. */
const fitsNumeric = (v: unknown): v is number =>
  typeof v === "number" && /^-?\d+(\.\d+)?$/.test(String(v)) && String(v).length <= 18;

function asText(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

/**
 * Each key's values as one dBase type for every row: numbers when every value that is there is
 * a number that fits, booleans when every one is a boolean, text otherwise (an object as JSON).
 * A missing or null value stays null (an empty field).
 */
export function dbfColumn(values: readonly unknown[]): DbfValue[] {
  const present = values.filter((v) => v !== null && v !== undefined);
  const numeric = present.every(fitsNumeric);
  const logical = present.length > 0 && present.every((v) => typeof v === "boolean");
  return values.map((v) => {
    if (v === null || v === undefined) return null;
    if (numeric || logical) return v as number | boolean;
    return asText(v);
  });
}

/** The attribute keys of all parcels, in the order they first appear, at most `limit`. */
export function attributeKeys(
  properties: readonly Record<string, unknown>[],
  skip: ReadonlySet<string>,
  limit = Number.POSITIVE_INFINITY,
): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const props of properties) {
    for (const key of Object.keys(props)) {
      if (skip.has(key) || seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
    }
  }
  return keys.slice(0, limit);
}
