/** The 필지 a search found, outlined on the map (src/store/search-hit.ts holds which). */
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { Map as MlMap } from "maplibre-gl";
import { setSourceData, showLayersOf } from "./empty-layers";

export const SEARCH_HIT_IDS = {
  source: "czd-search-hit",
  line: "czd-search-hit-line",
} as const;

/** Bright cyan, thick: a colour no parcel, hub or 필지 outline uses. */
export const SEARCH_HIT_COLOUR = "#00b8d9";

export class SearchHitLayer {
  private map: MlMap | null = null;
  private data: FeatureCollection = { type: "FeatureCollection", features: [] };

  attach(map: MlMap): void {
    this.map = map;
    map.addSource(SEARCH_HIT_IDS.source, { type: "geojson", data: this.data });
    map.addLayer({
      id: SEARCH_HIT_IDS.line,
      type: "line",
      source: SEARCH_HIT_IDS.source,
      paint: { "line-color": SEARCH_HIT_COLOUR, "line-width": 4 },
    });
    showLayersOf(map, SEARCH_HIT_IDS.source, this.data.features.length > 0);
  }

  show(geometry: Polygon | MultiPolygon | null, pnu = ""): void {
    this.data = {
      type: "FeatureCollection",
      features: geometry ? [{ type: "Feature", properties: { pnu }, geometry }] : [],
    };
    if (this.map) setSourceData(this.map, SEARCH_HIT_IDS.source, this.data);
  }
}
