/**
 * MapLibre writes its controls' titles once, when the map is made (its `locale` option). A
 * language switch afterwards puts the other language's words on the same buttons, so Korean mode
 * never shows "Zoom in" and English mode never shows "확대".
 */

/** Each labelled control MapLibre draws here, by its class, with its key in the locale table. */
const CONTROLS: readonly (readonly [selector: string, key: string, title: boolean])[] = [
  [".maplibregl-ctrl-zoom-in", "NavigationControl.ZoomIn", true],
  [".maplibregl-ctrl-zoom-out", "NavigationControl.ZoomOut", true],
  [".maplibregl-ctrl-compass", "NavigationControl.ResetBearing", true],
  [".maplibregl-ctrl-attrib-button", "AttributionControl.ToggleAttribution", true],
  ["canvas.maplibregl-canvas", "Map.Title", false],
];

/** Relabels the MapLibre controls inside `container` from `locale` (MapLibre's own keys). */
export function relabelControls(container: HTMLElement, locale: Record<string, string>): void {
  for (const [selector, key, title] of CONTROLS) {
    const text = locale[key];
    if (text === undefined) continue;
    for (const el of container.querySelectorAll(selector)) {
      if (title) el.setAttribute("title", text);
      el.setAttribute("aria-label", text);
    }
  }
}
