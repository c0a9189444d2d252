/**
 * 시·군·구 names, HTML labels as the 시·도's (labels.ts): a chunk of its own, fetched with the
 * 시·군·구 after the first render, as is the label point it computes for each.
 */
import type { FeatureCollection } from "geojson";
import { Marker, type Map as MlMap } from "maplibre-gl";
import { labelPoint } from "./label-point";

interface Placed {
  at: [number, number];
  ko: string;
  en: string;
  marker: Marker | null;
}

/**
 * 시·군·구 names as HTML labels from `minZoom` on, only those in view (250 markers moving with
 * every frame would cost more than the map). Returns a function that switches their language.
 */
export function addSigunguLabels(
  map: MlMap,
  sigungu: FeatureCollection,
  minZoom: number,
): (lang: "ko" | "en") => void {
  let lang: "ko" | "en" = "ko";
  // Placed the first time the map is zoomed in far enough, not while the first screen draws.
  const items: Placed[] = [];
  let placed = false;
  const place = () => {
    placed = true;
    for (const f of sigungu.features) {
      const at = labelPoint(f);
      const ko = String(f.properties?.name ?? "");
      if (!at || !ko) continue;
      const [lon = 0, lat = 0] = at;
      items.push({ at: [lon, lat], ko, en: String(f.properties?.nameEn ?? ko), marker: null });
    }
  };
  const update = () => {
    const show = map.getZoom() >= minZoom;
    if (show && !placed) place();
    const bounds = map.getBounds();
    for (const item of items) {
      const want = show && bounds.contains(item.at);
      if (want && !item.marker) {
        const el = document.createElement("div");
        el.className = "sigungu-label";
        el.textContent = lang === "en" ? item.en : item.ko;
        item.marker = new Marker({ element: el }).setLngLat(item.at).addTo(map);
      } else if (!want && item.marker) {
        item.marker.remove();
        item.marker = null;
      }
    }
  };
  map.on("moveend", update);
  update();
  return (next) => {
    lang = next;
    for (const item of items) {
      const el = item.marker?.getElement();
      if (el) el.textContent = next === "en" ? item.en : item.ko;
    }
  };
}
