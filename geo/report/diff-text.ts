/**
 * A 지구 변경 for a terminal: the parcels added, removed and reshaped, the 필지 that came and
 * went, then every figure as old → new with the difference. Pure: the diff in, text out.
 */
import type { ParcelRef, PnuDiff, ZoneDiff } from "../diff";
import { formatNumber, type Lang } from "../messages";
import { stripControls } from "../sanitize";
import { displayWidth } from "./batch-text";
import { figureDelta, figureLabel, figureValue } from "./diff-labels";
import { inLang, roleLabel } from "./labels";

const T = {
  ko: {
    title: "클러스터 지구 변경 비교",
    parcels: "구역",
    added: "추가",
    removed: "삭제",
    reshaped: "변경",
    kept: "유지",
    byOverlap: "겹침으로 대응",
    role: "역할 변경",
    none: "없음",
    pnu: "필지 (PNU)",
    included: "편입 면적 변경",
    whole: "전체",
    part: "일부",
    figure: "항목",
    old: "이전",
    new: "이후",
    delta: "차이",
    findings: "지적 사항",
    newCodes: "새로 생김",
    goneCodes: "해소됨",
  },
  en: {
    title: "Cluster zone change",
    parcels: "Parcels",
    added: "added",
    removed: "removed",
    reshaped: "reshaped",
    kept: "kept",
    byOverlap: "matched by overlap",
    role: "role changed",
    none: "none",
    pnu: "Land parcels (PNU)",
    included: "area included changed",
    whole: "whole",
    part: "part",
    figure: "Figure",
    old: "Old",
    new: "New",
    delta: "Change",
    findings: "Findings",
    newCodes: "new",
    goneCodes: "resolved",
  },
} as const;

const km2 = (v: number): string => formatNumber(v, 6);
const signed = (v: number): string => `${v >= 0 ? "+" : "-"}${km2(Math.abs(v))}`;
const named = (p: ParcelRef): string => `${p.id}${p.name ? ` (${p.name})` : ""}`;

const m2 = (v: number, lang: Lang): string =>
  `${formatNumber(v, 2)}${lang === "en" ? " m²" : "㎡"}`;

/** How much of a 필지 a version includes: all of it, or m² of it. */
export function includedText(v: number | null, lang: Lang): string {
  const t = T[lang];
  return v === null ? t.whole : `${t.part} ${m2(v, lang)}`;
}

function pnuLines(p: PnuDiff, lang: Lang): string[] {
  const t = T[lang];
  const listed = (xs: string[], part: Record<string, number>): string =>
    xs.map((x) => (x in part ? `${x} (${includedText(part[x] ?? 0, lang)})` : x)).join(", ");
  const lines = [
    `${t.pnu}: ${t.added} ${p.added.length}, ${t.removed} ${p.removed.length}, ${t.included} ${p.changed.length}, ${t.kept} ${p.kept}`,
  ];
  if (p.added.length) lines.push(`  + ${listed(p.added, p.partialM2.new)}`);
  if (p.removed.length) lines.push(`  - ${listed(p.removed, p.partialM2.old)}`);
  for (const c of p.changed) {
    const delta =
      c.deltaM2 === null ? "" : ` (${c.deltaM2 >= 0 ? "+" : "-"}${m2(Math.abs(c.deltaM2), lang)})`;
    lines.push(
      `  ~ ${c.pnu}: ${includedText(c.oldM2, lang)} → ${includedText(c.newM2, lang)}${delta}`,
    );
  }
  return lines;
}

function parcelLines(d: ZoneDiff, lang: Lang): string[] {
  const t = T[lang];
  const u = lang === "en" ? " km²" : "㎢";
  const lines = [
    `${t.parcels}: ${t.added} ${d.parcels.added.length}, ${t.removed} ${d.parcels.removed.length}, ${t.reshaped} ${d.parcels.reshaped.length}, ${t.kept} ${d.parcels.kept.length}`,
  ];
  for (const p of d.parcels.added) lines.push(`  + ${t.added} ${named(p)}: ${km2(p.km2)}${u}`);
  for (const p of d.parcels.removed) lines.push(`  - ${t.removed} ${named(p)}: ${km2(p.km2)}${u}`);
  for (const p of d.parcels.reshaped) {
    const ids = p.oldId === p.newId ? p.newId : `${p.oldId} → ${p.newId}`;
    const how = p.matchedBy === "overlap" ? ` (${t.byOverlap})` : "";
    lines.push(
      `  ~ ${t.reshaped} ${ids}${how}: ${km2(p.oldKm2)} → ${km2(p.newKm2)}${u} (${signed(p.deltaKm2)})`,
    );
  }
  for (const r of d.parcels.roleChanged) {
    const name = (role: string | null): string => inLang(roleLabel(role ?? "none"), lang);
    lines.push(`  * ${t.role} ${r.id}: ${name(r.oldRole)} → ${name(r.newRole)}`);
  }
  if (d.pnu) lines.push(...pnuLines(d.pnu, lang));
  return lines;
}

/** The figures as an aligned table: figure, old, new, change. */
export function diffTableText(d: ZoneDiff, lang: Lang): string {
  const t = T[lang];
  const rows = [
    [t.figure, t.old, t.new, t.delta],
    ...d.figures.map((r) => [
      inLang(figureLabel(r.key), lang),
      figureValue(r, "old", lang),
      figureValue(r, "new", lang),
      figureDelta(r, lang),
    ]),
  ];
  const widths = [0, 1, 2].map((k) => Math.max(...rows.map((r) => displayWidth(r[k] ?? ""))));
  const pad = (s: string, w: number): string => s + " ".repeat(Math.max(0, w - displayWidth(s)));
  const lines = rows.map((r) =>
    r
      .map((c, k) => (k < 3 ? pad(c, widths[k] ?? 0) : c))
      .join("  ")
      .trimEnd(),
  );
  lines.splice(1, 0, [...widths, 6].map((w) => "-".repeat(w)).join("  "));
  return lines.join("\n");
}

export function formatDiffText(d: ZoneDiff, lang: Lang = "ko"): string {
  const t = T[lang];
  const verdict = d.figures.find((r) => r.key === "verdict");
  const out = [
    `${t.title}: ${d.old.file} → ${d.new.file}`,
    ...(verdict
      ? [
          `${inLang(figureLabel("verdict"), lang)}: ${figureValue(verdict, "old", lang)} → ${figureValue(verdict, "new", lang)}`,
        ]
      : []),
    "",
    ...parcelLines(d, lang),
    "",
    diffTableText(d, lang),
    "",
    `${t.findings}: ${t.newCodes} ${d.findings.added.join(", ") || t.none}; ${t.goneCodes} ${d.findings.removed.join(", ") || t.none}`,
  ];
  return `${out
    .flatMap((s) => s.split("\n"))
    .map(stripControls)
    .join("\n")}\n`;
}
