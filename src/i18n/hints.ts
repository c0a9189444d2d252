/**
 * The app's findings and 시·도 reasons, worded for the app: geo's sentences with the app's own
 * controls named (the zone list's 시·도 menu) where the CLI names `czd.sido` and `--sido`. The
 * report object keeps the CLI's wording, so the JSON the app exports stays byte-equal to
 * `czd check`'s (test/app/parity.test.ts); only what the app shows is re-worded.
 */
import {
  findingMessage,
  type MessageHints,
  type Report,
  type RuleSet,
  sidoByCode,
  sidoReason,
} from "../../geo/index";
import type { Lang } from "../map/contract";

/** The zone list's 시·도 menu (ZoneList.tsx), by the names its label has in ko.ts and en.ts. */
export const APP_MESSAGE_HINTS: MessageHints = {
  setSido: { ko: "지구 목록의 시·도 메뉴에서", en: "in the Province menu of the zone list" },
  sidoFromFiling: {
    ko: "지구 목록의 시·도 메뉴 (신청서에 적힌 시·도)",
    en: "the Province menu of the zone list (the filing's own province when imported)",
  },
  sidoFromOption: { ko: "지구 목록의 시·도 메뉴", en: "the Province menu of the zone list" },
};

type ReportFinding = Report["findings"][number];

/** A finding's sentence as the app shows it. */
export function findingText(f: ReportFinding, lang: Lang): string {
  return findingMessage(f, lang, APP_MESSAGE_HINTS);
}

/** Why this 시·도 and radius applied, as the app shows it. */
export function sidoWhyText(report: Report, ruleSet: RuleSet, lang: Lang): string {
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
    APP_MESSAGE_HINTS,
  );
}

/** The report's 시·도 by its name in the page's language ("North Chungcheong", "충청북도"). */
export function sidoDisplayName(sido: Report["sido"], lang: Lang): string {
  const info = sido.code === null ? undefined : sidoByCode(sido.code);
  if (!info) return sido.name ?? "–";
  return lang === "en" ? info.nameEn : info.name;
}
