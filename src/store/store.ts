/**
 * The one store: typed slices combined at the root, with zundo's temporal middleware here only.
 * Undo tracks the zones and the active zone; hub layers and UI state are not undone.
 */
import { temporal } from "zundo";
import { create } from "zustand";
import { createFirmsSlice } from "./firms-slice";
import { createHubsSlice } from "./hubs-slice";
import { createLiveSlice } from "./live-slice";
import type { AppState, ZoneDoc } from "./types";
import { createUiSlice } from "./ui-slice";
import { createZoneSlice } from "./zone-slice";

export interface UndoState {
  zones: ZoneDoc[];
  activeZoneId: string;
}

/** Build a store; the app uses one, tests make their own. */
export function createAppStore() {
  return create<AppState>()(
    temporal(
      (...a) => ({
        ...createZoneSlice(...a),
        ...createHubsSlice(...a),
        ...createUiSlice(...a),
        ...createFirmsSlice(...a),
        ...createLiveSlice(...a),
      }),
      {
        partialize: (s): UndoState => ({ zones: s.zones, activeZoneId: s.activeZoneId }),
        // Only a change of the zones themselves is an undo step, not a hover or a language switch.
        equality: (a, b) => a.zones === b.zones && a.activeZoneId === b.activeZoneId,
        limit: 200,
      },
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;

export const useAppStore = createAppStore();

/** The zone being edited. */
export function activeZone(s: AppState): ZoneDoc {
  const zone = s.zones.find((z) => z.id === s.activeZoneId) ?? s.zones[0];
  if (!zone) throw new Error("the project has no zone");
  return zone;
}
