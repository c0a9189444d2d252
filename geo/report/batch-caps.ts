/**
 * Caps over several zones: where a rule set caps the total of all the zones of one 시·도
 * (`capScope: "sido"`, as reported for 기회발전특구), the batch sums its filings by 시·도 and
 * rule set and holds each sum to the cap that applied to them (report.area.capKm2, the 광역시
 * one in a 광역시). Pure: entries in, totals and sentences out.
 */
import { formatNumber, type Lang } from "../messages";
import type { BatchEntry } from "./batch-row";

export interface SidoCapTotal {
  ruleSet: string;
  sido: { code: string; name: string | null };
  files: string[];
  totalKm2: number;
  capKm2: number;
  /** How far over the cap, km² (0 when within). */
  overKm2: number;
}

/** The 시·도 totals of the filings checked under a rule set with `capScope: "sido"`. */
export function sidoCapTotals(entries: readonly BatchEntry[]): SidoCapTotal[] {
  const groups = new Map<string, SidoCapTotal>();
  for (const e of entries) {
    const c = e.checked;
    if (c?.ruleSet.capScope !== "sido" || !c.report.sido.code) continue;
    const key = `${c.ruleSet.id}\u0000${c.report.sido.code}`;
    const g = groups.get(key) ?? {
      ruleSet: c.ruleSet.id,
      sido: { code: c.report.sido.code, name: c.report.sido.name },
      files: [],
      totalKm2: 0,
      capKm2: c.report.area.capKm2,
      overKm2: 0,
    };
    g.files.push(e.row.file);
    g.totalKm2 = Math.round((g.totalKm2 + c.report.area.totalKm2) * 1e6) / 1e6;
    g.capKm2 = Math.min(g.capKm2, c.report.area.capKm2);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({
    ...g,
    overKm2: Math.max(0, Math.round((g.totalKm2 - g.capKm2) * 1e6) / 1e6),
  }));
}

/** One line a 시·도: its zones' total against the cap, and by how much it is over. */
export function sidoCapSentence(t: SidoCapTotal, lang: Lang): string {
  const n = (v: number): string => formatNumber(v, 3);
  const name = `${t.sido.name ?? t.sido.code} (${t.sido.code})`;
  if (lang === "en") {
    const verdict = t.overKm2 > 0 ? `over by ${n(t.overKm2)} km² — FAIL` : "within — PASS";
    return `Cap over the province's zones (${t.ruleSet}): ${name}, ${t.files.length} zone(s), total ${n(t.totalKm2)} km² / cap ${n(t.capKm2)} km², ${verdict}`;
  }
  const verdict = t.overKm2 > 0 ? `${n(t.overKm2)}㎢ 초과 — 부적합` : "상한 안 — 적합";
  return `시·도 전체 면적 상한 (${t.ruleSet}): ${name} 지구 ${t.files.length}개 합계 ${n(t.totalKm2)}㎢ / 상한 ${n(t.capKm2)}㎢, ${verdict}`;
}
