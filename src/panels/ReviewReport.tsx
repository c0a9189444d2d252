/** Every field of the report for the filing under review: verdict to the last finding. */
import { hubSourceName, tmAreaM2 } from "../../geo/index";
import type { Review } from "../actions/review";
import { findingName, hubTypeName, type Messages, severityName, shapeName, useT } from "../i18n";
import { findingText, sidoWhyText } from "../i18n/hints";
import { useAppStore } from "../store/store";
import { fixed, VerdictHeading } from "./Verdict";

function Areas({ review, t }: { review: Review; t: Messages }) {
  const { area } = review.report;
  const crs = area.tm.crs;
  return (
    <table className="review-areas" data-testid="review-areas">
      <thead>
        <tr>
          <th>{t.parcels}</th>
          <th>{t.reviewEllipsoidal}</th>
          <th>
            {t.reviewPlanar} {crs}
          </th>
        </tr>
      </thead>
      <tbody>
        {area.parcels.map((p, k) => {
          const parcel = review.zone.parcels[k];
          const tmKm2 = parcel ? tmAreaM2(parcel.geometry, crs) / 1e6 : undefined;
          return (
            <tr key={p.id}>
              <td>
                {p.id}
                {p.name && p.name !== p.id ? ` ${p.name}` : ""}
              </td>
              <td className="num">{fixed(p.km2, 6)}</td>
              <td className="num">{fixed(tmKm2, 6)}</td>
            </tr>
          );
        })}
        <tr className="total">
          <td>{t.hubTotal}</td>
          <td className="num" data-testid="review-total">
            {fixed(area.totalKm2, 6)}
          </td>
          <td className="num">{fixed(area.tm.totalKm2, 6)}</td>
        </tr>
        <tr>
          <td>{t.cap}</td>
          <td className="num" colSpan={2}>
            {fixed(area.capKm2, 3)} {t.km2}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** The embedded layer by its name in the page's language; a file by its own name. */
const sourceName = (t: Messages, name: string): string =>
  name === hubSourceName({ embedded: true }) ? t.builtinHubLayer : name;

function Hubs({ review, t }: { review: Review; t: Messages }) {
  const { hubs } = review.report;
  return (
    <>
      <table className="hubs" data-testid="review-hubs">
        <tbody>
          {Object.entries(hubs.counts)
            .sort(([a], [b]) => Number(a === "total") - Number(b === "total"))
            .map(([type, n]) => (
              <tr key={type}>
                <td>{type === "total" ? t.hubTotal : hubTypeName(t, type)}</td>
                <td className="num">{n}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {hubs.partial.length > 0 && (
        <p className="small" data-testid="review-partial">
          {t.reviewPartial}:{" "}
          {hubs.partial.map((h) => `${h.name} ${(h.shareInside * 100).toFixed(1)}%`).join(", ")}
        </p>
      )}
      <p className="small" data-testid="review-hub-sources">
        {t.reviewHubSources}:{" "}
        {hubs.sources.length > 0
          ? hubs.sources.map((s) => `${sourceName(t, s.name)} ${s.count}`).join(", ")
          : t.reviewHubSourcesNone}
      </p>
    </>
  );
}

export function ReviewReport({ review }: { review: Review }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { report, ruleSet } = review;
  const env = report.envelope;
  return (
    <section className="panel review-report" data-testid="review-report">
      <VerdictHeading t={t} verdict={report.verdict} testId="review-verdict" />
      <dl>
        <dt>{t.ruleSet}</dt>
        <dd data-testid="review-rules">
          {/* By its title and version, not its id ("phase-1-2"): the id is in the JSON report. */}
          {ruleSet.name[lang]} ({t.ruleSetVersion} {report.ruleSetVersion})
          {report.ruleSetCustom
            ? ` — ${t.customRules}`
            : ruleSet.published
              ? ""
              : ` — ${t.illustrative}`}
        </dd>
        <dt>{t.sido}</dt>
        <dd data-testid="review-sido">{sidoWhyText(report, ruleSet, lang)}</dd>
        <dt>{t.reviewSourceCrs}</dt>
        <dd>{review.zone.sourceCrs}</dd>
        <dt>{env.shape === "polygon" ? t.envelopeArea : t.reach}</dt>
        <dd data-testid="review-reach">
          {shapeName(t, env.shape)} ({env.given ? t.reviewGiven : t.shapeInferred}):{" "}
          {env.radiusKm !== undefined && `r ${fixed(env.radiusKm, 3)} km · `}
          {env.halfWidthKm !== undefined && `${t.halfWidthKm} ${fixed(env.halfWidthKm, 3)} · `}
          {env.shape === "polygon"
            ? `${fixed(env.areaKm2, 3)} ${t.km2} / ${t.limit} ${fixed(ruleSet.envelope.polygon?.areaKm2, 3)} ${t.km2}`
            : `${t.reach} ${fixed(env.reachKm, 3)} km / ${t.limit} ${fixed(env.limitKm, 0)} km`}
        </dd>
      </dl>
      <h3>{t.reviewAreas}</h3>
      <Areas review={review} t={t} />
      <h3>{t.hubs}</h3>
      <Hubs review={review} t={t} />
      <h3>{t.findings}</h3>
      {report.findings.length === 0 ? (
        <p className="ok">{t.noFindings}</p>
      ) : (
        <ul className="findings" data-testid="review-findings">
          {report.findings.map((f) => (
            <li
              key={`${f.code}:${f.parcels.join(",")}:${f.message}`}
              className={f.severity}
              data-code={f.code}
            >
              <strong>{findingName(t, f.code)}</strong> [{severityName(t, f.severity)}]{" "}
              {f.parcels.join(", ")} {findingText(f, lang)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
