/**
 * Derived figures, never stored: the report is checkFiling over the active zone, memoised on the
 * identity of its inputs so a render or a hover costs nothing and a one-vertex drag costs one check.
 */
import {
  BUILTIN_RULE_SETS,
  checkFiling,
  type Hub,
  type HubIndex,
  indexHubs,
  type Report,
  type RuleSet,
  ruleSetById,
  type Zone,
} from "../../geo/index";
import { fallbackReport } from "./fallback-report";
import { activeZone } from "./store";
import type { AppState, DragPreview, HubLayer, ZoneDoc } from "./types";

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

export function ruleSetFor(id: string, custom: RuleSet[]): RuleSet {
  // Built-in ids first: a loaded file never shadows them; an unknown id gets a stand-in the
  // checker refuses with a message, so the zone stays open and its planner picks a rule set.
  return ruleSetById(id, custom);
}

let hubMemo: { layers: HubLayer[]; index: HubIndex; hubs: Hub[] } | null = null;

/** One index over every visible hub layer, rebuilt only when the layers change. */
export function selectHubIndex(s: Pick<AppState, "hubLayers">): HubIndex {
  if (hubMemo && hubMemo.layers === s.hubLayers) return hubMemo.index;
  const hubs = s.hubLayers.filter((l) => l.visible).flatMap((l) => l.hubs);
  hubMemo = { layers: s.hubLayers, index: indexHubs(hubs), hubs };
  return hubMemo.index;
}

/** The zone as checked right now: the drag preview, when there is one, stands in for its parcel. */
export function withPreview(zone: ZoneDoc, preview: DragPreview | null): ZoneDoc {
  if (!preview || preview.zoneId !== zone.id) return zone;
  const { parcel } = preview;
  return { ...zone, parcels: zone.parcels.map((p) => (p.id === parcel.id ? parcel : p)) };
}

function checkOrFallback(zone: ZoneDoc, ruleSet: RuleSet, index: HubIndex): Report {
  try {
    return checkFiling(toGeoZone(zone), { ruleSet, hubs: index });
  } catch (e) {
    return fallbackReport(ruleSet, e);
  }
}

interface ReportMemo {
  zone: ZoneDoc;
  preview: DragPreview | null;
  index: HubIndex;
  ruleSet: RuleSet;
  report: Report;
}
let reportMemo: ReportMemo | null = null;

/** The live report of the active zone (memoised; the same object while nothing changed). */
export function selectReport(s: AppState): Report {
  const zone = activeZone(s);
  const index = selectHubIndex(s);
  const ruleSet = ruleSetFor(zone.ruleSetId, s.customRuleSets);
  const m = reportMemo;
  if (
    m &&
    m.zone === zone &&
    m.preview === s.preview &&
    m.index === index &&
    m.ruleSet === ruleSet
  ) {
    return m.report;
  }
  const checked = withPreview(zone, s.preview);
  const report = checkOrFallback(checked, ruleSet, index);
  reportMemo = { zone, preview: s.preview, index, ruleSet, report };
  return report;
}
