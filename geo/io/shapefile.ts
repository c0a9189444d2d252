/** Zipped Shapefile converters: UTF-8 attributes with a .cpg (default), or CP949 when asked. */
import type { Converter } from "./format";
import { readShapefileZip } from "./shp-read";
import { writeShapefileZip } from "./shp-write";
import { ZIP_LIMITS } from "./zip-read";

/** A zipped Shapefile in EPSG:5186 whose .dbf is written in `encoding` (read: as its .cpg says). */
function shapefile(encoding: "utf-8" | "cp949", label: string, fileSuffix: string): Converter {
  const id = encoding === "utf-8" ? "shp" : "shp-cp949";
  return {
    id,
    label: {
      ko: `Shapefile (ZIP, EPSG:5186, ${label})`,
      en: `Shapefile (zipped, EPSG:5186, ${label})`,
    },
    extensions: [".zip", ".shz"],
    fileSuffix,
    reads: "zone",
    maxReadBytes: ZIP_LIMITS.maxTotalBytes,
    mime: "application/zip",
    read: (bytes, _name, opts) => readShapefileZip(bytes, opts),
    write: (zone, opts) => writeShapefileZip(zone, { ...opts, encoding }),
  };
}

export const shp = shapefile("utf-8", "UTF-8", "");
export const shpCp949 = shapefile("cp949", "CP949", "-cp949");
