/**
 * Parcels from the planner's candidate sites (산업단지 boundaries, say): whole sites inside the
 * envelope, the densest in firm weight per km² first, while the total stays under the cap. A
 * site overlapping one already chosen (by more than a square metre) is passed over, so the
 * parcels never overlap; sites are never cut, so each stays the piece the planner knows.
 */
import { featureCollection, intersect, multiPolygon, polygon as turfPolygon } from "@turf/turf";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { geodesicAreaM2 } from "../measure";
import type { ParcelGeometry } from "../types";
import type { Firms } from "./firms";
import { weightInPolygon } from "./polygon";

export interface Site {
  name?: string;
  geometry: ParcelGeometry;
}

export interface SiteChoice {
  sites: Site[];
  km2: number;
  weight: number;
  curve: [number, number][];
}

const CAP_MARGIN_KM2 = 0.005;

function parts(g: ParcelGeometry): Polygon[] {
  return g.type === "Polygon"
    ? [g]
    : g.coordinates.map((coordinates) => ({ type: "Polygon", coordinates }));
}

function bbox(g: ParcelGeometry): [number, number, number, number] {
  const pts = parts(g).flatMap((p) => p.coordinates.flat());
  const xs = pts.map((p) => p[0] ?? 0);
  const ys = pts.map((p) => p[1] ?? 0);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function feature(g: ParcelGeometry): Feature<Polygon | MultiPolygon> {
  return g.type === "Polygon" ? turfPolygon(g.coordinates) : multiPolygon(g.coordinates);
}

function overlaps(a: ParcelGeometry, b: ParcelGeometry): boolean {
  const [ax0, ay0, ax1, ay1] = bbox(a);
  const [bx0, by0, bx1, by1] = bbox(b);
  if (ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0) return false;
  const common = intersect(featureCollection([feature(a), feature(b)]));
  return common !== null && geodesicAreaM2(common.geometry) > 1;
}

/** The sites to propose as parcels, given which lie inside the envelope. */
export function chooseSites(
  firms: Firms,
  sites: readonly Site[],
  inside: (g: ParcelGeometry) => boolean,
  capKm2: number,
): SiteChoice {
  const scored = sites
    .filter((s) => inside(s.geometry))
    .map((s) => {
      const km2 = geodesicAreaM2(s.geometry) / 1e6;
      const weight = parts(s.geometry).reduce((w, p) => w + weightInPolygon(firms, p).weight, 0);
      return { site: s, km2, weight };
    })
    .filter((s) => s.weight > 0 && s.km2 > 0)
    .sort((a, b) => b.weight / b.km2 - a.weight / a.km2);
  const chosen: Site[] = [];
  const curve: [number, number][] = [[0, 0]];
  let km2 = 0;
  let weight = 0;
  for (const s of scored) {
    if (km2 + s.km2 > capKm2 - CAP_MARGIN_KM2) continue;
    if (chosen.some((c) => overlaps(c.geometry, s.site.geometry))) continue;
    chosen.push(s.site);
    km2 += s.km2;
    weight += s.weight;
    curve.push([km2, weight]);
  }
  return { sites: chosen, km2, weight, curve };
}
