/**
 * 시·도 names without a glyph server: each label is an HTML marker (a DOM element MapLibre keeps
 * at its position), so the browser's own fonts draw the Korean text and no glyph PBFs are needed.
 */
import type { FeatureCollection } from "geojson";
import { Marker, type Map as MlMap } from "maplibre-gl";
import { shippedLabelPoint } from "./label-point";

/** Add one label marker per 시·도; returns a function that switches their language. */
export function addSidoLabels(map: MlMap, sido: FeatureCollection): (lang: "ko" | "en") => void {
  const items: { el: HTMLDivElement; ko: string; en: string }[] = [];
  for (const f of sido.features) {
    // The coarse 시·도 file ships its points (scripts/build-boundaries.ts): none computed here.
    const at = shippedLabelPoint(f);
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
