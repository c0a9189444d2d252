/**
 * The 행정표준코드 of a KOSTAT 시·군·구 (진주시 38030 → 48170): the code Korean planners know,
 * shown beside KOSTAT's own so "부산 (KR-26)" beside "울주군 (26310)" no longer reads as a
 * contradiction (26 is 부산 in ISO, 울산 in KOSTAT). Built by scripts/build-bjd-codes.ts.
 */
import codes from "../../public/data/sigungu-admin-codes.json";

const table: Readonly<Record<string, string>> = codes;

/** The 행정표준코드 (5 digits) of a KOSTAT 시·군·구 code, or null when none matched. */
export function adminCodeOfSigungu(kostatCode: string): string | null {
  return table[kostatCode] ?? null;
}

/** `행정표준코드 48170 · 통계청 38030` (ko) or `admin code 48170 · KOSTAT 38030` (en). */
export function sigunguCodes(kostatCode: string, lang: "ko" | "en"): string {
  const admin = adminCodeOfSigungu(kostatCode);
  const kostat = lang === "en" ? `KOSTAT ${kostatCode}` : `통계청 ${kostatCode}`;
  if (!admin) return kostat;
  return lang === "en" ? `admin code ${admin} · ${kostat}` : `행정표준코드 ${admin} · ${kostat}`;
}

/** The short form for the printed report, where every character of a long list counts: `48170 · 통계청 38030`. */
export function sigunguCodesShort(kostatCode: string, lang: "ko" | "en"): string {
  const admin = adminCodeOfSigungu(kostatCode);
  const kostat = lang === "en" ? `KOSTAT ${kostatCode}` : `통계청 ${kostatCode}`;
  return admin ? `${admin} · ${kostat}` : kostat;
}
