/** Web Mercator tile of a longitude / latitude at zoom z (fractional). */
export function tileXY(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return [((lng + 180) / 360) * n, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n];
}
