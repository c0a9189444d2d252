/** The hub layers: the built-in innovation cities and whatever hub files the planner imports. */
import type { StateCreator } from "zustand";
import type { AppState, HubsSlice } from "./types";

export const createHubsSlice: StateCreator<AppState, [], [], HubsSlice> = (set, get) => ({
  hubLayers: [],
  addHubLayer: (layer) => {
    const others = get().hubLayers.filter((l) => l.id !== layer.id);
    set({ hubLayers: [...others, layer] });
  },
  toggleHubLayer: (id) => {
    set({
      hubLayers: get().hubLayers.map((l) => (l.id === id ? { ...l, visible: !l.visible } : l)),
    });
  },
  removeHubLayer: (id) => {
    set({ hubLayers: get().hubLayers.filter((l) => l.id !== id || l.builtin) });
  },
});
