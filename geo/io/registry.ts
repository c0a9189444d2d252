/**
 * Every format the project reads and writes, in one list, and the few functions the app and the
 * CLI call: pick a converter, import a zone or hubs, export a zone. A failure anywhere throws one
 * FilingError naming the file, and nothing is returned: never half an import.
 */
import { FilingError, isFilingError } from "../errors";
import { readFiling } from "../filing";
import type { Hub, Zone } from "../types";
import { csv } from "./csv";
import type { Converter, Imported, ReadOptions, WriteOptions } from "./format";
import { geojson, geojson5179, geojson5186 } from "./geojson";
import { readHubs } from "./hubs";
import { shp, shpCp949 } from "./shapefile";
import { type NamedBytes, readShapefileParts } from "./shp-parts";
import { decodeText } from "./text";
import { ZIP_LIMITS } from "./zip-read";

/** Readers are tried in this order for an extension, so the first of a kind is its reader. */
export const CONVERTERS: readonly Converter[] = [
  geojson,
  geojson5186,
  geojson5179,
  shp,
  shpCp949,
  csv,
];

/** The converter with this id ("geojson", "geojson-5186", "geojson-5179", "shp", "shp-cp949", "csv"). */
export function converterById(id: string): Converter {
  const hit = CONVERTERS.find((c) => c.id === id);
  if (hit) return hit;
  const formats = CONVERTERS.map((c) => c.id);
  throw new FilingError({ code: "BAD_FILE", params: { kind: "UNKNOWN_FORMAT", id, formats } });
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** What the bytes look like when the name has no known extension: GeoJSON text or a ZIP. */
function sniff(bytes: Uint8Array): string | null {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return ".zip";
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, "")
    .trimStart();
  return head.startsWith("{") ? ".geojson" : null;
}

/**
 * The reader for a file: by its extension, else (a download saved without one, a pipe) by
 * sniffing the bytes for GeoJSON or a ZIP.
 */
export function readerFor(name: string, bytes?: Uint8Array): Converter {
  const byExtension = (lower: string) =>
    CONVERTERS.find((c) => c.read && c.extensions.some((e) => lower.endsWith(e)));
  const sniffed = bytes ? sniff(bytes) : null;
  const hit = byExtension(name.toLowerCase()) ?? (sniffed ? byExtension(sniffed) : undefined);
  if (hit) return hit;
  const extensions = [...new Set(CONVERTERS.flatMap((c) => c.extensions))];
  throw new FilingError({ code: "BAD_FILE", params: { kind: "UNREADABLE_FORMAT", extensions } });
}

/** The file's name without its folders, as messages name it. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** readHubs picks its parser by extension: keep the user's file name, add the one it needs. */
function withExtension(file: string, ext: string): string {
  return file.toLowerCase().endsWith(ext) ? file : `${file}${ext}`;
}

/** The largest ZIP any reader takes: the bound its contents are held to, too. */
export const MAX_FILE_BYTES = ZIP_LIMITS.maxTotalBytes;

/** Refuses a file past its format's limit before any reader parses it (time and memory bounded). */
function checkSize(bytes: Uint8Array, name: string): void {
  const limit = readerFor(name, bytes).maxReadBytes;
  if (bytes.length <= limit) return;
  throw new FilingError({
    code: "BAD_FILE",
    params: { kind: "TOO_LARGE", bytes: bytes.length, limit },
  });
}

/**
 * Runs `work`; a FilingError comes back with the file's name in front, anything else as BAD_FILE.
 * `bytes`, when given, is size-checked first.
 */
async function naming<T>(name: string, work: () => Promise<T>, bytes?: Uint8Array): Promise<T> {
  try {
    if (bytes) checkSize(bytes, name);
    return await work();
  } catch (e) {
    const file = baseName(name);
    // Readers that already name the file (hub CSV lines) are not named twice.
    if (isFilingError(e)) throw e.inFile(file);
    const why = e instanceof Error ? e.message : String(e);
    throw new FilingError({ code: "BAD_FILE", params: { kind: "CANNOT_READ", file, why } });
  }
}

