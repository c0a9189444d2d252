/**
 * Side effects of the store, all in one place: autosave and tab sync, the map's scene and controls.
 * Components never save; they change the store and this file follows.
 */

import { broadcastChannel, idbRecords } from "../persistence/record-store";
import { createSync, type Sync } from "../persistence/sync";
import { selectReport, withPreview } from "../store/derive";
import { type AppStore, activeZone } from "../store/store";
import type { AppState, ZoneDoc } from "../store/types";
import type { MapControls, Scene } from "./contract";
import {
  editableParcels,
  envelopeCollection,
  hubsCollection,
  parcelsBbox,
  parcelsCollection,
} from "./scene";
import {
  type EnclosingKey,
  enclosingCollection,
  enclosingKey,
  sameEnclosing,
} from "./scene-enclosing";

/**
 * Autosave to IndexedDB and sync with the other tabs of the project: restore the saved project,
 * then write every edit and take in other tabs' (told by BroadcastChannel, and read again
 * whenever this tab comes back into view, in case a message was missed while it was frozen).
 */
export async function startPersistence(store: AppStore): Promise<Sync> {
  const tab = crypto.randomUUID();
  const sync = createSync(store, idbRecords, broadcastChannel("czd-project"), tab);
  await sync.restore();
  sync.start();
  const pull = () => {
    if (document.visibilityState === "visible") void sync.pull();
  };
  window.addEventListener("focus", pull);
  document.addEventListener("visibilitychange", pull);
  return sync;
}

/** Redraw the map from the store: each part of the scene is rebuilt only when its inputs change. */
export function subscribeScene(
  store: AppStore,
  render: (diff: Partial<Scene>) => void,
): () => void {
  let last: {
    zone: ZoneDoc;
    preview: AppState["preview"];
    highlight: AppState["highlight"];
    hubLayers: AppState["hubLayers"];
    enclosing: EnclosingKey | null;
  } | null = null;
  const update = (s: AppState) => {
    const zone = activeZone(s);
    const diff: Partial<Scene> = {};
    const shown = withPreview(zone, s.preview);
    if (
      !last ||
      last.zone.parcels !== zone.parcels ||
      last.preview !== s.preview ||
      last.highlight !== s.highlight
    ) {
      diff.parcels = parcelsCollection(shown.parcels, s.highlight.parcelIds);
    }
    if (!last || last.zone.parcels !== zone.parcels) diff.editable = editableParcels(zone.parcels);
    if (!last || last.zone.envelope !== zone.envelope)
      diff.envelope = envelopeCollection(zone.envelope);
    if (!last || last.hubLayers !== s.hubLayers) diff.hubs = hubsCollection(s.hubLayers);
    // The memoised report: the same object (and no new check) unless the zone or a drag changed.
    const enclosing = enclosingKey(selectReport(s));
    if (!last || !sameEnclosing(last.enclosing, enclosing))
      diff.enclosing = enclosingCollection(enclosing);
    if (last && last.highlight.seq !== s.highlight.seq) {
      const bbox = parcelsBbox(zone.parcels, s.highlight.parcelIds);
      diff.focus = bbox ? { bbox, seq: s.highlight.seq } : null;
    }
    last = { zone, preview: s.preview, highlight: s.highlight, hubLayers: s.hubLayers, enclosing };
    if (Object.keys(diff).length > 0) render(diff);
  };
  update(store.getState());
  return store.subscribe(update);
}

/** Keep the map's tool, basemap and label language in step with the UI slice. */
export function subscribeMapControls(store: AppStore, map: MapControls): () => void {
  const apply = (s: AppState) => {
    map.setTool(s.tool);
    map.setBasemap(s.basemap);
    map.setLang(s.lang);
  };
  apply(store.getState());
  return store.subscribe((s, prev) => {
    if (s.tool !== prev.tool || s.basemap !== prev.basemap || s.lang !== prev.lang) apply(s);
  });
}
