/**
 * The attribute table (.dbf, dBase III) of a Shapefile export, written here rather than by
 * shp-write's `dbf` package, which makes every text field 254 bytes wide: a GIS office then
 * sees `name: String(254)` for a ten-character name, and a table of many parcels is mostly
 * padding. A text field here is as wide as its longest value (1–254 bytes); numbers and
 * logicals are as the package wrote them (N 18.3, L 1), so readers see the same types.
 *
 * Rows are keyed by field name and their text is already encoded, one char a byte
 * (shp-write.ts's byteString), so a string's length is its size in bytes.
 */

export type DbfCell = string | number | boolean | null | undefined;

interface Field {
  name: string;
  type: "C" | "N" | "L";
  size: number;
}

const MAX_TEXT = 254;
const NUMBER_SIZE = 18;

/** Each field's type (the last non-empty value's, text when all are empty) and width. */
function fieldsOf(rows: readonly Record<string, DbfCell>[]): Field[] {
  const types = new Map<string, Field["type"]>();
  const widths = new Map<string, number>();
  for (const row of rows) {
    for (const [name, v] of Object.entries(row)) {
      if (!types.has(name)) types.set(name, "C");
      if (v === null || v === undefined) continue;
      types.set(name, typeof v === "number" ? "N" : typeof v === "boolean" ? "L" : "C");
      if (typeof v === "string") widths.set(name, Math.max(widths.get(name) ?? 0, v.length));
    }
  }
  return [...types].map(([name, type]) => ({
    name,
    type,
    size:
      type === "N"
        ? NUMBER_SIZE
        : type === "L"
          ? 1
          : Math.min(MAX_TEXT, Math.max(1, widths.get(name) ?? 1)),
  }));
}

function put(view: DataView, offset: number, text: string, size: number): void {
  for (let i = 0; i < size; i++)
    view.setUint8(offset + i, i < text.length ? text.charCodeAt(i) & 0xff : 0x20);
}

function cellText(f: Field, v: DbfCell): string {
  if (v === null || v === undefined) return f.type === "L" ? "?" : "";
  if (f.type === "L") return v ? "T" : "F";
  if (f.type === "N") return String(v).slice(0, NUMBER_SIZE).padStart(NUMBER_SIZE, " ");
  return String(v).slice(0, f.size);
}

/** A dBase III table of `rows`, its fields in the order they first appear. */
export function writeDbf(rows: readonly Record<string, DbfCell>[], now = new Date()): DataView {
  const fields = fieldsOf(rows);
  const headerBytes = 32 + 32 * fields.length + 1;
  const recordBytes = 1 + fields.reduce((s, f) => s + f.size, 0);
  const view = new DataView(new ArrayBuffer(headerBytes + recordBytes * rows.length + 1));
  view.setUint8(0, 0x03);
  view.setUint8(1, now.getFullYear() - 1900);
  view.setUint8(2, now.getMonth() + 1);
  view.setUint8(3, now.getDate());
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerBytes, true);
  view.setUint16(10, recordBytes, true);
  fields.forEach((f, i) => {
    const at = 32 + i * 32;
    for (let c = 0; c < Math.min(10, f.name.length); c++) {
      view.setUint8(at + c, f.name.charCodeAt(c) & 0xff);
    }
    view.setUint8(at + 11, f.type.charCodeAt(0));
    view.setUint8(at + 16, f.size);
    if (f.type === "N") view.setUint8(at + 17, 3);
  });
  view.setUint8(headerBytes - 1, 0x0d);
  let offset = headerBytes;
  for (const row of rows) {
    view.setUint8(offset, 0x20);
    offset += 1;
    for (const f of fields) {
      put(view, offset, cellText(f, row[f.name]), f.size);
      offset += f.size;
    }
  }
  view.setUint8(offset, 0x1a);
  return view;
}
