/**
 * The shape in progress on the map (being drawn, or an envelope being dragged), which the panel
 * and the tooltip beside the pointer measure. Not undone, never saved: it is not the zone yet.
 */
import type { StateCreator } from "zustand";
import type { AppState } from "./types";
import type { LiveShape } from "./vocabulary";

export interface LiveSlice {
  live: LiveShape | null;
  setLive: (live: LiveShape | null) => void;
}

export const createLiveSlice: StateCreator<AppState, [], [], LiveSlice> = (set, get) => ({
  live: null,
  setLive: (live) => {
    // Nothing drawn and nothing drawn before: no store change (a hover with no tool is free).
    if (live === null && get().live === null) return;
    set({ live });
  },
});
