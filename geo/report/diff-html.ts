/**
 * A 지구 변경 as one A4 HTML page, printable like the review report (its CSS and map): both
 * versions on one map, the parcels that changed, the 필지 that came and went, every figure old →
 * new with the difference, and both files' SHA-256. Pure: values in, a string out.
 */
import type { DiffSide, ZoneDiff } from "../diff";
import { formatNumber, type Lang } from "../messages";
import { REPORT_CSS } from "./css";
import { figureDelta, figureLabel, figureValue } from "./diff-labels";
import { diffMapSvg } from "./diff-map";
import { includedText } from "./diff-text";
import { roleLabel } from "./labels";
import { escapeXml as esc } from "./map";

export interface DiffHtmlInput {
  older: DiffSide & { sha256: string };
  newer: DiffSide & { sha256: string };
  diff: ZoneDiff;
  generatedAt: string;
  lang?: Lang;
}

export const DIFF_CSS = `
.czd-report .change-added { color: #1b5e20; font-weight: 700; }
.czd-report .change-removed { color: #b00020; font-weight: 700; }
.czd-report .change-reshaped { color: #8a5a00; font-weight: 700; }
.czd-report tr.changed td:first-child { font-weight: 700; }
.czd-report .swatch { display: inline-block; width: 3.2mm; height: 3.2mm; border: 1px solid #333; vertical-align: -0.4mm; margin: 0 0.8mm 0 2mm; }
`;

type Label = (ko: string, en: string) => string;
const km2 = (v: number): string => formatNumber(v, 6);

