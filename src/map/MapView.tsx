/**
 * The React host of the map: adopts the map the page's first script made (early-map.ts) and
 * wires it to the store.
 */
import { useLayoutEffect, useRef } from "react";
import {
  applyDeleted,
  applyDrawn,
  applyEdited,
  applyEnvelopeEdited,
  bindSketch,
  cancelEdit,
} from "../actions/actions";
import { MAPLIBRE_LOCALE } from "../i18n/maplibre";
import { LiveTooltip } from "../panels/LiveMeasures";
import { VertexStatus } from "../panels/VertexStatus";
import { loadSigungu } from "../sigungu-data";
import { useAppStore } from "../store/store";
import { liveReports } from "../workers/live-check";
import { relabelControls } from "./control-labels";
import { type AppHandlers, adoptMap } from "./early-map";
import { subscribeFirms, subscribeMapControls, subscribeScene } from "./subscriptions";

const HANDLERS: AppHandlers = {
  onDrawn: (tool, geometry) => applyDrawn(useAppStore, tool, geometry),
  onEdited: (id, geometry, final) => applyEdited(useAppStore, id, geometry, final),
  onDeleted: (id) => applyDeleted(useAppStore, id),
  onEditCancelled: () => cancelEdit(useAppStore),
  onError: (message) => console.warn(message),
  onTilesFailed: () => useAppStore.getState().fallBackToEmbedded(),
  onLive: (shape) => useAppStore.getState().setLive(shape),
  onEnvelopeEdited: (envelope) => applyEnvelopeEdited(useAppStore, envelope),
};

export function MapView() {
  const host = useRef<HTMLDivElement>(null);

  // Before the browser paints the app: the map never shows over the panels for a frame.
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const { map, release } = adoptMap(el, HANDLERS, {
      lang: useAppStore.getState().lang,
      loadSigungu,
      locales: MAPLIBRE_LOCALE,
    });
    const offScene = subscribeScene(useAppStore, (diff) => map.render(diff), liveReports);
    const offControls = subscribeMapControls(useAppStore, map);
    const offSketch = bindSketch(useAppStore, map);
    const offFirms = subscribeFirms(useAppStore, map.firms);
    const offLocale = useAppStore.subscribe((s, prev) => {
      if (s.lang !== prev.lang) relabelControls(el, MAPLIBRE_LOCALE[s.lang]);
    });
    return () => {
      offLocale();
      offSketch();
      offScene();
      offControls();
      offFirms();
      release();
    };
  }, []);

  return (
    <>
      <div ref={host} className="map">
        <VertexStatus />
      </div>
      <LiveTooltip />
    </>
  );
}
