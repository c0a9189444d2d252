/**
 * Which parcel of the new version is which of the old: by id first (the app keeps ids across
 * edits), then, for parcels whose id changed, by shared area — a pair sharing at least half of
 * the smaller parcel is the same land re-filed. Pure: geometries in, index pairs out.
 */
import { feature, featureCollection, intersect } from "@turf/turf";
import type { MultiPolygon, Polygon } from "geojson";
import { type Bbox, geometryBounds } from "../geometry";
import { geodesicAreaM2 } from "../measure";
import type { Parcel } from "../types";

/** Share of the smaller parcel two parcels must have in common to be matched by overlap. */
export const MIN_MATCH_SHARE = 0.5;

export interface ParcelPair {
  old: number;
  new: number;
  by: "id" | "overlap";
}

const meets = (a: Bbox, b: Bbox): boolean =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** The ellipsoidal area two parcels share, m² (0 when they don't meet or can't be clipped). */
function sharedM2(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  try {
    const shared = intersect(featureCollection([feature(a), feature(b)]));
    return shared ? geodesicAreaM2(shared.geometry) : 0;
  } catch {
    // A ring the clipper refuses (a bow-tie the check reports anyway) matches nothing by overlap.
    return 0;
  }
}

/** The matched pairs, by id then by overlap; parcels in no pair were removed (old) or added (new). */
export function matchParcels(older: readonly Parcel[], newer: readonly Parcel[]): ParcelPair[] {
  const pairs: ParcelPair[] = [];
  const oldById = new Map<string, number>();
  older.forEach((p, i) => {
    if (!oldById.has(p.id)) oldById.set(p.id, i);
  });
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  newer.forEach((p, j) => {
    const i = oldById.get(p.id);
    if (i === undefined || usedOld.has(i)) return;
    pairs.push({ old: i, new: j, by: "id" });
    usedOld.add(i);
    usedNew.add(j);
  });
  const restOld = older.map((_, i) => i).filter((i) => !usedOld.has(i));
  const restNew = newer.map((_, j) => j).filter((j) => !usedNew.has(j));
  if (restOld.length === 0 || restNew.length === 0) return pairs;
  const oldBoxes = restOld.map((i) => geometryBounds((older[i] as Parcel).geometry));
  const oldAreas = restOld.map((i) => geodesicAreaM2((older[i] as Parcel).geometry));
  const candidates: { old: number; new: number; share: number }[] = [];
  for (const j of restNew) {
    const g = (newer[j] as Parcel).geometry;
    const box = geometryBounds(g);
    const area = geodesicAreaM2(g);
    restOld.forEach((i, k) => {
      if (!meets(box, oldBoxes[k] as Bbox)) return;
      const smaller = Math.min(area, oldAreas[k] as number);
      if (!(smaller > 0)) return;
      const share = sharedM2((older[i] as Parcel).geometry, g) / smaller;
      if (share >= MIN_MATCH_SHARE) candidates.push({ old: i, new: j, share });
    });
  }
  candidates.sort((a, b) => b.share - a.share || a.new - b.new);
  for (const c of candidates) {
    if (usedOld.has(c.old) || usedNew.has(c.new)) continue;
    pairs.push({ old: c.old, new: c.new, by: "overlap" });
    usedOld.add(c.old);
    usedNew.add(c.new);
  }
  return pairs.sort((a, b) => a.new - b.new);
}

/** True when two geometries have the very same coordinates (a kept parcel, not a reshaped one). */
export function sameGeometry(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  return a.type === b.type && JSON.stringify(a.coordinates) === JSON.stringify(b.coordinates);
}
