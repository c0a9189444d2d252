/**
 * The circle radius rule, decided here alone: a zone in one of the rule set's `metroSido` (the
 * 광역시) gets its `metroRadiusKm`, any other zone (or one in no 시·도) the general `radiusKm`.
 * The checker, its sentences, the proposals and the app all ask these two functions.
 */
import type { RuleSet } from "../types";

/** Whether the rule set gives a zone in `sido` (ISO 3166-2:KR; null: none) the 광역시 radius. */
export function isMetroSido(ruleSet: RuleSet, sido: string | null): boolean {
  return sido !== null && ruleSet.envelope.circle.metroSido.includes(sido);
}

/** The circle radius limit (km) for a zone in `sido` (null: none found, the general limit). */
export function radiusLimitKm(ruleSet: RuleSet, sido: string | null): number {
  const circle = ruleSet.envelope.circle;
  return isMetroSido(ruleSet, sido) ? circle.metroRadiusKm : circle.radiusKm;
}
