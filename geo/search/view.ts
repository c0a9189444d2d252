/**
 * The map view that shows a box: centre and zoom in the URL hash's convention (256-px tiles,
 * as openstreetmap.org), so the app can move there by setting the hash.
 */
import type { Bbox } from "./places";

export interface View {
  zoom: number;
  lat: number;
  lon: number;
}

/** Web Mercator y of a latitude, in units where the world is 1 wide. */
function mercY(latDeg: number): number {
  const s = Math.sin((latDeg * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

/**
 * The largest zoom (at most `maxZoom`) at which `bbox` fits in a `widthPx` × `heightPx` map with
 * `paddingPx` on each side; a point (or a tiny box) gets `maxZoom`.
 */
export function viewOfBbox(
  bbox: Bbox,
  widthPx: number,
  heightPx: number,
  { paddingPx = 40, maxZoom = 16 } = {},
): View {
  const [w, s, e, n] = bbox;
  const spanX = (e - w) / 360;
  const spanY = Math.abs(mercY(s) - mercY(n));
  const zoomFitting = (px: number, span: number) =>
    span <= 0 ? Infinity : Math.log2(Math.max(px - 2 * paddingPx, 1) / 256 / span);
  const zoom = Math.min(maxZoom, zoomFitting(widthPx, spanX), zoomFitting(heightPx, spanY));
  // The centre in Mercator, so a tall box is centred as drawn.
  const yMid = (mercY(s) + mercY(n)) / 2;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * yMid))) * 180) / Math.PI;
  return { zoom: Math.max(0, zoom), lat, lon: (w + e) / 2 };
}
