/** UI state: language, tool, highlight, notices. Never undone, never part of a filing. */
import type { StateCreator } from "zustand";
import { LANG_KEY, storedLang } from "./stored-lang";
import type { AppState, UiSlice } from "./types";

/** One-key shortcuts turned off, kept in this browser likewise. */
const SHORTCUTS_KEY = "czd.shortcuts";

function storedShortcutsOn(): boolean {
  try {
    return globalThis.localStorage?.getItem(SHORTCUTS_KEY) !== "off";
  } catch {
    return true;
  }
}

function storeLang(lang: AppState["lang"]): void {
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    // Storage refused: the language holds for this visit only.
  }
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  lang: storedLang(),
  tool: "none",
  highlight: { parcelIds: [], seq: 0 },
  notice: null,
  // Online by default (roads and places to draw against); the embedded map when tiles fail.
  // `import.meta.env` is Vite's: outside it (the store in a Node bench) there is none.
  basemap: import.meta.env?.VITE_VWORLD_KEY ? "vworld" : "osm",
  basemapFailed: false,
  sigunguLoaded: false,
  helpOpen: false,
  preview: null,
  saveState: "idle",
  reviewing: false,
  shortcutsOn: storedShortcutsOn(),
  vertex: null,
  setLang: (lang) => {
    storeLang(lang);
    set({ lang });
  },
  setTool: (tool) => set({ tool, preview: null }),
  focusParcels: (parcelIds) => set({ highlight: { parcelIds, seq: get().highlight.seq + 1 } }),
  notify: (notice) => set({ notice }),
  setBasemap: (basemap) => set({ basemap, basemapFailed: false }),
  fallBackToEmbedded: () => {
    if (get().basemap !== "none") set({ basemap: "none", basemapFailed: true });
  },
  setSigunguLoaded: () => set({ sigunguLoaded: true }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setPreview: (preview) => set({ preview }),
  setSaveState: (saveState) => set({ saveState }),
  setReviewing: (reviewing) => set({ reviewing, tool: "none", preview: null }),
  setShortcutsOn: (shortcutsOn) => {
    try {
      globalThis.localStorage?.setItem(SHORTCUTS_KEY, shortcutsOn ? "on" : "off");
    } catch {
      // Storage refused: the choice holds for this visit only.
    }
    set({ shortcutsOn });
  },
  setVertex: (vertex) => set({ vertex }),
});
