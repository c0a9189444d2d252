/** The live report: areas against the cap, reach against the limit, hubs, findings. */
import { type Messages, severityName, shapeName, useT } from "../i18n";
import { findingText, sidoDisplayName } from "../i18n/hints";
import { ruleSetFor } from "../store/derive";
import { useCheckingAttribute, useLiveReport } from "../store/live-report";
import { activeZone, useAppStore } from "../store/store";
import { EnvelopeEditor } from "./EnvelopeEditor";
import { HubTable } from "./HubTable";
import { LiveMeasures } from "./LiveMeasures";
import { ParcelList } from "./ParcelList";
import { fixed, VerdictHeading } from "./Verdict";

const isEmpty = (s: Parameters<typeof activeZone>[0]) => activeZone(s).parcels.length === 0;

function Findings({ t }: { t: Messages }) {
  const report = useLiveReport((r) => r.report);
  const lang = useAppStore((s) => s.lang);
  const focusParcels = useAppStore((s) => s.focusParcels);
  const empty = useAppStore(isEmpty);
  // A fresh zone is not a failed one: a hint to start, not the red NO_PARCEL finding.
  if (empty)
    return (
      <p className="empty-hint" data-testid="empty-hint">
        {t.emptyZoneHint}
      </p>
    );
  if (!report) return null;
  if (report.findings.length === 0) return <p className="ok">{t.noFindings}</p>;
  return (
    <ul className="findings" data-testid="findings">
      {report.findings.map((f) => (
        <li
          key={`${f.code}:${f.parcels.join(",")}:${f.message}`}
          className={f.severity}
          data-code={f.code}
        >
          {/* The severity in words, not only the border's colour; the code is for the CLI and
              the English report, not a word of the Korean panel. */}
          <button
            type="button"
            onClick={() => focusParcels(f.parcels)}
            title={f.parcels.join(", ")}
          >
            <strong className="severity">{severityName(t, f.severity)}</strong>{" "}
            {findingText(f, lang)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The 시·군·구 the parcels lie in, with the parcel area in each (`sido.sigungu`). */
function Sigungu({ t }: { t: Messages }) {
  const sigungu = useLiveReport((r) => r.report?.sido.sigungu);
  return (
    <p className="small" data-testid="sigungu">
      {t.sigungu}:{" "}
      {sigungu === undefined
        ? t.sigunguLoading
        : sigungu.length === 0
          ? "–"
          : sigungu.map((s, i) => (
              // The names are Korean (KOSTAT has no English ones): marked so in English mode.
              <span key={s.code}>
                {i > 0 ? ", " : ""}
                <span lang="ko">{s.name}</span> {fixed(s.km2, 3)} {t.km2}
              </span>
            ))}
    </p>
  );
}

/**
 * Shown while the check Worker works on a newer version of the zone than the figures are of
 * (the section's data-checking, which app.css turns into a visible line after a moment).
 */
function Checking({ t }: { t: Messages }) {
  return (
    <p className="small checking" data-testid="checking" role="status">
      {t.checking}
    </p>
  );
}

export function ValidationPanel() {
  const t = useT();
  const report = useLiveReport((r) => r.report);
  const lang = useAppStore((s) => s.lang);
  const empty = useAppStore(isEmpty);
  const polygonLimit = useAppStore(
    (s) => ruleSetFor(activeZone(s).ruleSetId, s.customRuleSets).envelope.polygon?.areaKm2,
  );
  const ruleSetTitle = useAppStore((s) => {
    const rules = ruleSetFor(activeZone(s).ruleSetId, s.customRuleSets);
    return rules.id === report?.ruleSet ? rules.name[lang === "en" ? "en" : "ko"] : null;
  });
  const checkingRef = useCheckingAttribute();
  if (!report)
    return (
      <section ref={checkingRef} className="panel validation" data-testid="validation-panel">
        <h2>{t.validation}</h2>
        <Checking t={t} />
        <LiveMeasures />
        <EnvelopeEditor />
        <ParcelList />
      </section>
    );
  const env = report.envelope;
  const over = report.area.totalKm2 > report.area.capKm2;
  return (
    <section ref={checkingRef} className="panel validation" data-testid="validation-panel">
      <VerdictHeading t={t} verdict={report.verdict} testId="verdict" empty={empty} />
      <Checking t={t} />
      <p className="small" data-testid="rule-set-line">
        {/* The rule set by its title, not its id and version stamp ("phase-1-2 · 2021-03"). */}
        {ruleSetTitle ?? report.ruleSet}
        {report.ruleSetCustom ? ` (${t.customRules})` : ""} · {t.sido}:{" "}
        {sidoDisplayName(report.sido, lang)}
      </p>
      <Sigungu t={t} />
      <LiveMeasures />
      <dl>
        <dt>{t.totalArea}</dt>
        <dd className={over ? "bad" : ""}>
          <span data-testid="total-area">
            {fixed(report.area.totalKm2, 3)} {t.km2}
          </span>{" "}
          / {t.cap} {report.area.capKm2} {t.km2}
        </dd>
        <dt>{t.tmArea}</dt>
        <dd>
          {fixed(report.area.tm.totalKm2, 4)} {t.km2} ({report.area.tm.crs})
        </dd>
        {/* A polygon envelope is judged by its area, not by a distance. */}
        <dt>{env.shape === "polygon" ? t.envelopeArea : t.reach}</dt>
        <dd data-testid="reach">
          {env.shape === "polygon"
            ? `${fixed(env.areaKm2, 1)} ${t.km2}${polygonLimit === undefined ? "" : ` / ${t.limit} ${polygonLimit} ${t.km2}`}`
            : `${fixed(env.reachKm, 2)} km / ${t.limit} ${fixed(env.limitKm, 0)} km`}{" "}
          ({env.given ? shapeName(t, env.shape) : t.shapeInferred})
        </dd>
      </dl>
      {/* The findings come before the tables: in view at 1366×768 without scrolling. */}
      <h3>{t.findings}</h3>
      <Findings t={t} />
      <EnvelopeEditor />
      <ParcelList />
      <h3>{t.hubs}</h3>
      <HubTable t={t} />
    </section>
  );
}
