/**
 * The reviewer's report as one standalone HTML page (A4 print CSS, inline SVG map, no external
 * resources): what `czd report` writes and the app's print view shows. Everything the checker
 * found, the areas both ways, and the SHA-256 of the filed file, so a signed paper copy can be
 * matched to the digital filing. Pure: values in, a string out; no DOM.
 */
import { tmAreaM2 } from "../measure";
import { formatNumber, type Lang, type MessageHints } from "../messages";
import { sigunguCodesShort } from "../sido/admin-code";
import type { Hub, Report, RuleSet, Zone } from "../types";
import { REPORT_CSS } from "./css";
import { formatKst } from "./kst";
import { hubLabels, inLang, roleLabel, severityLabels, shapeLabels } from "./labels";
import { escapeXml as esc, reportMapSvg } from "./map";
import { type MapEnvelope, mapEnvelope } from "./map-envelope";
import { parcelMapHtml } from "./map-parcels";
import { findingSentence, sidoWhy } from "./reword";

export interface ReportHtmlInput {
  report: Report;
  zone: Zone;
  ruleSet: RuleSet;
  /** The filed file's name as the reviewer received it. */
  fileName: string;
  /** Hex SHA-256 of the filed file's bytes (sha256Hex). */
  sha256: string;
  /**
   * When the report was made, ISO 8601 (printed in KST); passed in so the output depends on
   * inputs alone.
   */
  generatedAt: string;
  lang?: Lang;
  /** How sentences name the controls: the CLI's (the report's own wording) when absent. */
  hints?: MessageHints;
  /**
   * The hubs the check counted (the embedded layer, `--hubs` files, the app's visible layers):
   * the parcel-scale map marks and names those in its view.
   */
  hubs?: readonly Hub[];
  /** HTML sections after the report (the 지번 조서 when a cadastre was given), already escaped. */
  appendixHtml?: string;
}

type Label = (ko: string, en: string) => string;

const labeller =
  (lang: Lang): Label =>
  (ko, en) =>
    lang === "en" ? esc(en) : `${esc(ko)} <span class="en">${esc(en)}</span>`;

/** Fixed decimals, so a column of areas lines up and 8 km² reads "8.000000", not "8". */
const km2 = (v: number, digits = 6): string =>
  v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
function row(label: string, value: string, cls = ""): string {
  return `<tr><td>${label}</td><td${cls ? ` class="${cls}"` : ""}>${value}</td></tr>`;
}

function header(i: ReportHtmlInput, L: Label): string {
  const r = i.report;
  const verdict = r.verdict === "pass" ? L("적합", "Compliant") : L("부적합", "Not compliant");
  const name = typeof i.zone.meta.name === "string" ? i.zone.meta.name : "";
  return `<h1>${L("클러스터 지구 검토 보고서", "Cluster zone review report")}</h1>
<table class="meta">${row(L("판정", "Verdict"), `<span class="verdict ${r.verdict}">${verdict}</span>`)}${name ? row(L("지구 이름", "Zone"), esc(name)) : ""}${row(L("제출 파일", "Filed file"), esc(i.fileName))}${row("SHA-256", `<span class="hash">${esc(i.sha256)}</span>`)}${row(L("좌표계 (원본)", "Source CRS"), esc(i.zone.sourceCrs))}${row(L("작성 일시", "Generated"), esc(formatKst(i.generatedAt)))}</table>`;
}

/** The 시·군·구 the parcels lie in, with the area in each (`sido.sigungu`). */
function sigunguRow(i: ReportHtmlInput, L: Label, lang: Lang): string {
  const list = i.report.sido.sigungu;
  if (!list?.length) return "";
  const text = list
    .map((s) => `${esc(s.name)} (${esc(sigunguCodesShort(s.code, lang))}) ${km2(s.km2, 3)} km²`)
    .join(", ");
  return row(L("시·군·구", "Districts"), text);
}

