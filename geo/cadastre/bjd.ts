/**
 * 소재지 from a 법정동코드: the names of its 시·도, 시·군·구, 읍·면·동 and 리, from the table
 * scripts/build-bjd-codes.ts builds (public/data/bjd-codes.json). Codes from before the
 * 2023–2024 changes (강원 42, 전북 45, 군위군 47720) are read as their successors; a code the table
 * does not hold is shown as the code, never guessed.
 */

export interface BjdTable {
  /** 10-digit 법정동코드 → its own name part. */
  names: Readonly<Record<string, string>>;
  /** KOSTAT 5-digit 시·군·구 code → 행정표준코드 5 digits. */
  kostat: Readonly<Record<string, string>>;
}

const SUCCESSORS: readonly [string, string][] = [
  ["42", "51"],
  ["45", "52"],
  ["47720", "27720"],
];

/** The code as it is today (2024): 4211010100 → 5111010100. */
export function currentBjd(code: string): string {
  const hit = SUCCESSORS.find(([from]) => code.startsWith(from));
  return hit ? hit[1] + code.slice(hit[0].length) : code;
}

/** The 시·도, 시·군·구, 읍·면·동 and 리 codes of a 법정동코드 (only those it has). */
function levels(code: string): string[] {
  const out = [`${code.slice(0, 2)}00000000`];
  if (code.slice(2, 5) !== "000") out.push(`${code.slice(0, 5)}00000`);
  if (code.slice(5, 8) !== "000") out.push(`${code.slice(0, 8)}00`);
  if (code.slice(8, 10) !== "00") out.push(code);
  return out;
}

/**
 * 소재지 of a 10-digit 법정동코드: `경상남도 진주시 망경동`; the code itself when the table does not
 * hold it (a 법정동 created after the table was made).
 */
export function sojaeji(table: BjdTable, bjd: string): string {
  const code = currentBjd(bjd);
  if (table.names[code] === undefined) return bjd;
  const parts: string[] = [];
  for (const level of levels(code)) {
    const name = table.names[level];
    // 세종특별자치시 is both the 시·도 and its only 시·군·구: written once.
    if (name && parts[parts.length - 1] !== name) parts.push(name);
  }
  return parts.join(" ");
}

/** The 행정표준코드 of a KOSTAT 시·군·구 code (진주시 38030 → 48170), or null when unmatched. */
export function adminSigunguCode(table: BjdTable, kostatCode: string): string | null {
  return table.kostat[kostatCode] ?? null;
}
