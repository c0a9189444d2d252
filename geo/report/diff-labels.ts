/**
 * The diff's words, [ko, en], shared by its text and HTML forms: the name of each figure and how
 * its values read (a verdict, a shape, a number with its digits).
 */
import type { FigureRow } from "../diff";
import { formatNumber, type Lang } from "../messages";
import { hubLabels, inLang, type LabelPair, roleLabel, shapeLabels } from "./labels";

const FIGURES: Record<string, LabelPair> = {
  verdict: ["판정", "Verdict"],
  ruleSet: ["규칙 집합", "Rule set"],
  sido: ["시·도", "Province"],
  "parcels.count": ["구역 수", "Parcels"],
  "area.totalKm2": ["총면적 (타원체, ㎢)", "Total area (ellipsoidal, km²)"],
  "area.tmKm2": ["평면 면적 (㎢)", "Planar area (km²)"],
  "area.capKm2": ["면적 상한 (㎢)", "Area cap (km²)"],
  "envelope.shape": ["지정 범위 모양", "Envelope shape"],
  "envelope.given": ["지정 범위", "Envelope"],
  "envelope.center": ["중심", "Centre"],
  "envelope.centerMovedKm": ["중심 이동 (㎞)", "Centre moved (km)"],
  "envelope.radiusKm": ["반경 (㎞)", "Radius (km)"],
  "envelope.reachKm": ["최대 거리 (㎞)", "Reach (km)"],
  "envelope.limitKm": ["한도 (㎞)", "Limit (km)"],
  "envelope.halfWidthKm": ["반폭 (㎞)", "Half-width (km)"],
  "envelope.axisLengthKm": ["축 길이 (㎞)", "Axis length (km)"],
  "envelope.areaKm2": ["지정 범위 면적 (㎢)", "Envelope area (km²)"],
  "hubs.total": ["혁신거점 합계", "Hubs, total"],
};

const VALUES: Record<string, Record<string, LabelPair>> = {
  verdict: { pass: ["적합", "PASS"], fail: ["부적합", "FAIL"] },
  "envelope.given": {
    true: ["신청서에 지정", "given in the filing"],
    false: ["최소 포함원 (추정)", "smallest enclosing circle (inferred)"],
  },
};

/** The figure's name: hub types by their own label. */
export function figureLabel(key: string): LabelPair {
  if (key.startsWith("roles.")) {
    const [ko, en] = roleLabel(key.slice(6));
    return [`역할별 면적: ${ko} (㎢)`, `Area by role: ${en} (km²)`];
  }
  if (key.startsWith("hubs.") && key !== "hubs.total") {
    const [ko, en] = hubLabels(key.slice(5));
    return [`혁신거점: ${ko}`, `Hubs: ${en}`];
  }
  return FIGURES[key] ?? [key, key];
}

const digitsOf = (key: string): number =>
  (key.startsWith("area.") && key !== "area.capKm2") || key.startsWith("roles.")
    ? 6
    : key.startsWith("hubs.") || key === "parcels.count"
      ? 0
      : 3;

/** A value as the diff prints it ("–" for none). */
export function figureValue(row: FigureRow, which: "old" | "new", lang: Lang): string {
  const v = row[which];
  if (v === null) return "–";
  if (typeof v === "number") return formatNumber(v, digitsOf(row.key));
  const table = VALUES[row.key];
  if (table?.[v]) return inLang(table[v] as LabelPair, lang);
  if (row.key === "envelope.shape") return inLang(shapeLabels(v), lang);
  return v;
}

/** The difference with its sign ("+2.6", "-1"), or "" when there is none to give. */
export function figureDelta(row: FigureRow, lang: Lang): string {
  if (row.delta === undefined) return row.changed ? (lang === "en" ? "changed" : "변경") : "";
  if (row.delta === 0) return "0";
  const text = formatNumber(Math.abs(row.delta), digitsOf(row.key));
  return `${row.delta > 0 ? "+" : "-"}${text}`;
}
