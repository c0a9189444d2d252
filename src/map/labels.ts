/**
 * 시·도 names without a glyph server: each label is an HTML marker at a point inside the
 * province's largest polygon, so the browser's own fonts draw the Korean text.
 */
import type { Feature, FeatureCollection, Position } from "geojson";
import { Marker, type Map as MlMap } from "maplibre-gl";

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    a += xj * yi - xi * yj;
  }
  return a / 2;
}

function ringCentroid(ring: Position[]): Position {
  let cx = 0;
  let cy = 0;
  const a = ringArea(ring);
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    const f = xj * yi - xi * yj;
    cx += (xj + xi) * f;
    cy += (yj + yi) * f;
  }
  return a === 0 ? (ring[0] ?? [0, 0]) : [cx / (6 * a), cy / (6 * a)];
}

/** The centroid of the feature's largest outer ring (good enough for 시·도 shapes). */
export function labelPoint(feature: Feature): Position | null {
  const g = feature.geometry;
  const polys =
    g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  let best: Position[] | null = null;
  for (const poly of polys) {
    const outer = poly[0];
    if (outer && (!best || Math.abs(ringArea(outer)) > Math.abs(ringArea(best)))) best = outer;
  }
  return best ? ringCentroid(best) : null;
}

/** Add one label marker per 시·도; returns a function that switches their language. */
export function addSidoLabels(map: MlMap, sido: FeatureCollection): (lang: "ko" | "en") => void {
  const items: { el: HTMLDivElement; ko: string; en: string }[] = [];
  for (const f of sido.features) {
    const at = labelPoint(f);
    const ko = String(f.properties?.name ?? "");
    if (!at || !ko) continue;
    const el = document.createElement("div");
    el.className = "sido-label";
    el.textContent = ko;
    const [lon = 0, lat = 0] = at;
    new Marker({ element: el }).setLngLat([lon, lat]).addTo(map);
    items.push({ el, ko, en: String(f.properties?.nameEn ?? ko) });
  }
  return (lang) => {
    for (const item of items) item.el.textContent = lang === "en" ? item.en : item.ko;
  };
}
