/**
 * Derived figures, never stored: the report is checkFiling over the active zone, memoised on the
 * identity of its inputs so a render or a hover costs nothing and a one-vertex drag costs one check.
 */
import {
  BUILTIN_RULE_SETS,
  checkFiling,
  type HubIndex,
  hubSourceName,
  indexHubSources,
  type Report,
  type RuleSet,
  type RulesHint,
  ruleSetById,
  ruleSetForStamp,
  sigunguVersion,
  type Zone,
} from "../../geo/index";
import { fallbackReport } from "./fallback-report";
import { activeZone } from "./store";
import type { AppState, DragPreview, HubLayer, ZoneDoc } from "./types";

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

/** The zone as checked right now: the drag preview, when there is one, stands in for its parcel. */
export function withPreview(zone: ZoneDoc, preview: DragPreview | null): ZoneDoc {
  if (!preview || preview.zoneId !== zone.id) return zone;
  const { parcel } = preview;
  return { ...zone, parcels: zone.parcels.map((p) => (p.id === parcel.id ? parcel : p)) };
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

function checkOrFallback(zone: ZoneDoc, ruleSet: RuleSet, index: HubIndex): Report {
  let report: Report;
  try {
    report = checkFiling(toGeoZone(zone), { ruleSet, hubs: index });
  } catch (e) {
    report = fallbackReport(ruleSet, e, zone.sido);
  }
  checkedZones.set(report, zone);
  return report;
}

interface ReportMemo {
  zone: ZoneDoc;
  preview: DragPreview | null;
  index: HubIndex;
  ruleSet: RuleSet;
  /** The 시·군·구 boundaries the report was made with (none until they arrive). */
  sigungu: number;
  report: Report;
}
let reportMemo: ReportMemo | null = null;

/**
 * The report of the active zone as the store holds it, without a drag preview: what an export
 * writes beside the geometry. The same object as selectReport's while nothing is being dragged.
 */
export function selectCommittedReport(s: AppState): Report {
  return selectReport(s.preview ? { ...s, preview: null } : s);
}

/** The live report of the active zone (memoised; the same object while nothing changed). */
export function selectReport(s: AppState): Report {
  const zone = activeZone(s);
  const index = selectHubIndex(s);
  const ruleSet = ruleSetFor(zone.ruleSetId, s.customRuleSets);
  // A preview of another zone (dragged there, then that zone left) changes nothing here.
  const preview = s.preview?.zoneId === zone.id ? s.preview : null;
  const m = reportMemo;
  if (
    m &&
    m.zone === zone &&
    m.preview === preview &&
    m.index === index &&
    m.ruleSet === ruleSet &&
    m.sigungu === sigunguVersion()
  ) {
    return m.report;
  }
  const checked = withPreview(zone, preview);
  const report = checkOrFallback(checked, ruleSet, index);
  reportMemo = { zone, preview, index, ruleSet, sigungu: sigunguVersion(), report };
  return report;
}
