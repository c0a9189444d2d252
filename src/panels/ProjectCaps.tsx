/**
 * Caps over several zones in the app (issue 22): where the active zone's rule set caps all the
 * zones of a 시·도 together (`capScope: "sido"`), the project's zones under that rule set are
 * checked on request and summed by 시·도 — the same totals and sentences as `czd check a b c …`.
 * On request, not live: checking every zone on every edit would hold the check Worker.
 */
import { useState } from "react";
import { type SidoCapTotal, sidoCapSentence } from "../../geo/index";
import { failure } from "../actions/imports";
import { projectTotals } from "../actions/project-caps";
import { useT } from "../i18n";
import { ruleSetFor } from "../store/derive";
import { activeZone, useAppStore } from "../store/store";

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
