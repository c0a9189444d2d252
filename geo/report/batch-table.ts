/**
 * The batch table's cells, shared by the text, CSV and HTML forms: one place that decides what a
 * column holds, so the three never disagree. Pure: rows in, strings out.
 */
import { formatNumber, type Lang } from "../messages";
import type { BatchRow } from "./batch-row";
import type { LabelPair } from "./labels";

/** The columns of FILING.md's batch table, [ko, en]. */
export const BATCH_COLUMNS: readonly LabelPair[] = [
  ["파일", "File"],
  ["지구", "Zone"],
  ["시·도", "Province"],
  ["규칙 집합", "Rule set"],
  ["판정", "Verdict"],
  ["면적 (㎢)", "Area (km²)"],
  ["도달 / 한도 (㎞)", "Reach / limit (km)"],
  ["거점", "Hubs"],
  ["지적 사항", "Findings"],
];

const VERDICTS: Record<"pass" | "fail" | "unreadable", LabelPair> = {
  pass: ["적합", "PASS"],
  fail: ["부적합", "FAIL"],
  unreadable: ["읽을 수 없음", "UNREADABLE"],
};

export function verdictLabel(v: "pass" | "fail" | "unreadable", lang: Lang): string {
  return VERDICTS[v][lang === "en" ? 1 : 0];
}

const km = (v: number | undefined): string => (v === undefined ? "–" : formatNumber(v, 3));

/** The cells of one row, as text, in BATCH_COLUMNS order. */
export function batchCells(row: BatchRow, lang: Lang): string[] {
  if (!row.ok) {
    return [row.file, "", "", "", verdictLabel("unreadable", lang), "", "", "", row.message[lang]];
  }
  const findings = [...row.errors, ...row.warnings.map((c) => `(${c})`)].join(" ");
  return [
    row.file,
    row.zone || "–",
    row.sido.code ? `${row.sido.name ?? ""} ${row.sido.code}`.trim() : "–",
    row.ruleSet,
    verdictLabel(row.verdict, lang),
    formatNumber(row.totalKm2, 3),
    `${km(row.reachKm)} / ${km(row.limitKm)}`,
    String(row.hubs),
    findings,
  ];
}

/** "14건: 적합 10, 부적합 3, 읽을 수 없음 1" — the batch at a glance. */
export function batchSummary(rows: readonly BatchRow[], lang: Lang): string {
  const pass = rows.filter((r) => r.ok && r.verdict === "pass").length;
  const fail = rows.filter((r) => r.ok && r.verdict === "fail").length;
  const bad = rows.filter((r) => !r.ok).length;
  const parts = [
    `${verdictLabel("pass", lang)} ${pass}`,
    `${verdictLabel("fail", lang)} ${fail}`,
    ...(bad ? [`${verdictLabel("unreadable", lang)} ${bad}`] : []),
  ];
  return lang === "en"
    ? `${rows.length} filings: ${parts.join(", ")}`
    : `${rows.length}건: ${parts.join(", ")}`;
}
