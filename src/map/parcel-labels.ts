/**
 * Each parcel's (구역's) name and area at its interior point, as HTML markers like the 시·도 and
 * 지번 labels (the embedded style has no glyphs, so the browser's own fonts draw the text).
 * Placed only when the view settles (moveend) or the parcels change: a drag's moves never reach
 * here (the scene re-sends the labels only when the zone's parcels change, at the drag's end),
 * and a label that would overlap a larger parcel's label is left out until there is room.
 */
import { Marker, type Map as MlMap } from "maplibre-gl";
import type { Lang } from "../../geo/index";
import type { ParcelLabel } from "./contract";

/** From this zoom on (a 1 ㎢ parcel is about 16 px wide at zoom 10 in Korea). */
export const PARCEL_LABEL_MINZOOM = 10;
/** At most this many in view: beyond, the largest parcels' labels only. */
const LIMIT = 200;
/** Pixels kept clear around each label. */
const GAP = 4;

/** "1.234 ㎢" in Korean, "1.234 km²" in English: the app's one unit style. */
export function parcelAreaText(km2: number, lang: Lang): string {
  const digits = km2 < 0.1 ? 4 : 3;
  return `${km2.toFixed(digits)} ${lang === "en" ? "km²" : "㎢"}`;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box): boolean =>
  a.x0 < b.x1 + GAP && b.x0 < a.x1 + GAP && a.y0 < b.y1 + GAP && b.y0 < a.y1 + GAP;

export class ParcelLabels {
  private map: MlMap | null = null;
  private items: ParcelLabel[] = [];
  private lang: Lang = "ko";
  private markers: Marker[] = [];

  attach(map: MlMap): void {
    this.map = map;
    map.on("moveend", () => this.place());
    this.place();
  }

  set(items: ParcelLabel[]): void {
    this.items = items;
    this.place();
  }

  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.place();
  }

  private clear(): void {
    for (const m of this.markers) m.remove();
    this.markers = [];
  }

  /** Largest parcels first; a label that would overlap one already placed is left out. */
  private place(): void {
    this.clear();
    const map = this.map;
    if (!map || map.getZoom() < PARCEL_LABEL_MINZOOM || this.items.length === 0) return;
    const bounds = map.getBounds();
    const inView = this.items
      .filter((it) => bounds.contains(it.at))
      .sort((a, b) => b.km2 - a.km2 || a.id.localeCompare(b.id))
      .slice(0, LIMIT);
    const made = inView.map((it) => {
      const el = document.createElement("div");
      el.className = "parcel-label";
      el.dataset.parcelId = it.id;
      const name = document.createElement("span");
      name.className = "parcel-label-name";
      name.textContent = it.name;
      const area = document.createElement("span");
      area.className = "parcel-label-area";
      area.textContent = parcelAreaText(it.km2, this.lang);
      el.append(name, area);
      return new Marker({ element: el }).setLngLat(it.at).addTo(map);
    });
    // One layout for all of them, then the greedy pass in size order.
    const taken: Box[] = [];
    for (const marker of made) {
      const r = marker.getElement().getBoundingClientRect();
      const box = { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
      if (taken.some((b) => overlaps(b, box))) marker.remove();
      else {
        taken.push(box);
        this.markers.push(marker);
      }
    }
  }
}
