/** The converters' face: one converter per format, bytes in and out, listed in one registry. */
export {
  type CoordinateEntry,
  type CoordinateEntryInput,
  type CoordinateEntryKind,
  parseCoordinateEntry,
} from "./coordinate-text";
export { readPointsCsv } from "./csv";
export { embeddedHubSource } from "./embedded-hubs";
export type { Converter, CrsHint, Imported, ReadOptions, WriteOptions } from "./format";
export { EMBEDDED_HUBS_FILE, type HubOrigin, hubSourceName } from "./hub-sources";
export { readHubs } from "./hubs";
export {
  CONVERTERS,
  converterById,
  type Exported,
  exportZone,
  importFeatures,
  importHubs,
  importZone,
  importZoneParts,
  readerFor,
} from "./registry";
export { isShapefilePart, type NamedBytes } from "./shp-parts";
export { decodeText, detectEncoding, TEXT_ENCODINGS, type TextEncodingId } from "./text";
