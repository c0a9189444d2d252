/**
 * @mapbox/shp-write's low-level writer alone: its package entry also loads its zip() and
 * download(), and with them jszip and file-saver, which we don't use (fflate zips our
 * Shapefiles). The signature is the package's own `write` (dist/index.d.ts).
 */
declare module "@mapbox/shp-write/src/write.js" {
  import type { write } from "@mapbox/shp-write";

  const writeLayer: typeof write;
  export default writeLayer;
}
