/** The shapes the store holds: what the planner drew, never what is derived from it. */
import type { Envelope, Hub, Lang, Parcel, RuleSet } from "../../geo/index";
import type { FirmsSlice } from "./firms-slice";
import type { LiveSlice } from "./live-slice";
import type { Basemap, ToolId } from "./vocabulary";

/** One zone of the project, as the planner edits it. */
export interface ZoneDoc {
  id: string;
  name: string;
  /** ISO 3166-2:KR code, or null to let the parcels decide. */
  sido: string | null;
  ruleSetId: string;
  envelope: Envelope | null;
  parcels: Parcel[];
  createdAt: string;
}

/** One zone edit, applied atomically by `transact` and undone as one step. */
export interface ZoneDiff {
  /** The zone to edit; the active one when omitted. */
  zoneId?: string;
  /** Parcels to add, or to replace when the id exists already. */
  put?: Parcel[];
  /** Parcel ids to remove. */
  remove?: string[];
  /** The new envelope (null removes it); untouched when omitted. */
  envelope?: Envelope | null;
  meta?: Partial<Pick<ZoneDoc, "name" | "sido" | "ruleSetId">>;
}

export interface ZoneSlice {
  zones: ZoneDoc[];
  activeZoneId: string;
  /** Rule sets a reviewer loaded from a file, next to the built-in ones. */
  customRuleSets: RuleSet[];
  transact: (diff: ZoneDiff) => void;
  addZone: (zone?: Partial<ZoneDoc>) => string;
  removeZone: (zoneId: string) => void;
  setActiveZone: (zoneId: string) => void;
  addRuleSet: (ruleSet: RuleSet) => void;
}

export interface HubLayer {
  id: string;
  name: string;
  hubs: Hub[];
  /** Positions are approximate (the built-in innovation cities). */
  approximate: boolean;
  builtin: boolean;
  visible: boolean;
}

export interface HubsSlice {
  hubLayers: HubLayer[];
  addHubLayer: (layer: HubLayer) => void;
  toggleHubLayer: (id: string) => void;
  removeHubLayer: (id: string) => void;
}

export interface Notice {
  kind: "error" | "info";
  ko: string;
  en: string;
  /** An info notice that stays until closed, as errors do (it goes by itself otherwise). */
  stay?: boolean;
}

/** A parcel's geometry while a vertex is being dragged: shown and checked, not yet an edit. */
export interface DragPreview {
  zoneId: string;
  parcel: Parcel;
}

export type SaveState = "idle" | "pending" | "saved" | "restored" | "failed";

export interface UiSlice {
  lang: Lang;
  tool: ToolId;
  highlight: { parcelIds: string[]; seq: number };
  notice: Notice | null;
  basemap: Basemap;
  /** The online basemap failed to load tiles, so the embedded one is shown (the status bar says). */
  basemapFailed: boolean;
  /** The 시·군·구 boundaries have arrived: the report now names them. */
  sigunguLoaded: boolean;
  helpOpen: boolean;
  preview: DragPreview | null;
  saveState: SaveState;
  /** Reviewer mode: a filing and its full report instead of the drawing tools. */
  reviewing: boolean;
  /** One-key tool shortcuts (P, C, R, V) are on (WCAG 2.1.4: the planner can turn them off). */
  shortcutsOn: boolean;
  /** The vertex the arrow keys move (src/actions/vertex-keys.ts). */
  vertex: { parcelId: string; index: number } | null;
  setLang: (lang: Lang) => void;
  setTool: (tool: ToolId) => void;
  focusParcels: (parcelIds: string[]) => void;
  notify: (notice: Notice | null) => void;
  setBasemap: (basemap: Basemap) => void;
  /** Online tiles failed: show the embedded map and say so. */
  fallBackToEmbedded: () => void;
  setSigunguLoaded: () => void;
  setHelpOpen: (open: boolean) => void;
  setPreview: (preview: DragPreview | null) => void;
  setSaveState: (state: SaveState) => void;
  setReviewing: (reviewing: boolean) => void;
  setShortcutsOn: (on: boolean) => void;
  setVertex: (vertex: { parcelId: string; index: number } | null) => void;
}

export type AppState = ZoneSlice & HubsSlice & UiSlice & FirmsSlice & LiveSlice;
