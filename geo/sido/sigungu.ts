/**
 * The 시·군·구 the parcels lie in (the report's `sido.sigungu`), from the embedded KOSTAT 2018
 * boundaries (public/data/sigungu.json, about 1.3 MB). The file is handed in rather than imported,
 * so the app can load it lazily: `provideSigungu` once (the CLI does it at start, the app when
 * the file has arrived); until then the report carries no `sigungu`.
 */

import type { ParcelGeometry } from "../types";
import { addParcelShares, buildIndex, readBoundaries, type SidoIndex } from "./boundary-index";

export interface SigunguShare {
  /** KOSTAT 5-digit code (2018; 군위군 keeps 37310 though it now lies in 대구). */
  code: string;
  name: string;
  km2: number;
}

interface SigunguData {
  index: SidoIndex;
  names: string[];
}

let data: SigunguData | undefined;
let version = 0;

function stringProp(f: unknown, key: string): string {
  const props = (f as { properties?: Record<string, unknown> }).properties;
  const v = props?.[key];
  return typeof v === "string" ? v : "";
}

/** Hands in the parsed sigungu.json; throws if it is not a FeatureCollection of coded polygons. */
export function provideSigungu(json: unknown): void {
  const areas = readBoundaries(json, "public/data/sigungu.json");
  const features = (json as { features: unknown[] }).features;
  data = {
    index: buildIndex(areas),
    names: features.map((f) => stringProp(f, "name")),
  };
  version += 1;
}

/** Bumped by each provideSigungu, so a memoised report knows to recompute. */
export function sigunguVersion(): number {
  return version;
}

/**
 * Parcel area in each 시·군·구, m² keyed by index into the file. `areasM2` (the geodesic areas of
 * the parcels) rescales the fast split so the shares add up to the report's ellipsoidal area.
 */
function sharesM2(
  d: SigunguData,
  geoms: ParcelGeometry[],
  areasM2?: number[],
): Map<number, number> {
  const total = new Map<number, number>();
  geoms.forEach((g, i) => {
    const acc = new Map<number, number>();
    const fastM2 = addParcelShares(d.index, g, acc);
    const exact = areasM2?.[i];
    const scale = exact !== undefined && fastM2 > 0 ? exact / fastM2 : 1;
    for (const [k, m2] of acc) total.set(k, (total.get(k) ?? 0) + m2 * scale);
  });
  return total;
}

/**
 * The 시·군·구 holding the parcels, with the parcel area (km², ellipsoidal) in each, largest
 * first; undefined before the boundaries are provided. Parts at sea are in none.
 */
export function sigunguShares(
  geoms: ParcelGeometry[],
  areasM2?: number[],
): SigunguShare[] | undefined {
  const d = data;
  if (!d) return undefined;
  const out: SigunguShare[] = [];
  for (const [k, m2] of sharesM2(d, geoms, areasM2)) {
    const code = d.index.sido[k]?.code;
    if (code && m2 > 0) out.push({ code, name: d.names[k] ?? code, km2: m2 / 1e6 });
  }
  return out.sort((a, b) => b.km2 - a.km2 || a.code.localeCompare(b.code));
}

const byGeometry = new WeakMap<ParcelGeometry, { version: number; names: string[] }>();

/**
 * The names of the 시·군·구 one parcel lies in, largest share first (memoised on the geometry
 * object, for the app's parcel list); empty before the boundaries are provided or at sea.
 */
export function sigunguNamesOf(g: ParcelGeometry): string[] {
  const hit = byGeometry.get(g);
  if (hit && hit.version === version) return hit.names;
  const names = (sigunguShares([g]) ?? []).map((s) => s.name);
  byGeometry.set(g, { version, names });
  return names;
}

/** The provided 시·군·구 outlines (for the report's map); none before they are provided. */
export function sigunguOutlines(): { code: string; name: string; geometry: ParcelGeometry }[] {
  const d = data;
  if (!d) return [];
  return d.index.sido.map((s, k) => ({
    code: s.code,
    name: d.names[k] ?? s.code,
    geometry: s.geometry,
  }));
}