/** Features (WGS84) from a file of any readable format. */
export function importFeatures(
  bytes: Uint8Array,
  name: string,
  opts: ReadOptions = {},
): Promise<Imported> {
  return naming(
    name,
    async () => {
      const reader = readerFor(name, bytes).read;
      if (!reader) throw new Error("no reader");
      return reader(bytes, name, opts);
    },
    bytes,
  );
}

/** A zone from a filing in any readable format (GeoJSON in any CRS of FILING.md, zipped Shapefile). */
export function importZone(bytes: Uint8Array, name: string, opts: ReadOptions = {}): Promise<Zone> {
  return naming(
    name,
    async () => {
      const reader = readerFor(name, bytes);
      if (reader.reads === "points") {
        throw new FilingError({ code: "NO_PARCEL", params: { kind: "CSV_HAS_NO_PARCELS" } });
      }
      const imported = await (reader.read as NonNullable<Converter["read"]>)(bytes, name, opts);
      const zone = readFiling(
        imported.meta ? { ...imported.collection, czd: imported.meta } : imported.collection,
      );
      return { ...zone, sourceCrs: imported.sourceCrs };
    },
    bytes,
  );
}

/**
 * A zone from a Shapefile's loose parts (.shp, .shx, .dbf, .prj, .cpg picked together), as
 * importZone reads the same parts zipped; a failure names the .shp.
 */
export function importZoneParts(
  files: readonly NamedBytes[],
  opts: ReadOptions = {},
): Promise<Zone> {
  const shpName = files.find((f) => /\.shp$/i.test(f.name))?.name ?? files[0]?.name ?? "";
  return naming(shpName, async () => {
    const imported = readShapefileParts(files, opts);
    return { ...readFiling(imported.collection), sourceCrs: imported.sourceCrs };
  });
}

/** Hubs from a GeoJSON, CSV (UTF-8 or CP949; Korean or English headers) or zipped Shapefile. */
export function importHubs(
  bytes: Uint8Array,
  name: string,
  opts: ReadOptions = {},
): Promise<Hub[]> {
  return naming(
    name,
    async () => {
      const reader = readerFor(name, bytes);
      const file = baseName(name);
      const hubOpts = {
        ...(opts.crs ? { crs: opts.crs } : {}),
        ...(opts.crsHint ? { crsHint: opts.crsHint } : {}),
      };
      if (reader.reads === "points") {
        const text = decodeText(bytes, opts.encoding);
        return readHubs(text, withExtension(file, reader.extensions[0] ?? ""), hubOpts);
      }
      const imported = await (reader.read as NonNullable<Converter["read"]>)(bytes, name, opts);
      return readHubs(JSON.stringify(imported.collection), withExtension(file, ".geojson"), {
        ...(opts.crsHint ? { crsHint: opts.crsHint } : {}),
      });
    },
    bytes,
  );
}

export interface Exported {
  data: Uint8Array | string;
  fileName: string;
  mime: string;
}

/** The zone written in format `id`; `stem` names the file (e.g. "jinju" → "jinju.zip"). */
export async function exportZone(
  zone: Zone,
  id: string,
  stem = "zone",
  opts: WriteOptions = {},
): Promise<Exported> {
  const converter = converterById(id);
  if (!converter.write) {
    throw new FilingError({ code: "BAD_FILE", params: { kind: "CANNOT_WRITE_FORMAT", id } });
  }
  const data = await converter.write(zone, { baseName: stem, ...opts });
  return { data, fileName: exportFileName(stem, converter), mime: converter.mime };
}

/**
 * `stem`, the format's suffix and extension: "jinju-cp949.zip", not "jinju-cp949-cp949.zip"
 * for a zone already named after the CP949 file it came from.
 */
export function exportFileName(
  stem: string,
  converter: Pick<Converter, "fileSuffix" | "extensions">,
): string {
  const suffix = converter.fileSuffix;
  const ext = converter.extensions[0] ?? "";
  let base = stem;
  if (ext && base.toLowerCase().endsWith(ext.toLowerCase())) base = base.slice(0, -ext.length);
  const named = suffix !== "" && base.toLowerCase().endsWith(suffix.toLowerCase());
  return `${base}${named ? "" : suffix}${ext}`;
}
