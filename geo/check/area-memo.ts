/**
 * A parcel's areas, measured once per geometry object. The store never changes a geometry in
 * place (an edit makes a new one), so during a drag only the moved parcel is measured again;
 * the figures are those of geodesicAreaM2 and tmAreaM2 themselves.
 */
import { geodesicAreaM2, tmAreaM2 } from "../measure";
import type { ParcelGeometry } from "../types";

const geodesic = new WeakMap<ParcelGeometry, number>();
const tm = new WeakMap<ParcelGeometry, Map<string, number>>();

export function geodesicAreaOnce(g: ParcelGeometry): number {
  let m2 = geodesic.get(g);
  if (m2 === undefined) {
    m2 = geodesicAreaM2(g);
    geodesic.set(g, m2);
  }
  return m2;
}

export function tmAreaOnce(g: ParcelGeometry, crs: string): number {
  let byCrs = tm.get(g);
  if (!byCrs) {
    byCrs = new Map();
    tm.set(g, byCrs);
  }
  let m2 = byCrs.get(crs);
  if (m2 === undefined) {
    m2 = tmAreaM2(g, crs);
    byCrs.set(crs, m2);
  }
  return m2;
}
