/**
 * The 17 시·도 (first-level divisions of South Korea) as a small table, so names and codes work
 * without loading the boundaries. Codes are ISO 3166-2:KR (the KOSTAT codes are mapped to them in scripts/build-boundaries.ts).
 */

export interface SidoInfo {
  /** ISO 3166-2:KR code, e.g. "KR-27". */
  code: string;
  /** Official Korean name, e.g. "대구광역시". */
  name: string;
  nameEn: string;
  /** A 광역시 (metropolitan city): 부산, 대구, 인천, 광주, 대전, 울산. */
  metro: boolean;
  /** In the capital region (수도권: 서울, 인천, 경기), which the cluster programme leaves out. */
  capital: boolean;
}

const row = (
  code: string,
  name: string,
  nameEn: string,
  metro = false,
  capital = false,
): SidoInfo => ({ code, name, nameEn, metro, capital });

/** The 17 시·도 in ISO code order. */
export const SIDO: readonly SidoInfo[] = Object.freeze([
  row("KR-11", "서울특별시", "Seoul", false, true),
  row("KR-26", "부산광역시", "Busan", true),
  row("KR-27", "대구광역시", "Daegu", true),
  row("KR-28", "인천광역시", "Incheon", true, true),
  row("KR-29", "광주광역시", "Gwangju", true),
  row("KR-30", "대전광역시", "Daejeon", true),
  row("KR-31", "울산광역시", "Ulsan", true),
  row("KR-41", "경기도", "Gyeonggi-do", false, true),
  // Renamed 강원특별자치도 in 2023 and 전북특별자치도 in 2024; the boundaries keep the old
  // codes KR-42 and KR-45, so they stay canonical here and KR-51 / KR-52 are aliases.
  row("KR-42", "강원특별자치도", "Gangwon State"),
  row("KR-43", "충청북도", "Chungcheongbuk-do"),
  row("KR-44", "충청남도", "Chungcheongnam-do"),
  row("KR-45", "전북특별자치도", "Jeonbuk State"),
  row("KR-46", "전라남도", "Jeollanam-do"),
  row("KR-47", "경상북도", "Gyeongsangbuk-do"),
  row("KR-48", "경상남도", "Gyeongsangnam-do"),
  row("KR-49", "제주특별자치도", "Jeju"),
  row("KR-50", "세종특별자치시", "Sejong"),
]);

const ALIASES: Readonly<Record<string, string>> = { "KR-51": "KR-42", "KR-52": "KR-45" };

/** The 시·도 for an ISO 3166-2:KR code, any letter case; KR-51 / KR-52 name 강원 / 전북. */
export function sidoByCode(code: string): SidoInfo | undefined {
  const upper = code.trim().toUpperCase();
  const canonical = ALIASES[upper] ?? upper;
  return SIDO.find((s) => s.code === canonical);
}
