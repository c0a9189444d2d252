/**
 * What autosave writes to IndexedDB and how it is read back: plain data, versioned. One record a
 * zone, with a revision, so an edit writes only its zone and two tabs can tell whose write came
 * first; one small record for the rest of the project. The v1 single-blob record is migrated.
 */
import type { RuleSet } from "../../geo/index";
import type { AppState, HubLayer, ZoneDoc } from "../store/types";

/** The v1 record: the whole project in one value (read once, migrated, then deleted). */
export const PROJECT_KEY = "czd-project-v1";
export const META_KEY = "czd-meta-v2";
const ZONE_PREFIX = "czd-zone-v2:";

export function zoneKey(zoneId: string): string {
  return `${ZONE_PREFIX}${zoneId}`;
}

/** The zone id of a zone record's key, or null for any other key. */
export function zoneIdOfKey(key: unknown): string | null {
  return typeof key === "string" && key.startsWith(ZONE_PREFIX)
    ? key.slice(ZONE_PREFIX.length)
    : null;
}

export interface ZoneRecord {
  version: 2;
  /** Raised by one at every write of the zone, by whichever tab writes it. */
  rev: number;
  /** Where the zone sits in the list (when it was first written). */
  order: number;
  /** null once the zone was removed, so other tabs remove it too. */
  zone: ZoneDoc | null;
  /** The tab that wrote this revision. */
  tab: string;
  /**
   * A removal marker's: the tabs that have seen the removal. Once every open tab has, the
   * record is deleted (markers.ts); zone ids are never reused, so nothing else would.
   */
  seenBy?: string[];
  /** A removal marker's: the zone as it was, for an edit a crashed tab's journal still holds. */
  last?: ZoneDoc | null;
}

export interface MetaRecord {
  version: 2;
  activeZoneId: string;
  customRuleSets: RuleSet[];
  /** Imported hub layers only; the built-in ones ship with the app. */
  hubLayers: HubLayer[];
}

/** Whether a stored zone has the shape the app draws from: an id and a list of parcels. */
function isZoneShaped(zone: unknown): zone is ZoneDoc {
  if (typeof zone !== "object" || zone === null) return false;
  const z = zone as Partial<ZoneDoc>;
  return typeof z.id === "string" && Array.isArray(z.parcels);
}

export function parseZoneRecord(value: unknown): ZoneRecord | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Partial<ZoneRecord>;
  if (v.version !== 2 || typeof v.rev !== "number" || typeof v.order !== "number") return null;
  const zone = v.zone;
  if (zone === undefined || (zone !== null && !isZoneShaped(zone))) return null;
  const rec: ZoneRecord = {
    version: 2,
    rev: v.rev,
    order: v.order,
    zone,
    tab: String(v.tab ?? ""),
  };
  if (zone === null) {
    rec.seenBy = Array.isArray(v.seenBy) ? v.seenBy.map(String) : [];
    if (v.last && isZoneShaped(v.last)) rec.last = v.last;
  }
  return rec;
}

export function metaOf(s: AppState): MetaRecord {
  return {
    version: 2,
    activeZoneId: s.activeZoneId,
    customRuleSets: s.customRuleSets,
    hubLayers: s.hubLayers.filter((l) => !l.builtin),
  };
}

export function parseMetaRecord(value: unknown): MetaRecord | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Partial<MetaRecord>;
  if (v.version !== 2) return null;
  return {
    version: 2,
    activeZoneId: typeof v.activeZoneId === "string" ? v.activeZoneId : "",
    customRuleSets: Array.isArray(v.customRuleSets) ? v.customRuleSets : [],
    hubLayers: Array.isArray(v.hubLayers) ? v.hubLayers : [],
  };
}

/** The v1 record's shape. */
export interface SavedProject {
  version: 1;
  zones: ZoneDoc[];
  activeZoneId: string;
  customRuleSets: RuleSet[];
  hubLayers: HubLayer[];
}

export function snapshotProject(s: AppState): SavedProject {
  return { ...metaOf(s), version: 1, zones: s.zones };
}

/** A v1 saved project, or null when the value is not one (an older or foreign record). */
export function parseSavedProject(value: unknown): SavedProject | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Partial<SavedProject>;
  if (v.version !== 1 || !Array.isArray(v.zones) || v.zones.length === 0) return null;
  // A zone of another shape is not migrated: the recovery page offers the record as it is.
  if (typeof v.activeZoneId !== "string" || !v.zones.every(isZoneShaped)) return null;
  return {
    version: 1,
    zones: v.zones,
    activeZoneId: v.activeZoneId,
    customRuleSets: Array.isArray(v.customRuleSets) ? v.customRuleSets : [],
    hubLayers: Array.isArray(v.hubLayers) ? v.hubLayers : [],
  };
}
