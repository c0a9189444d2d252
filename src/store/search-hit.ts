/**
 * The 필지 the search box last flew to (issue 21): the map outlines it until another search or
 * a pick elsewhere. Not undone and not saved: it is where the planner looked, not what they drew.
 */
import type { MultiPolygon, Polygon } from "geojson";
import { create } from "zustand";

export interface SearchHit {
  pnu: string;
  geometry: Polygon | MultiPolygon;
}

export const useSearchHit = create<{ hit: SearchHit | null }>()(() => ({ hit: null }));
