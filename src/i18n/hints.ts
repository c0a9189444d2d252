/**
 * The app's findings and 시·도 reasons, worded for the app: geo's sentences with the app's own
 * controls named (the zone list's 시·도 menu) where the CLI names `czd.sido` and `--sido`. The
 * report object keeps the CLI's wording, so the JSON the app exports stays byte-equal to
 * `czd check`'s (test/app/parity.test.ts); only what the app shows is re-worded.
 */

import type { Lang } from "../../geo/index";
import {
  type CrsHint,
  findingSentence,
  type MessageHints,
  type Report,
  type RuleSet,
  showInvisible,
  sidoByCode,
  sidoWhy,
} from "../../geo/index";

/** The zone list's 시·도 menu (ZoneList.tsx), by the names its label has in ko.ts and en.ts. */
export const APP_MESSAGE_HINTS: MessageHints = {
  setSido: { ko: "지구 목록의 시·도 메뉴에서", en: "in the Province menu of the zone list" },
  sidoFromFiling: {
    ko: "지구 목록의 시·도 메뉴 (신청서에 적힌 시·도)",
    en: "the Province menu of the zone list (the filing's own province when imported)",
  },
  sidoFromOption: { ko: "지구 목록의 시·도 메뉴", en: "the Province menu of the zone list" },
};

/** The CRS menu beside the hub import (ImportExport.tsx), by its label (ko.ts/en.ts hubsCrs). */
export const APP_CRS_HINT: CrsHint = {
  ko: "'거점 CSV의 x/y 좌표계' 메뉴에서",
  en: "in the “CRS of x/y columns in a hub CSV” menu",
};

/** A finding's sentence as the app shows it. */
export function findingText(f: Report["findings"][number], lang: Lang): string {
  return showInvisible(findingSentence(f, lang, APP_MESSAGE_HINTS));
}

/** Why this 시·도 and radius applied, as the app shows it. */
export function sidoWhyText(report: Report, ruleSet: RuleSet, lang: Lang): string {
  return sidoWhy(report, ruleSet, lang, APP_MESSAGE_HINTS);
}

/** The report's 시·도 by its name in the page's language ("Chungcheongbuk-do", "충청북도"). */
export function sidoDisplayName(sido: Report["sido"], lang: Lang): string {
  const info = sido.code === null ? undefined : sidoByCode(sido.code);
  if (!info) return sido.name ?? "–";
  return lang === "en" ? info.nameEn : info.name;
}
