/**
 * Caps over several zones (issue 22): the project's zones under one rule set, each checked as
 * `czd check` checks a filing, summed by 시·도 — the same totals as `czd check a b c …`.
 */
import { type BatchEntry, batchRowOf, type SidoCapTotal, sidoCapTotals } from "../../geo/index";
import { ruleSetFor, toGeoZone } from "../store/derive";
import { useAppStore } from "../store/store";
import { zoneReport } from "./live-check";

/** Each zone of the project under `ruleSetId`, checked; the 시·도 totals of their areas. */
export async function projectTotals(ruleSetId: string): Promise<SidoCapTotal[]> {
  const s = useAppStore.getState();
  const ruleSet = ruleSetFor(ruleSetId, s.customRuleSets);
  const entries: BatchEntry[] = [];
  for (const doc of s.zones.filter((z) => z.ruleSetId === ruleSetId && z.parcels.length > 0)) {
    const zone = toGeoZone(doc);
    const report = await zoneReport(s, zone, ruleSet);
    entries.push({
      row: batchRowOf(doc.name, doc.name, report),
      checked: { report, zone, ruleSet, sha256: "" },
    });
  }
  return sidoCapTotals(entries);
}
