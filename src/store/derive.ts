/**
 * Derived values, never stored: the geo core's zone for a zone of the store, the rule set it is
 * checked with, the hub index of the visible layers, and which zone a report was made of. The
 * report itself comes from the check Worker (src/actions/live-check.ts).
 */
import {
  BUILTIN_RULE_SETS,
  type HubIndex,
  hubSourceName,
  indexHubSources,
  type Report,
  type RuleSet,
  type RulesHint,
  ruleSetById,
  ruleSetForStamp,
  type Zone,
} from "../../geo/index";
import type { AppState, HubLayer, ZoneDoc } from "./types";

/** What the app asks for when a filing's rule set is unknown (the CLI says `--rules`). */
export const APP_RULES_HINT: RulesHint = {
  ko: "그 규칙 파일을 먼저 불러오십시오",
  en: "load its rules file first",
};

/** The geo core's Zone for a zone of the store (always WGS84). */
export function toGeoZone(doc: ZoneDoc): Zone {
  return {
    parcels: doc.parcels,
    envelope: doc.envelope,
    meta: {
      name: doc.name,
      ...(doc.sido ? { sido: doc.sido } : {}),
      ruleSet: doc.ruleSetId,
      createdAt: doc.createdAt,
    },
    sourceCrs: "EPSG:4326",
  };
}

/** Every rule set the planner can pick: built-in first, then loaded ones. */
export function allRuleSets(custom: RuleSet[]): RuleSet[] {
  const builtinIds = new Set(BUILTIN_RULE_SETS.map((r) => r.id));
  return [...BUILTIN_RULE_SETS, ...custom.filter((r) => !builtinIds.has(r.id))];
}

/**
 * The rule set a zone of the project names: built-in ids first (a loaded file never shadows
 * one), then loaded ones; an unknown id gets a stand-in the checker refuses with a message, so
 * the zone stays open and its planner picks a rule set (issue 8).
 */
export function ruleSetFor(id: string, custom: RuleSet[]): RuleSet {
  return ruleSetById(id, custom);
}

/**
 * The rule set a filed file is checked with, decided as `czd check` decides it without
 * `--rules` (geo/rules/resolve.ts): its stamp, else phase-1-2; a stamp neither built in nor
 * loaded is refused with a message, never checked against other rules. A loaded rules file
 * stands in for the CLI's `--rules` file.
 */
export function ruleSetOfFiling(stamp: unknown, custom: RuleSet[]): RuleSet {
  return ruleSetForStamp(stamp, allRuleSets(custom), APP_RULES_HINT);
}

/** The report's name for a layer: the built-in one is the CLI's embedded layer, others files. */
function layerSourceName(layer: HubLayer): string {
  return hubSourceName(layer.builtin ? { embedded: true } : { file: layer.name });
}

let hubMemo: { layers: HubLayer[]; index: HubIndex } | null = null;

/** The visible hub layers as the checker counts them, each under its report name. */
export function visibleHubSources(layers: HubLayer[]): { name: string; hubs: HubLayer["hubs"] }[] {
  return layers.filter((l) => l.visible).map((l) => ({ name: layerSourceName(l), hubs: l.hubs }));
}

/** One index over every visible hub layer, rebuilt only when the layers change. */
export function selectHubIndex(s: Pick<AppState, "hubLayers">): HubIndex {
  if (hubMemo && hubMemo.layers === s.hubLayers) return hubMemo.index;
  hubMemo = { layers: s.hubLayers, index: indexHubSources(visibleHubSources(s.hubLayers)) };
  return hubMemo.index;
}

/** The zone each report was computed from: an export takes only a report of what it writes. */
const checkedZones = new WeakMap<Report, ZoneDoc>();

/** True when `report` was computed from exactly `zone` (not a drag preview, not other geometry). */
export function isReportOf(report: Report, zone: ZoneDoc): boolean {
  return checkedZones.get(report) === zone;
}

/** Records that `report` (the check Worker's) was computed from exactly `zone`. */
export function markReportOf(report: Report, zone: ZoneDoc): void {
  checkedZones.set(report, zone);
}
