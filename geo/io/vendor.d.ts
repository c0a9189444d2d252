/** Types for shpjs 6, which ships none: only the geometry parser is used (geo/io/shp-read.ts). */
declare module "shpjs" {
  import type { Geometry } from "geojson";
  /** Parses .shp bytes; with `prj` false the coordinates are returned as stored. */
  export function parseShp(
    shp: DataView | ArrayBuffer | Uint8Array,
    prj?: false,
  ): (Geometry | null)[];
}
