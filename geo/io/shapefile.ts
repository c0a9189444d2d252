/** Zipped Shapefile converters: UTF-8 attributes with a .cpg (default), or CP949 when asked. */
import type { Converter } from "./format";
import { readShapefileZip } from "./shp-read";
import { writeShapefileZip } from "./shp-write";
import { ZIP_LIMITS } from "./zip-read";

const read: Converter["read"] = (bytes, _name, opts) => readShapefileZip(bytes, opts);

export const shp: Converter = {
  id: "shp",
  label: { ko: "Shapefile (ZIP, EPSG:5186, UTF-8)", en: "Shapefile (zipped, EPSG:5186, UTF-8)" },
  extensions: [".zip", ".shz"],
  fileSuffix: "",
  reads: "zone",
  maxReadBytes: ZIP_LIMITS.maxTotalBytes,
  mime: "application/zip",
  read,
  write: (zone, opts) => writeShapefileZip(zone, { ...opts, encoding: "utf-8" }),
};

export const shpCp949: Converter = {
  id: "shp-cp949",
  label: { ko: "Shapefile (ZIP, EPSG:5186, CP949)", en: "Shapefile (zipped, EPSG:5186, CP949)" },
  extensions: [".zip", ".shz"],
  fileSuffix: "-cp949",
  reads: "zone",
  maxReadBytes: ZIP_LIMITS.maxTotalBytes,
  mime: "application/zip",
  read,
  write: (zone, opts) => writeShapefileZip(zone, { ...opts, encoding: "cp949" }),
};