function rules(i: ReportHtmlInput, L: Label, lang: Lang): string {
  const rs = i.ruleSet;
  const note = rs.note ? `<p class="note">${esc(lang === "en" ? rs.note.en : rs.note.ko)}</p>` : "";
  const status = i.report.ruleSetCustom
    ? L("사용자 규칙 (내장 규칙 아님)", "custom (not built-in)")
    : rs.published
      ? L("공표된 기준", "published")
      : L("예시 기준 (미공표)", "illustrative (not published)");
  return `<section><h2>${L("규칙 집합", "Rule set")}</h2><table class="meta">${row(L("이름", "Name"), esc(lang === "en" ? rs.name.en : rs.name.ko))}${row("ID", esc(rs.id))}${row(L("버전", "Version"), esc(i.report.ruleSetVersion))}${row(L("상태", "Status"), status)}${row(L("면적 상한", "Area cap"), `${km2(i.report.area.capKm2, 3)} km²`)}${row(L("시·도", "Province"), esc(sidoWhy(i.report, i.ruleSet, lang, i.hints)))}${sigunguRow(i, L, lang)}</table>${note}</section>`;
}

function areas(i: ReportHtmlInput, L: Label): string {
  const r = i.report;
  const crs = r.area.tm.crs;
  const lines = r.area.parcels.map((p, k) => {
    const parcel = i.zone.parcels[k];
    const tm = parcel ? tmAreaM2(parcel.geometry, crs) / 1e6 : Number.NaN;
    const role = p.zoneRole ? ` <span class="role">${L(...roleLabel(p.zoneRole))}</span>` : "";
    return `<tr><td>${esc(p.id)}</td><td>${esc(p.name ?? "")}${role}</td><td class="num">${km2(p.km2)}</td><td class="num">${km2(tm)}</td></tr>`;
  });
  return `<section><h2>${L("면적", "Area")}</h2><table><thead><tr><th>${L("구역", "Parcel")}</th><th>${L("이름", "Name")}</th><th>${L("타원체 면적 (km²)", "Ellipsoidal (km²)")}</th><th>${L(`평면 면적 ${crs} (km²)`, `Planar ${crs} (km²)`)}</th></tr></thead><tbody>${lines.join("")}<tr class="total"><td colspan="2">${L("합계", "Total")}</td><td class="num">${km2(r.area.totalKm2)}</td><td class="num">${km2(r.area.tm.totalKm2)}</td></tr>${roleRows(r, L)}<tr><td colspan="2">${L("상한", "Cap")}</td><td class="num" colspan="2">${km2(r.area.capKm2, 3)}</td></tr></tbody></table><p class="note">${L("타원체 면적: WGS84 타원체, 측지선 변 (GeographicLib). 평면 면적: TM 평면의 직선 변.", "Ellipsoidal: WGS84 ellipsoid, geodesic edges (GeographicLib). Planar: straight edges in the TM plane.")}</p></section>`;
}

/** Area by parcel role (코어 / 연계 / 협력), when the parcels carry roles. */
function roleRows(r: Report, L: Label): string {
  return (r.area.roles ?? [])
    .map(
      (g) =>
        `<tr class="role-total"><td colspan="2">${L(...roleLabel(g.role))} (${esc(g.parcels.join(", "))})</td><td class="num">${km2(g.km2)}</td><td></td></tr>`,
    )
    .join("");
}

