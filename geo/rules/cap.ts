/**
 * The area cap, decided here alone: a zone in one of the rule set's 광역시 gets its
 * `metroAreaCapKm2` where the rule set has one, any other zone (or one in no 시·도) `areaCapKm2`.
 * With `capScope: "sido"` the same figure caps all the zones of the 시·도 together (batch check).
 */
import type { RuleSet } from "../types";
import { isMetroSido } from "./radius";

/** The area cap (km²) for a zone in `sido` (ISO 3166-2:KR; null: none found). */
export function areaCapKm2For(ruleSet: RuleSet, sido: string | null): number {
  const metro = ruleSet.metroAreaCapKm2;
  return metro !== undefined && isMetroSido(ruleSet, sido) ? metro : ruleSet.areaCapKm2;
}
