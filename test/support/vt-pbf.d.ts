/** vt-pbf ships no types: the one function the test archives use (a geojson-vt tile to MVT bytes). */
declare module "vt-pbf" {
  export function fromGeojsonVt(
    layers: Record<string, unknown>,
    options?: { version?: number; extent?: number },
  ): Uint8Array;
}
