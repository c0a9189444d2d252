/**
 * A Shapefile picked or dropped as loose files (.shp with its .dbf, .shx, .prj and .cpg) rather
 * than zipped: the parts are grouped by their common name and read as the zip's layers are. A
 * layer missing its .dbf or .shx is refused with a message saying which files to pick together.
 */
import { FilingError } from "../errors";
import type { Imported, ReadOptions } from "./format";
import { type Parts, readLayers } from "./shp-read";
import { ZIP_LIMITS } from "./zip-read";

/** One file as the picker or a drop gives it. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

const PART = /^(.*)\.(shp|shx|dbf|prj|cpg)$/i;

/** true for a file that is one part of a Shapefile (.shp, .shx, .dbf, .prj, .cpg). */
export function isShapefilePart(name: string): boolean {
  return PART.test(name);
}

function missing(stem: string, ext: string): FilingError {
  return new FilingError({ code: "BAD_FILE", params: { kind: "PART_MISSING", stem, ext } });
}

/** The parts by layer name (the file name without its extension). */
function layersOf(files: readonly NamedBytes[]): Map<string, Parts> {
  const layers = new Map<string, Parts>();
  for (const f of files) {
    const m = PART.exec(f.name.split(/[\\/]/).pop() ?? f.name);
    if (!m?.[1] || !m[2]) continue;
    const parts = layers.get(m[1]) ?? {};
    parts[m[2].toLowerCase() as keyof Parts] = f.bytes;
    layers.set(m[1], parts);
  }
  return layers;
}

/**
 * Features (WGS84) from a Shapefile's loose parts; every layer needs its .shp, .shx and .dbf,
 * and the parts together are held to the zip reader's size limit.
 */
export function readShapefileParts(files: readonly NamedBytes[], opts: ReadOptions = {}): Imported {
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > ZIP_LIMITS.maxTotalBytes) {
    const params = {
      kind: "PARTS_TOO_LARGE",
      bytes: total,
      limit: ZIP_LIMITS.maxTotalBytes,
    } as const;
    throw new FilingError({ code: "BAD_FILE", params });
  }
  const layers = layersOf(files);
  if (layers.size === 0) throw missing("*", "shp");
  for (const [stem, parts] of layers) {
    if (!parts.shp) throw missing(stem, "shp");
    if (!parts.shx) throw missing(stem, "shx");
    if (!parts.dbf) throw missing(stem, "dbf");
  }
  return readLayers(layers, opts);
}
