/**
 * A parcel's areas, measured once per geometry object. The store never changes a geometry in
 * place (an edit makes a new one), so during a drag only the moved parcel is measured again;
 * the figures are those of geodesicAreaM2 and tmAreaM2 themselves.
 */
import type { RingProblem } from "../geometry";
import { enclosedLand, geodesicAreaM2, tmAreaM2 } from "../measure";
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

/** Problems after which the rings' signed sums are not the land they enclose. */
const CROSSED: ReadonlySet<string> = new Set([
  "SELF_CROSSING",
  "RING_CROSSING",
  "HOLE_OUTSIDE",
  "PARTS_OVERLAP",
]);

const land = new WeakMap<ParcelGeometry, ParcelGeometry>();

/**
 * The geometry to measure: the parcel itself, or, when its rings cross (a bow-tie, a hole
 * across its outer ring, overlapping parts), the simple polygons of the land they enclose, so
 * that no area is a signed sum of lobes (FILING.md).
 */
export function measurableOnce(
  g: ParcelGeometry,
  problems: readonly RingProblem[],
): ParcelGeometry {
  if (!problems.some((p) => CROSSED.has(p.kind))) return g;
  let resolved = land.get(g);
  if (resolved === undefined) {
    let simple: ParcelGeometry | null = null;
    try {
      simple = enclosedLand(g);
    } catch {
      // The clipper gave up on a pathological ring: it is INVALID_GEOMETRY either way.
    }
    resolved = simple ?? g;
    land.set(g, resolved);
  }
  return resolved;
}