function envelope(i: ReportHtmlInput, L: Label, lang: Lang): string {
  const e = i.report.envelope;
  const shape = inLang(shapeLabels(e.shape), lang);
  const how = e.given
    ? L("파일에 지정됨", "given in the filing")
    : L("모든 구역을 담는 최소 원", "smallest circle holding every parcel");
  const km = (v: number | undefined): string => (v === undefined ? "" : `${formatNumber(v, 3)} km`);
  const rows = [
    row(L("모양", "Shape"), `${esc(shape)} (${how})`),
    e.center
      ? row(
          L("중심", "Centre"),
          `${formatNumber(e.center[1] ?? 0, 5)}°N ${formatNumber(e.center[0] ?? 0, 5)}°E`,
        )
      : "",
    e.radiusKm !== undefined ? row(L("반경", "Radius"), km(e.radiusKm), "num") : "",
    e.reachKm !== undefined ? row(L("최대 거리 (도달)", "Reach"), km(e.reachKm), "num") : "",
    e.limitKm !== undefined ? row(L("한도", "Limit"), km(e.limitKm), "num") : "",
    e.halfWidthKm !== undefined ? row(L("반폭", "Half-width"), km(e.halfWidthKm), "num") : "",
    e.axisLengthKm !== undefined ? row(L("축 길이", "Axis length"), km(e.axisLengthKm), "num") : "",
    e.areaKm2 !== undefined ? row(L("면적", "Area"), `${km2(e.areaKm2, 3)} km²`, "num") : "",
  ];
  return `<section class="keep"><h2>${L("지정 범위와 도달 거리", "Envelope and reach")}</h2><table class="meta">${rows.join("")}</table></section>`;
}

function hubs(i: ReportHtmlInput, L: Label, lang: Lang): string {
  const h = i.report.hubs;
  if (!h.given) {
    return `<section class="keep"><h2>${L("혁신거점", "Hubs")}</h2><p>${L("거점을 세지 않았습니다.", "No hubs were counted.")}</p></section>`;
  }
  // One row of counts under one row of types: seven table rows pushed the sign-off to a third page.
  const types = Object.entries(h.counts).filter(([k]) => k !== "total");
  const heads = types.map(([k]) => `<th>${esc(inLang(hubLabels(k), lang))}</th>`).join("");
  const counts = types.map(([, v]) => `<td class="num">${v}</td>`).join("");
  const partial = h.partial.length
    ? `<p class="note">${L("일부만 지구 안에 있는 거점", "Hubs only partly inside")}: ${h.partial.map((p) => `${esc(p.name)} ${formatNumber(p.shareInside * 100, 1)}%`).join(", ")}</p>`
    : "";
  const sources = h.sources.length
    ? `<p class="note">${L("집계한 거점", "Counted from")}: ${h.sources.map((s) => `${esc(s.name)} ${s.count}`).join(", ")}</p>`
    : "";
  return `<section class="keep"><h2>${L("혁신거점", "Hubs")}</h2><table class="hub-counts"><thead><tr>${heads}<th>${L("합계", "Total")}</th></tr></thead><tbody><tr>${counts}<td class="num total">${h.counts.total}</td></tr></tbody></table>${partial}${sources}</section>`;
}

