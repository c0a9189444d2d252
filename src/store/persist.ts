/** What autosave writes to IndexedDB and how it is read back: plain data, versioned. */
import type { RuleSet } from "../../geo/index";
import type { AppState, HubLayer, ZoneDoc } from "./types";

export const PROJECT_KEY = "czd-project-v1";

export interface SavedProject {
  version: 1;
  zones: ZoneDoc[];
  activeZoneId: string;
  customRuleSets: RuleSet[];
  /** Imported hub layers only; the built-in ones ship with the app. */
  hubLayers: HubLayer[];
}

export function snapshotProject(s: AppState): SavedProject {
  return {
    version: 1,
    zones: s.zones,
    activeZoneId: s.activeZoneId,
    customRuleSets: s.customRuleSets,
    hubLayers: s.hubLayers.filter((l) => !l.builtin),
  };
}

/** A saved project, or null when the value is not one (an older or foreign record). */
export function parseSavedProject(value: unknown): SavedProject | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Partial<SavedProject>;
  if (v.version !== 1 || !Array.isArray(v.zones) || v.zones.length === 0) return null;
  if (typeof v.activeZoneId !== "string") return null;
  return {
    version: 1,
    zones: v.zones,
    activeZoneId: v.activeZoneId,
    customRuleSets: Array.isArray(v.customRuleSets) ? v.customRuleSets : [],
    hubLayers: Array.isArray(v.hubLayers) ? v.hubLayers : [],
  };
}
