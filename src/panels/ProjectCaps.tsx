/**
 * Caps over several zones in the app (issue 22): where the active zone's rule set caps all the
 * zones of a 시·도 together (`capScope: "sido"`), the project's zones under that rule set are
 * checked on request and summed by 시·도 — the same totals and sentences as `czd check a b c …`.
 * On request, not live: checking every zone on every edit would hold the check Worker.
 */
import { useState } from "react";
import {
  type BatchEntry,
  batchRowOf,
  type SidoCapTotal,
  sidoCapSentence,
  sidoCapTotals,
} from "../../geo/index";
import { failure } from "../actions/imports";
import { useT } from "../i18n";
import { ruleSetFor, toGeoZone } from "../store/derive";
import { activeZone, useAppStore } from "../store/store";
import { zoneReport } from "../workers/live-check";

/** Each zone of the project under `ruleSetId`, checked; the 시·도 totals of their areas. */
async function projectTotals(ruleSetId: string): Promise<SidoCapTotal[]> {
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

export function ProjectCaps() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const ruleSetId = useAppStore((s) => activeZone(s).ruleSetId);
  const capScope = useAppStore((s) => ruleSetFor(ruleSetId, s.customRuleSets).capScope);
  const [totals, setTotals] = useState<SidoCapTotal[] | null>(null);
  if (capScope !== "sido") return null;
  const run = async (): Promise<void> => {
    try {
      setTotals(await projectTotals(ruleSetId));
    } catch (e) {
      useAppStore.getState().notify(failure(e, ruleSetId));
    }
  };
  return (
    <div className="project-caps" data-testid="project-caps">
      <button type="button" data-testid="project-caps-check" onClick={() => void run()}>
        {t.projectCapsCheck}
      </button>
      {totals?.map((c) => (
        <p
          key={c.sido.code}
          className={c.overKm2 > 0 ? "small project-cap-over" : "small"}
          data-testid="project-cap"
        >
          {sidoCapSentence(c, lang)}
        </p>
      ))}
    </div>
  );
}
