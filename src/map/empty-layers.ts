/**
 * A GeoJSON source's layers are drawn only while the source holds features.
 *
 * MapLibre draws a frame layer by layer, and before each fill or line layer whose source is not
 * the previous one's it writes that source's tile masks into the stencil buffer: a pass over the
 * whole map, whether or not the layer has anything to draw. An empty heatmap still renders and
 * composites a map-sized texture. On a GPU these passes are nearly free; in software WebGL
 * (SwiftShader: the headless browser of our benches, and machines without a usable GPU) each is
 * several milliseconds of every frame of a drag or a pan. Most of our overlays are empty most of
 * the time (no firms, no proposal, no search hit, no envelope being edited, terra-draw's lines),
 * so a hidden layer for an empty source is the cheapest frame (bench:frame-layers).
 *
 * None of these layers has a visibility of its own that a user sets, so visibility is theirs to
 * take; a layer whose visibility the UI sets (basemaps, the cadastre) must not be on a source
 * given here.
 */
import type { FeatureCollection } from "geojson";
import type { GeoJSONSource, Map as MlMap } from "maplibre-gl";

/** Show the layers drawn from `source` when it holds features, hide them when it holds none. */
export function showLayersOf(map: MlMap, source: string, filled: boolean): void {
  const visibility = filled ? "visible" : "none";
  for (const id of map.getLayersOrder()) {
    const layer = map.getLayer(id);
    if (layer?.source !== source) continue;
    if ((map.getLayoutProperty(id, "visibility") ?? "visible") !== visibility)
      map.setLayoutProperty(id, "visibility", visibility);
  }
}

/** `setData` on a GeoJSON source, its layers shown or hidden as it is filled or emptied. */
export function setSourceData(map: MlMap, source: string, data: FeatureCollection): void {
  const target = map.getSource(source) as GeoJSONSource | undefined;
  if (!target) return;
  void target.setData(data);
  showLayersOf(map, source, data.features.length > 0);
}
