/**
 * The view in the URL hash as `#zoom/lat/lon`, with zoom in the web-map convention of 256-px tiles
 * (openstreetmap.org, Leaflet), so a link opens the same ground scale there and here: MapLibre
 * counts zoom with 512-px tiles, one level lower for the same metres per pixel.
 */
import type { Map as MlMap } from "maplibre-gl";

/** MapLibre zoom = hash zoom − 1 (512-px vs 256-px tiles). */
const ZOOM_OFFSET = 1;

export interface HashView {
  zoom: number;
  lat: number;
  lon: number;
}

/** The view a hash names, or null when it names none. */
export function parseHash(hash: string): HashView | null {
  const parts = hash.replace(/^#/, "").split("/").map(Number);
  const [zoom, lat, lon] = parts;
  if (parts.length !== 3 || zoom === undefined || lat === undefined || lon === undefined)
    return null;
  if (![zoom, lat, lon].every(Number.isFinite) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  return { zoom, lat, lon };
}

export function formatHash(view: HashView): string {
  const zoom = Number(view.zoom.toFixed(2));
  return `#${zoom}/${view.lat.toFixed(5)}/${view.lon.toFixed(5)}`;
}

/** MapLibre camera options for the current hash, if it names a view. */
export function initialView(): { zoom: number; center: [number, number] } | null {
  const view = parseHash(window.location.hash);
  return view ? { zoom: view.zoom - ZOOM_OFFSET, center: [view.lon, view.lat] } : null;
}

/** Keep the hash and the map in step both ways; returns a function that stops it. */
export function bindHash(map: MlMap): () => void {
  const write = () => {
    const c = map.getCenter();
    const hash = formatHash({ zoom: map.getZoom() + ZOOM_OFFSET, lat: c.lat, lon: c.lng });
    if (hash !== window.location.hash) window.history.replaceState(null, "", hash);
  };
  const read = () => {
    const view = parseHash(window.location.hash);
    if (view) map.jumpTo({ zoom: view.zoom - ZOOM_OFFSET, center: [view.lon, view.lat] });
  };
  map.on("moveend", write);
  window.addEventListener("hashchange", read);
  return () => {
    map.off("moveend", write);
    window.removeEventListener("hashchange", read);
  };
}
