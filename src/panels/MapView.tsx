/**
 * The React host of the map: adopts the map the page's first script made (src/map/early-map.ts)
 * and wires it to the store, its actions and the live report.
 */
import { useLayoutEffect, useRef, useState } from "react";
import {
  applyDeleted,
  applyDrawn,
  applyEdited,
  applyEnvelopeEdited,
  bindSketch,
  cancelEdit,
} from "../actions/actions";
import { useT } from "../i18n";
import { MAPLIBRE_LOCALE } from "../i18n/maplibre";
import { relabelControls } from "../map/control-labels";
import { type AppHandlers, adoptMap, mapFailure } from "../map/early-map";
import { subscribeFirms, subscribeMapControls, subscribeScene } from "../map/subscriptions";
import { loadSigungu } from "../sigungu-data";
import { liveReports } from "../store/live-report";
import { useSearchHit } from "../store/search-hit";
import { useAppStore } from "../store/store";
import { bindArchiveBasemap } from "./archive-wiring";
import { bindCadastre } from "./cadastre-wiring";
import { describeHub } from "./hub-words";
import { LiveTooltip } from "./LiveMeasures";
import { measure, pointer } from "./transient";
import { VertexStatus } from "./VertexStatus";

const HANDLERS: AppHandlers = {
  onDrawn: (tool, geometry) => applyDrawn(useAppStore, tool, geometry),
  onEdited: (id, geometry, final) => applyEdited(useAppStore, id, geometry, final),
  onDeleted: (id) => applyDeleted(useAppStore, id),
  onEditCancelled: () => cancelEdit(useAppStore),
  onError: (message) => console.warn(message),
  onTilesFailed: () => useAppStore.getState().fallBackToEmbedded(),
  onLive: (shape) => useAppStore.getState().setLive(shape),
  onEnvelopeEdited: (envelope) => applyEnvelopeEdited(useAppStore, envelope),
  onPointer: (at) => pointer.set(at),
  onMeasure: (points, ended) => measure.set({ ...measure.get(), points, ended }),
  describeHub: (hub) => describeHub(useAppStore.getState().lang, hub),
  isIdle: () => ["none", "select"].includes(useAppStore.getState().tool),
};

export function MapView() {
  const host = useRef<HTMLDivElement>(null);
  const t = useT();
  const [noMap, setNoMap] = useState(() => mapFailure() !== null);

  // Before the browser paints the app: the map never shows over the panels for a frame.
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const adopted = adoptMap(el, HANDLERS, {
      lang: useAppStore.getState().lang,
      loadSigungu,
      locales: MAPLIBRE_LOCALE,
    });
    if (!adopted) {
      setNoMap(true);
      return;
    }
    const { map, release } = adopted;
    const offScene = subscribeScene(useAppStore, (diff) => map.render(diff), liveReports);
    const offControls = subscribeMapControls(useAppStore, map);
    const offSketch = bindSketch(useAppStore, map);
    const offFirms = subscribeFirms(useAppStore, map.firms);
    const offCadastre = bindCadastre(useAppStore, map.cadastre, map.cadastreBox);
    const offArchive = bindArchiveBasemap(map);
    const showHit = ({ hit }: ReturnType<typeof useSearchHit.getState>) =>
      map.searchHit.show(hit?.geometry ?? null, hit?.pnu);
    showHit(useSearchHit.getState());
    const offHit = useSearchHit.subscribe(showHit);
    const offLocale = useAppStore.subscribe((s, prev) => {
      if (s.lang !== prev.lang) relabelControls(el, MAPLIBRE_LOCALE[s.lang]);
    });
    return () => {
      offLocale();
      offSketch();
      offScene();
      offControls();
      offFirms();
      offCadastre();
      offArchive();
      offHit();
      release();
    };
  }, []);

  return (
    <>
      <div ref={host} className="map">
        {noMap ? (
          <div className="map-unavailable" role="status" data-testid="map-unavailable">
            <p>{t.mapUnavailable}</p>
          </div>
        ) : (
          <VertexStatus />
        )}
      </div>
      <LiveTooltip />
    </>
  );
}
