/**
 * The report for people: the JSON report laid out for a reviewer's terminal, Korean by default.
 * Pure: report in, text out.
 */
import { formatNumber, type Lang } from "../messages";
import { showInvisible, stripControls } from "../sanitize";
import { sigunguCodes } from "../sido/admin-code";
import type { Report } from "../types";
import { hubLabels, inLang, roleLabel, severityLabels, shapeLabels } from "./labels";

const L = {
  ko: {
    title: "클러스터 지구 검토 결과",
    pass: "적합",
    fail: "부적합",
    rules: "규칙 집합",
    custom: " — 사용자 규칙 (내장 규칙 아님)",
    sido: "시·도",
    sigungu: "시·군·구",
    area: "면적 (타원체)",
    total: "합계",
    tm: "평면 면적",
    cap: "상한",
    envelope: "지정 범위",
    given: "지정됨",
    inferred: "모든 구역을 담는 최소 원",
    center: "중심",
    radius: "반경",
    reach: "최대 거리",
    limit: "한도",
    halfWidth: "반폭",
    axis: "축 길이",
    hubs: "혁신거점",
    noHubs: "세지 않음 (--hubs none)",
    sources: "집계한 거점",
    findings: "지적 사항",
    none: "없음",
  },
  en: {
    title: "Cluster zone review",
    pass: "PASS",
    fail: "FAIL",
    rules: "Rule set",
    custom: " — custom rules (not built-in)",
    sido: "Province",
    sigungu: "Districts",
    area: "Area (ellipsoidal)",
    total: "total",
    tm: "Planar area",
    cap: "cap",
    envelope: "Envelope",
    given: "given",
    inferred: "smallest circle holding every parcel",
    center: "centre",
    radius: "radius",
    reach: "reach",
    limit: "limit",
    halfWidth: "half-width",
    axis: "axis length",
    hubs: "Hubs",
    noHubs: "none counted (--hubs none)",
    sources: "counted from",
    findings: "Findings",
    none: "none",
  },
} as const;

const n = (v: number | undefined, digits = 3): string =>
  v === undefined ? "–" : formatNumber(v, digits);
const unit = (lang: Lang, ko: string, en: string): string => (lang === "en" ? ` ${en}` : ko);

function envelopeLines(r: Report, lang: Lang): string[] {
  const t = L[lang];
  const e = r.envelope;
  const shape = inLang(shapeLabels(e.shape), lang);
  const how = e.given ? t.given : t.inferred;
  const lines = [`${t.envelope}: ${shape} (${how})`];
  const km = unit(lang, "㎞", "km");
  if (e.center) lines.push(`  ${t.center}: ${n(e.center[1], 5)}°N ${n(e.center[0], 5)}°E`);
  if (e.radiusKm !== undefined) lines.push(`  ${t.radius}: ${n(e.radiusKm)}${km}`);
  if (e.halfWidthKm !== undefined) lines.push(`  ${t.halfWidth}: ${n(e.halfWidthKm)}${km}`);
  if (e.axisLengthKm !== undefined) lines.push(`  ${t.axis}: ${n(e.axisLengthKm)}${km}`);
  if (e.areaKm2 !== undefined) lines.push(`  ${n(e.areaKm2)}${unit(lang, "㎢", "km²")}`);
  if (e.reachKm !== undefined) lines.push(`  ${t.reach}: ${n(e.reachKm)}${km}`);
  if (e.limitKm !== undefined) lines.push(`  ${t.limit}: ${n(e.limitKm)}${km}`);
  return lines;
}

/** The report as text for a reviewer, in Korean (default) or English. */
export function formatReportText(r: Report, lang: Lang = "ko"): string {
  const t = L[lang];
  const km2 = unit(lang, "㎢", "km²");
  const out: string[] = [];
  out.push(`${t.title}: ${r.verdict === "pass" ? t.pass : t.fail}`);
  out.push(`${t.rules}: ${r.ruleSet} (${r.ruleSetVersion})${r.ruleSetCustom ? t.custom : ""}`);
  out.push(`${t.sido}: ${r.sido.why[lang]}`);
  if (r.sido.sigungu?.length) {
    const list = r.sido.sigungu.map(
      (s) => `${s.name} (${sigunguCodes(s.code, lang)}) ${n(s.km2, 3)}${km2}`,
    );
    out.push(`  ${t.sigungu}: ${list.join(", ")}`);
  }
  out.push(
    `${t.area}: ${t.total} ${n(r.area.totalKm2, 6)}${km2} / ${t.cap} ${n(r.area.capKm2)}${km2}`,
  );
  for (const p of r.area.parcels) {
    const role = p.zoneRole ? ` [${inLang(roleLabel(p.zoneRole), lang)}]` : "";
    out.push(`  ${p.id}${p.name ? ` (${p.name})` : ""}${role}: ${n(p.km2, 6)}${km2}`);
  }
  if (r.area.roles) {
    const list = r.area.roles.map(
      (g) => `${inLang(roleLabel(g.role), lang)} ${n(g.km2, 6)}${km2} (${g.parcels.join(", ")})`,
    );
    out.push(`  ${lang === "en" ? "by role" : "역할별"}: ${list.join(", ")}`);
  }
  out.push(`${t.tm} (${r.area.tm.crs}): ${n(r.area.tm.totalKm2, 6)}${km2}`);
  out.push(...envelopeLines(r, lang));
  if (r.hubs.given) {
    const counts = Object.entries(r.hubs.counts)
      .filter(([k]) => k !== "total")
      .map(([k, v]) => `${inLang(hubLabels(k), lang)} ${v}`)
      .join(", ");
    out.push(`${t.hubs}: ${r.hubs.counts.total} (${counts})`);
    const sources = r.hubs.sources.map((s) => `${s.name} ${s.count}`).join(", ");
    if (sources) out.push(`  ${t.sources}: ${sources}`);
  } else {
    out.push(`${t.hubs}: ${t.noHubs}`);
  }
  out.push(`${t.findings}:${r.findings.length === 0 ? ` ${t.none}` : ""}`);
  for (const f of r.findings) {
    out.push(
      `  [${inLang(severityLabels(f.severity), lang)}] ${f.code}: ${lang === "en" ? f.messageEn : f.message}`,
    );
  }
  // Ids, names and rule-set labels come from the file: no escape code or line break gets through.
  return `${out.map((line) => stripControls(showInvisible(line))).join("\n")}\n`;
}
