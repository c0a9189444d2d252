/**
 * The 연속지적도 on the map: 필지 outlines from zoom 14, their 지번 as HTML labels from zoom 17
 * (the embedded style has no glyphs; only the labels in view are made, at most LABEL_LIMIT), and
 * a transparent fill that takes clicks while picking 필지.
 */
import type { FeatureCollection, Position } from "geojson";
import { type GeoJSONSource, type MapMouseEvent, Marker, type Map as MlMap } from "maplibre-gl";

export const CADASTRE_IDS = {
  source: "czd-cadastre",
  fill: "czd-cadastre-fill",
  line: "czd-cadastre-line",
} as const;

const MIN_ZOOM = 14;
const LABEL_ZOOM = 17;
const LABEL_LIMIT = 400;
const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

/** A point to label a ring at: the mean of its vertices (필지 are small and near convex). */
function labelAt(ring: Position[]): [number, number] {
  let x = 0;
  let y = 0;
  const n = Math.max(1, ring.length - 1);
  for (let i = 0; i < n; i++) {
    x += ring[i]?.[0] ?? 0;
    y += ring[i]?.[1] ?? 0;
  }
  return [x / n, y / n];
}

export class CadastreLayer {
  private map: MlMap | null = null;
  private data: FeatureCollection | string = EMPTY;
  private picking = false;
  private markers: Marker[] = [];
  /** Called with a clicked 필지's PNU while picking. */
  onPick: (pnu: string) => void = () => {};

  attach(map: MlMap): void {
    this.map = map;
    map.addSource(CADASTRE_IDS.source, { type: "geojson", data: this.data });
    map.addLayer({
      id: CADASTRE_IDS.fill,
      type: "fill",
      source: CADASTRE_IDS.source,
      minzoom: MIN_ZOOM,
      paint: { "fill-color": "#8a6d3b", "fill-opacity": 0.04 },
    });
    map.addLayer({
      id: CADASTRE_IDS.line,
      type: "line",
      source: CADASTRE_IDS.source,
      minzoom: MIN_ZOOM,
      paint: { "line-color": "#8a6d3b", "line-width": 0.7, "line-opacity": 0.8 },
    });
    map.on(
      "click",
      CADASTRE_IDS.fill,
      (e: MapMouseEvent & { features?: { properties: unknown }[] }) => {
        const pnu = (e.features?.[0]?.properties as { pnu?: unknown } | undefined)?.pnu;
        if (this.picking && typeof pnu === "string") this.onPick(pnu);
      },
    );
    map.on("moveend", () => this.label());
  }

  /** The outlines' URL (GeoJSON, parsed in MapLibre's Worker), or null for none. */
  setOutlines(url: string | null): void {
    this.data = url ?? EMPTY;
    (this.map?.getSource(CADASTRE_IDS.source) as GeoJSONSource | undefined)?.setData(this.data);
    this.map?.once("idle", () => this.label());
  }

  setPicking(on: boolean): void {
    this.picking = on;
    const canvas = this.map?.getCanvas();
    if (canvas) canvas.style.cursor = on ? "pointer" : "";
  }

  /** 지번 labels for the 필지 in view, at high zoom only. */
  private label(): void {
    for (const m of this.markers) m.remove();
    this.markers = [];
    const map = this.map;
    if (!map || map.getZoom() < LABEL_ZOOM || this.data === EMPTY) return;
    const seen = new Set<string>();
    for (const f of map.queryRenderedFeatures({ layers: [CADASTRE_IDS.fill] })) {
      const pnu = String(f.properties?.pnu ?? "");
      if (seen.has(pnu) || seen.size >= LABEL_LIMIT) continue;
      seen.add(pnu);
      // The drawn (tile-cut) geometry: near enough for a label, and the page holds no other.
      const g = f.geometry;
      const ring =
        g?.type === "Polygon"
          ? g.coordinates[0]
          : g?.type === "MultiPolygon"
            ? g.coordinates[0]?.[0]
            : undefined;
      if (!ring) continue;
      const el = document.createElement("div");
      el.className = "pilji-label";
      el.textContent = String(f.properties?.label ?? "");
      this.markers.push(new Marker({ element: el }).setLngLat(labelAt(ring)).addTo(map));
    }
  }
}
