/**
 * The 법정동코드 table as the app and the checker keep it: code → its own name part, the
 * 2023–2024 changes applied, and KOSTAT 시·군·구 codes matched to the 행정표준코드 by name.
 */

export interface BjdTableFile {
  /** What the table is and where it comes from, carried in the file. */
  source: string;
  /** 10-digit 법정동코드 → its own name part (시·도, 시·군·구, 읍·면·동 or 리). */
  names: Record<string, string>;
  /** KOSTAT 5-digit 시·군·구 code (2018) → 행정표준코드 5 digits (진주시 38030 → 48170). */
  kostat: Record<string, string>;
}

/** The code changes since 2020 (bjd-codes README): old prefix → new prefix, and new names. */
export const CODE_CHANGES: readonly { from: string; to: string; name?: string }[] = [
  { from: "42", to: "51", name: "강원특별자치도" },
  { from: "45", to: "52", name: "전북특별자치도" },
  { from: "47720", to: "27720" },
];

/** A code's parent one level up (리 → 읍·면·동 → 시·군·구 → 시·도), null for a 시·도. */
export function parentCode(code: string): string | null {
  if (code.endsWith("00000000")) return null;
  if (code.endsWith("00000")) return `${code.slice(0, 2)}00000000`;
  if (code.endsWith("00")) return `${code.slice(0, 5)}00000`;
  return `${code.slice(0, 8)}00`;
}

function changed(code: string): string {
  const change = CODE_CHANGES.find((c) => code.startsWith(c.from));
  return change ? change.to + code.slice(change.from.length) : code;
}

interface SigunguCollection {
  features: { properties: { code: string; name: string; sido: string } }[];
}

/** ISO 3166-2:KR → the 2-digit 시·도 prefixes of the 행정표준코드 (old and new). */
const ISO_TO_BJD: Record<string, string[]> = {
  "KR-11": ["11"],
  "KR-26": ["26"],
  "KR-27": ["27"],
  "KR-28": ["28"],
  "KR-29": ["29"],
  "KR-30": ["30"],
  "KR-31": ["31"],
  "KR-50": ["36"],
  "KR-41": ["41"],
  "KR-42": ["51"],
  "KR-43": ["43"],
  "KR-44": ["44"],
  "KR-45": ["52"],
  "KR-46": ["46"],
  "KR-47": ["47"],
  "KR-48": ["48"],
  "KR-49": ["50"],
};

/**
 * KOSTAT 2018 names that differ from the 2020 법정동 table's: 인천 남구 was renamed 미추홀구 on
 * 2018-07-01 (code 28177), and KOSTAT writes 세종특별자치시 as 세종시.
 */
const KOSTAT_NAMES: Record<string, string> = {
  "KR-28 남구": "미추홀구",
  "KR-50 세종시": "세종특별자치시",
};

/** Parses the CSV (법정동코드,법정동명,폐지여부) and builds the table. */
export function buildBjdTable(csv: string, sigungu: SigunguCollection): BjdTableFile {
  const full = new Map<string, string>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [code, name, status] = line.split(",");
    if (!code || !name || status?.trim() !== "존재" || !/^\d{10}$/.test(code)) continue;
    full.set(code, name.trim());
  }
  const names: Record<string, string> = {};
  for (const [code, name] of full) {
    const parent = parentCode(code);
    const parentName = parent ? full.get(parent) : undefined;
    let own = parentName && name.startsWith(parentName) ? name.slice(parentName.length) : name;
    own = own.trim();
    const newCode = changed(code);
    const renamed = CODE_CHANGES.find((c) => code.startsWith(c.from) && parent === null)?.name;
    names[newCode] = renamed ?? own;
  }
  const kostat: Record<string, string> = {};
  for (const f of sigungu.features) {
    const prefixes = ISO_TO_BJD[f.properties.sido] ?? [];
    const given = f.properties.name.replace(/\s+/g, " ");
    const wanted = KOSTAT_NAMES[`${f.properties.sido} ${given}`] ?? given;
    const hit = Object.keys(names).find(
      (code) =>
        code.endsWith("00000") &&
        !code.endsWith("00000000") &&
        prefixes.includes(code.slice(0, 2)) &&
        names[code] === wanted,
    );
    if (hit) kostat[f.properties.code] = hit.slice(0, 5);
  }
  return {
    source:
      "행정안전부 행정표준코드관리시스템 법정동코드 전체자료 (2020-10), 2023–2024 코드 변경 반영; see public/data/README.md",
    names: Object.fromEntries(Object.entries(names).sort(([a], [b]) => a.localeCompare(b))),
    kostat: Object.fromEntries(Object.entries(kostat).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** The file's text: one entry a line, so a change shows as a readable diff. */
export function bjdTableJson(t: BjdTableFile): string {
  const block = (o: Record<string, string>) =>
    Object.entries(o)
      .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
      .join(",\n");
  return `{"source":${JSON.stringify(t.source)},\n"kostat":{\n${block(t.kostat)}},\n"names":{\n${block(t.names)}}}\n`;
}

/**
 * KOSTAT 시·군·구 code → 행정표준코드 alone (5 kB), for the report and the app, which name
 * 시·군·구 without needing the whole 법정동 table.
 */
export function adminCodesJson(t: BjdTableFile): string {
  const lines = Object.entries(t.kostat).map(
    ([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`,
  );
  return `{\n${lines.join(",\n")}\n}\n`;
}
