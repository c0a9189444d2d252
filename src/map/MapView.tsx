/** The React host of the map: creates the adapter once and wires it to the store. */
import { useEffect, useRef, useState } from "react";
import { applyDeleted, applyDrawn, applyEdited, bindSketch, cancelEdit } from "../actions/actions";
import { MAPLIBRE_LOCALE } from "../i18n/maplibre";
import { loadSigungu } from "../sigungu-data";
import { useAppStore } from "../store/store";
import { liveReports } from "../workers/live-check";
import { subscribeFirms, subscribeMapControls, subscribeScene } from "./subscriptions";
import { type MapHandlers, ZoneMap } from "./zone-map";
import "./worker";
import "maplibre-gl/dist/maplibre-gl.css";

const handlersFor = (onReady: (ms: number) => void): MapHandlers => ({
  onDrawn: (tool, geometry) => applyDrawn(useAppStore, tool, geometry),
  onEdited: (id, geometry, final) => applyEdited(useAppStore, id, geometry, final),
  onDeleted: (id) => applyDeleted(useAppStore, id),
  onEditCancelled: () => cancelEdit(useAppStore),
  onReady,
  onError: (message) => console.warn(message),
  onTilesFailed: () => useAppStore.getState().fallBackToEmbedded(),
});

export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const [firstRenderMs, setFirstRenderMs] = useState<number | null>(null);
  const handlers = useRef<MapHandlers>(handlersFor(setFirstRenderMs));
  handlers.current = handlersFor(setFirstRenderMs);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const map = new ZoneMap(el, handlers, {
      sidoUrl: new URL("data/sido.json", document.baseURI).href,
      loadSigungu,
      vworldKey: import.meta.env.VITE_VWORLD_KEY,
      locale: MAPLIBRE_LOCALE[useAppStore.getState().lang],
    });
    const offScene = subscribeScene(useAppStore, (diff) => map.render(diff), liveReports);
    const offControls = subscribeMapControls(useAppStore, map);
    const offSketch = bindSketch(useAppStore, map);
    const offFirms = subscribeFirms(useAppStore, map.firms);
    return () => {
      offSketch();
      offScene();
      offControls();
      offFirms();
      map.destroy();
    };
  }, []);

  return (
    <div
      ref={container}
      className="map"
      data-testid="map"
      data-ready={firstRenderMs !== null}
      data-first-render-ms={firstRenderMs === null ? undefined : Math.round(firstRenderMs)}
    />
  );
}
