/**
 * Selections by cover, stricter or looser than the lasso's inner point (select.ts): "all 필지
 * inside this outline / the envelope" takes the 필지 wholly inside it (less than 0.01 m² outside),
 * "필지 touching this 구역" those sharing more than 0.01 m² with it. A 필지 meeting the outline only
 * along an edge or at a corner is neither inside in part nor touching: in a cadastre every
 * neighbour does that.
 */
import type { MultiPolygon, Polygon } from "geojson";
import { coveredPilji } from "./parcel";
import type { Pilji } from "./types";

type Geometry = Polygon | MultiPolygon;

/** PNUs of the 필지 wholly inside `outline`, in the order given. */
export function piljiWhollyInside(outline: Geometry, candidates: Iterable<Pilji>): string[] {
  return coveredPilji(outline, candidates)
    .filter((c) => c.whole)
    .map((c) => c.pilji.pnu);
}

/** PNUs of the 필지 sharing area with `outline` (wholly or in part), in the order given. */
export function piljiTouching(outline: Geometry, candidates: Iterable<Pilji>): string[] {
  return coveredPilji(outline, candidates).map((c) => c.pilji.pnu);
}