function findings(i: ReportHtmlInput, L: Label, lang: Lang): string {
  const list = i.report.findings;
  if (list.length === 0) {
    return `<section class="keep"><h2>${L("지적 사항", "Findings")}</h2><p>${L("없음", "None")}</p></section>`;
  }
  const rows = list.map((f) => {
    const sev = severityLabels(f.severity);
    const text =
      lang === "en"
        ? esc(findingSentence(f, "en", i.hints))
        : `${esc(findingSentence(f, "ko", i.hints))}<br><span class="en">${esc(findingSentence(f, "en", i.hints))}</span>`;
    return `<tr><td class="sev-${f.severity}">${L(sev[0], sev[1])}</td><td>${esc(f.code)}</td><td>${esc(f.parcels.join(", "))}</td><td>${text}</td></tr>`;
  });
  return `<section><h2>${L("지적 사항", "Findings")}</h2><table class="findings"><thead><tr><th>${L("등급", "Severity")}</th><th>${L("코드", "Code")}</th><th>${L("구역", "Parcels")}</th><th>${L("내용", "Finding")}</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

function signature(i: ReportHtmlInput, L: Label): string {
  return `<section class="keep"><h2>${L("검토 확인", "Review sign-off")}</h2><table class="sign"><thead><tr><th>${L("검토자", "Reviewer")}</th><th>${L("소속", "Organisation")}</th><th>${L("서명", "Signature")}</th><th>${L("일자", "Date")}</th></tr></thead><tbody><tr><td></td><td></td><td></td><td></td></tr></tbody></table><p class="note">${L("이 종이 사본은 다음 SHA-256 값의 전자 파일에 대한 것입니다", "This paper copy concerns the digital file with the SHA-256")} (${esc(i.fileName)}): <span class="hash">${esc(i.sha256)}</span></p></section>`;
}

/** The report's body (no <html>/<head>), for a page that supplies REPORT_CSS itself. */
export function reportBodyHtml(i: ReportHtmlInput): string {
  const lang = i.lang ?? "ko";
  const L = labeller(lang);
  const drawn = mapEnvelope(i.report, i.zone);
  const mapTitle = drawn.inferred
    ? inLang(
        ["구역과 최소 포함원 지도", "Map of the parcels and their smallest enclosing circle"],
        lang,
      )
    : inLang(["구역과 지정 범위 지도", "Map of the parcels and envelope"], lang);
  return `<main class="czd-report">${header(i, L)}<section class="keep"><h2>${L("지도", "Map")}</h2><div class="map">${reportMapSvg(i.zone, mapTitle, drawn)}</div><p class="note">${legend(drawn, L)}</p>${parcelMap(i, L, lang)}</section>${rules(i, L, lang)}${areas(i, L)}${envelope(i, L, lang)}${hubs(i, L, lang)}${findings(i, L, lang)}${signature(i, L)}${i.appendixHtml ?? ""}</main>`;
}

/**
 * The second map, under the first in the same block: the parcels at about 1:5,000–1:25,000,
 * named, with the hubs in view (a heading of its own would push the sign-off to a third page).
 */
function parcelMap(i: ReportHtmlInput, L: Label, lang: Lang): string {
  const title = inLang(["구역 상세 지도", "Parcel map"], lang);
  const map = parcelMapHtml(i.zone, i.hubs ?? [], lang, title);
  if (!map) return "";
  const scale = `1:${map.scale.toLocaleString("en-US")}`;
  return `<h3 class="parcel-map-title">${L(`구역 상세 지도 (축척 ${scale}, A4 인쇄 기준)`, `Parcel map (scale ${scale} on A4)`)} <span class="note">${L("초록 삼각형: 혁신거점", "green triangles: hubs")}</span></h3>${map.html}`;
}

/** What each line of the map is: the filed envelope and the inferred circle are named apart. */
function legend(d: MapEnvelope, L: Label): string {
  const [shapeKo, shapeEn] = d.envelope ? shapeLabels(d.envelope.shape) : ["", ""];
  const ko = d.over ? ["빨강", "한도 초과"] : ["파랑", "한도 안"];
  const en = d.over ? ["red", "over its limit"] : ["blue", "within its limit"];
  const drawn: [string, string] = !d.envelope
    ? ["", ""]
    : d.inferred
      ? [
          ` ${ko[0]} 점선: 모든 구역을 담는 최소 포함원, 지정 범위가 아닙니다 (지정 범위가 없어 이 원으로 반경을 판정, ${ko[1]}).`,
          ` ${en[0]} dots: the smallest circle holding every parcel, not an envelope (none was filed, so the radius is judged on it; ${en[1]}).`,
        ]
      : [
          ` ${ko[0]} 파선: 신청서의 지정 범위 (${shapeKo}, ${ko[1]}).`,
          ` ${en[0]} dashes: the filed envelope (${shapeEn}, ${en[1]}).`,
        ];
  return L(
    `주황: 구역.${drawn[0]} 회색: 시·도 경계, 가는 선: 시·군·구 경계 (통계청 통계지리정보서비스(SGIS), 2018, 공공누리 제1유형).`,
    `Orange: parcels.${drawn[1]} Grey: province boundaries; thin lines: district boundaries (KOSTAT SGIS, 2018, KOGL Type 1).`,
  );
}

/** The standalone A4 HTML page. */
export function reportHtml(i: ReportHtmlInput): string {
  const lang = i.lang ?? "ko";
  const title = lang === "en" ? "Cluster zone review report" : "클러스터 지구 검토 보고서";
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)} — ${esc(i.fileName)}</title><style>${REPORT_CSS}</style></head>
<body class="czd-report">${reportBodyHtml(i)}</body></html>
`;
}
