/** Margins and boxes the shapes share. */
import type { Position } from "geojson";
import { radiiAt } from "./plane";

/** Parcel corners keep this far (m) inside a circle or belt, clear of rounding at the rim. */
export const RIM_MARGIN_M = 1;

/** The bounding box (degrees) of the points within `reachM` of `points`. */
export function padBox(
  points: readonly Position[],
  reachM: number,
): [number, number, number, number] {
  const lons = points.map((p) => p[0] ?? 0);
  const lats = points.map((p) => p[1] ?? 0);
  const north = Math.max(...lats);
  const south = Math.min(...lats);
  const dLat = (reachM / radiiAt(0).meridianM) * (180 / Math.PI) * 1.01;
  const poleward = Math.min(89, Math.max(Math.abs(north), Math.abs(south)) + dLat);
  const dLon = (reachM / radiiAt(poleward).parallelM) * (180 / Math.PI) * 1.01;
  return [Math.min(...lons) - dLon, south - dLat, Math.max(...lons) + dLon, north + dLat];
}
