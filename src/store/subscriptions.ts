/**
 * Side effects of the store, all in one place: autosave to IndexedDB and restore on load.
 * Components never save; they change the store and this file follows.
 */
import { get as idbGet, set as idbSet } from "idb-keyval";
import { selectReport, withPreview } from "./derive";
import { PROJECT_KEY, parseSavedProject, snapshotProject } from "./persist";
import {
  editableParcels,
  envelopeCollection,
  hubsCollection,
  parcelsBbox,
  parcelsCollection,
  type Scene,
} from "./scene";
import {
  type EnclosingKey,
  enclosingCollection,
  enclosingKey,
  sameEnclosing,
} from "./scene-enclosing";
import { type AppStore, activeZone } from "./store";
import type { AppState, ZoneDoc } from "./types";

const SAVE_DELAY_MS = 250;

/** Read the saved project into the store (undo history starts empty). */
export async function restoreProject(store: AppStore): Promise<boolean> {
  try {
    const saved = parseSavedProject(await idbGet(PROJECT_KEY));
    if (!saved) return false;
    const builtin = store.getState().hubLayers.filter((l) => l.builtin);
    store.setState({
      zones: saved.zones,
      activeZoneId: saved.activeZoneId,
      customRuleSets: saved.customRuleSets,
      hubLayers: [...builtin, ...saved.hubLayers],
      saveState: "restored",
    });
    store.temporal.getState().clear();
    return true;
  } catch {
    store.setState({ saveState: "failed" });
    return false;
  }
}

/** Save the project shortly after every change of what the planner made. Returns unsubscribe. */
export function subscribeAutosave(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = async () => {
    timer = null;
    try {
      await idbSet(PROJECT_KEY, snapshotProject(store.getState()));
      if (timer === null) store.getState().setSaveState("saved");
    } catch {
      store.getState().setSaveState("failed");
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const changed =
      s.zones !== prev.zones ||
      s.activeZoneId !== prev.activeZoneId ||
      s.customRuleSets !== prev.customRuleSets ||
      s.hubLayers !== prev.hubLayers;
    if (!changed) return;
    if (timer !== null) clearTimeout(timer);
    if (s.saveState !== "pending") s.setSaveState("pending");
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      void save();
    }
  };
  window.addEventListener("pagehide", flush);
  return () => {
    unsubscribe();
    window.removeEventListener("pagehide", flush);
  };
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

export interface MapControls {
  setTool: (tool: AppState["tool"]) => void;
  setBasemap: (basemap: AppState["basemap"]) => void;
  setLang: (lang: AppState["lang"]) => void;
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
