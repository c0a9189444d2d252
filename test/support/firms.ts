/** Firm lists for the proposal tests: deterministic clumps of weighted points, as CSV text. */
export interface FirmRow {
  lon: number;
  lat: number;
  staff: number;
}

/** `n` firms in clumps about `centres` ([lon, lat]), spread ± `spreadDeg`, seeded. */
export function createFirmRows(
  seed: number,
  n: number,
  centres: number[][],
  spreadDeg = 0.08,
): FirmRow[] {
  let s = seed >>> 0 || 1;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return Array.from({ length: n }, () => {
    const c = centres[Math.floor(rand() * centres.length)] ?? [0, 0];
    const g = () => (rand() + rand() + rand() - 1.5) * spreadDeg;
    return { lon: (c[0] ?? 0) + g(), lat: (c[1] ?? 0) + g(), staff: 1 + Math.floor(rand() * 200) };
  });
}

/** The rows as a Korean CSV: 기업명,위도,경도,종업원수 (staff written with a thousands comma when large). */
export function firmCsv(rows: readonly FirmRow[]): string {
  const lines = rows.map(
    (r, i) =>
      `기업${i + 1},${r.lat.toFixed(6)},${r.lon.toFixed(6)},"${r.staff.toLocaleString("en-US")}"`,
  );
  return `기업명,위도,경도,종업원수\n${lines.join("\n")}\n`;
}

/** 진주·사천 (경남, not a 광역시) and a smaller clump near 창원. */
export const JINJU_CLUMPS = [
  [128.1, 35.18],
  [128.07, 35.08],
  [128.65, 35.23],
];

/** Firms in 대구 (a 광역시: the 10 km radius applies). */
export const DAEGU_CLUMPS = [
  [128.6, 35.87],
  [128.5, 35.83],
];
