/** `v` rounded to `digits` decimals, as the report's figures carry it (15.0041 → 15.004 at 3). */
export const round = (v: number, digits: number): number => Number(v.toFixed(digits));