function parcelsTable(d: ZoneDiff, L: Label): string {
  const rows: string[] = [];
  const line = (
    cls: string,
    what: string,
    id: string,
    nameHtml: string,
    a: string,
    b: string,
    delta: string,
  ): string =>
    `<tr><td class="${cls}">${what}</td><td>${esc(id)}</td><td>${nameHtml}</td><td class="num">${a}</td><td class="num">${b}</td><td class="num">${delta}</td></tr>`;
  for (const p of d.parcels.added)
    rows.push(
      line(
        "change-added",
        L("추가", "added"),
        p.id,
        esc(p.name ?? ""),
        "–",
        km2(p.km2),
        `+${km2(p.km2)}`,
      ),
    );
  for (const p of d.parcels.removed)
    rows.push(
      line(
        "change-removed",
        L("삭제", "removed"),
        p.id,
        esc(p.name ?? ""),
        km2(p.km2),
        "–",
        `-${km2(p.km2)}`,
      ),
    );
  for (const p of d.parcels.reshaped) {
    const id = p.oldId === p.newId ? p.newId : `${p.oldId} → ${p.newId}`;
    const how = p.matchedBy === "overlap" ? L("겹침으로 대응", "matched by overlap") : "";
    const delta = `${p.deltaKm2 >= 0 ? "+" : "-"}${km2(Math.abs(p.deltaKm2))}`;
    rows.push(
      line("change-reshaped", L("변경", "reshaped"), id, how, km2(p.oldKm2), km2(p.newKm2), delta),
    );
  }
  for (const r of d.parcels.roleChanged) {
    const name = (role: string | null): string => L(...roleLabel(role ?? "none"));
    rows.push(
      `<tr><td class="change-reshaped">${L("역할 변경", "role changed")}</td><td>${esc(r.id)}</td><td colspan="4">${name(r.oldRole)} → ${name(r.newRole)}</td></tr>`,
    );
  }
  for (const p of d.parcels.kept)
    rows.push(line("", L("유지", "kept"), p.id, esc(p.name ?? ""), km2(p.km2), km2(p.km2), "0"));
  return `<section><h2>${L("구역", "Parcels")}</h2><table class="diff-parcels"><thead><tr><th>${L("변경", "Change")}</th><th>${L("구역", "Parcel")}</th><th>${L("이름", "Name")}</th><th>${L("이전 (㎢)", "Old (km²)")}</th><th>${L("이후 (㎢)", "New (km²)")}</th><th>${L("차이", "Change")}</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

function pnuSection(d: ZoneDiff, L: Label, lang: Lang): string {
  const p = d.pnu;
  if (!p) return "";
  const list = (xs: string[], part: Record<string, number>): string =>
    xs.length
      ? xs.map((x) => esc(x in part ? `${x} (${includedText(part[x] ?? 0, lang)})` : x)).join(", ")
      : L("없음", "none");
  const changed = p.changed.map((c) => {
    const delta =
      c.deltaM2 === null
        ? ""
        : ` (${c.deltaM2 >= 0 ? "+" : "-"}${formatNumber(Math.abs(c.deltaM2), 2)} ${lang === "en" ? "m²" : "㎡"})`;
    return esc(`${c.pnu}: ${includedText(c.oldM2, lang)} → ${includedText(c.newM2, lang)}${delta}`);
  });
  return `<section class="keep"><h2>${L("필지 (PNU)", "Land parcels (PNU)")}</h2><table class="meta"><tr><td class="change-added">${L("추가", "added")} ${p.added.length}</td><td>${list(p.added, p.partialM2.new)}</td></tr><tr><td class="change-removed">${L("삭제", "removed")} ${p.removed.length}</td><td>${list(p.removed, p.partialM2.old)}</td></tr><tr><td class="change-reshaped">${L("편입 면적 변경", "area included changed")} ${p.changed.length}</td><td>${changed.length ? changed.join("<br>") : L("없음", "none")}</td></tr><tr><td>${L("유지", "kept")}</td><td>${p.kept}</td></tr></table></section>`;
}

function figuresTable(d: ZoneDiff, L: Label, lang: Lang): string {
  const rows = d.figures.map((r) => {
    const [ko, en] = figureLabel(r.key);
    return `<tr${r.changed ? ' class="changed"' : ""}><td>${L(ko, en)}</td><td class="num">${esc(figureValue(r, "old", lang))}</td><td class="num">${esc(figureValue(r, "new", lang))}</td><td class="num">${esc(figureDelta(r, lang))}</td></tr>`;
  });
  return `<section><h2>${L("수치 비교", "Figures")}</h2><table class="diff-figures"><thead><tr><th>${L("항목", "Figure")}</th><th>${L("이전", "Old")}</th><th>${L("이후", "New")}</th><th>${L("차이", "Change")}</th></tr></thead><tbody>${rows.join("")}</tbody></table><p class="note">${L("지적 사항", "Findings")}: ${L("새로 생김", "new")} ${esc(d.findings.added.join(", ") || "–")}; ${L("해소됨", "resolved")} ${esc(d.findings.removed.join(", ") || "–")}</p></section>`;
}

function legend(L: Label): string {
  const sw = (color: string, dashed = false): string =>
    `<span class="swatch" style="background:${color}${dashed ? ";border-style:dashed" : ""}"></span>`;
  return `${sw("#2b8a3e88")}${L("추가·변경 후", "added / reshaped (new)")}${sw("#c9213588")}${L("삭제", "removed")}${sw("#ffffff", true)}${L("변경 전 윤곽 (빨강 파선)", "old outline (red dashes)")}${sw("#8888887a")}${L("유지", "kept")} · ${L("회색 파선: 이전 지정 범위, 파랑 파선: 이후 지정 범위", "grey dashes: old envelope, blue dashes: new envelope")}`;
}

export function diffBodyHtml(i: DiffHtmlInput): string {
  const lang = i.lang ?? "ko";
  const L: Label = (ko, en) =>
    lang === "en" ? esc(en) : `${esc(ko)} <span class="en">${esc(en)}</span>`;
  const title = lang === "en" ? "Both versions of the zone on one map" : "두 판의 구역을 한 지도에";
  const meta = (label: string, s: DiffSide & { sha256: string }): string =>
    `<tr><td>${label}</td><td>${esc(s.file)}<br><span class="hash">SHA-256 ${esc(s.sha256)}</span></td></tr>`;
  const verdict = i.diff.figures.find((r) => r.key === "verdict");
  const verdictText = verdict
    ? `${esc(figureValue(verdict, "old", lang))} → ${esc(figureValue(verdict, "new", lang))}`
    : "";
  return `<main class="czd-report"><h1>${L("클러스터 지구 변경 비교", "Cluster zone change")}</h1><table class="meta">${meta(L("이전", "Old"), i.older)}${meta(L("이후", "New"), i.newer)}<tr><td>${L("판정", "Verdict")}</td><td>${verdictText}</td></tr><tr><td>${L("작성 일시", "Generated")}</td><td>${esc(i.generatedAt)}</td></tr></table><section class="keep"><h2>${L("지도", "Map")}</h2><div class="map">${diffMapSvg(i.older, i.newer, i.diff, title)}</div><p class="note">${legend(L)}</p></section>${parcelsTable(i.diff, L)}${pnuSection(i.diff, L, lang)}${figuresTable(i.diff, L, lang)}</main>`;
}

export function diffHtml(i: DiffHtmlInput): string {
  const lang = i.lang ?? "ko";
  const title = lang === "en" ? "Cluster zone change" : "클러스터 지구 변경 비교";
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)} — ${esc(i.older.file)} → ${esc(i.newer.file)}</title><style>${REPORT_CSS}${DIFF_CSS}</style></head>
<body class="czd-report">${diffBodyHtml(i)}</body></html>
`;
}
