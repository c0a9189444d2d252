/**
 * What the check measures of one parcel, measured once per geometry object. The store never
 * changes a geometry in place (an edit makes a new one), so a re-check during a drag measures
 * only the moved parcel again; every figure is the measuring function's own.
 */
import { type RingProblem, ringProblems } from "../geometry";
import { enclosedLand, geodesicAreaM2, tmAreaM2 } from "../measure";
import type { ParcelGeometry } from "../types";

/** `measure`, remembered per object it was given (never for a value another object would get). */
export function oncePerObject<K extends object, V>(measure: (key: K) => V): (key: K) => V {
  const known = new WeakMap<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = measure(key);
    known.set(key, value);
    return value;
  };
}

export const geodesicAreaOnce = oncePerObject(geodesicAreaM2);

/** Ring problems of a parcel (the result is shared: treat it as read-only). */
export const ringProblemsOnce: (g: ParcelGeometry) => readonly RingProblem[] =
  oncePerObject(ringProblems);

const tm = oncePerObject((_g: ParcelGeometry) => new Map<string, number>());

export function tmAreaOnce(g: ParcelGeometry, crs: string): number {
  const byCrs = tm(g);
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
