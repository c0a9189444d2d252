/**
 * A report's sentences worded for where they are read. The report object carries the CLI's
 * wording (`czd.sido`, `--sido`), so the JSON is the same from the app and the CLI; the app's
 * panels and print view pass their own MessageHints and get its controls named instead.
 */
import { findingMessage, type Lang, type MessageHints, sidoReason } from "../messages";
import { sidoByCode } from "../sido";
import type { Report, RuleSet } from "../types";

type ReportFinding = Report["findings"][number];

/** The codes whose sentences name a control (messages.ts's MessageHints); others stand as written. */
const HINTED: ReadonlySet<string> = new Set([
  "SIDO_UNKNOWN",
  "SIDO_DECIDES_RADIUS",
  "REGION_NOT_ELIGIBLE",
  "SIDO_MISMATCH",
]);

/**
 * A finding's sentence: re-worded with `hints` when its code names a control, else the report's
 * own (which may not come from the table at all: the app's stand-in report for a zone it can't
 * check carries the refusal's text under a code).
 */
export function findingSentence(f: ReportFinding, lang: Lang, hints?: MessageHints): string {
  if (!hints || !HINTED.has(f.code)) return lang === "en" ? f.messageEn : f.message;
  return findingMessage(f, lang, hints);
}

/** Why this 시·도 and radius applied: the report's own without hints, else re-worded. */
export function sidoWhy(
  report: Report,
  ruleSet: RuleSet,
  lang: Lang,
  hints?: MessageHints,
): string {
  if (!hints) return report.sido.why[lang];
  const code = report.sido.code;
  const info = code === null ? undefined : sidoByCode(code);
  return sidoReason(
    {
      ruleSet,
      sidoCode: code,
      ...(info ? { sidoName: info.name, sidoNameEn: info.nameEn } : {}),
      sidoFrom: report.sido.from,
    },
    lang,
    hints,
  );
}
