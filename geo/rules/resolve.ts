/**
 * Which rule set checks a filing when none is asked for: the one it is stamped with
 * (`czd.ruleSet`), else phase-1-2 (FILING.md, "The checker"). The app and the CLI both decide
 * here, so they never check one file against two rule sets.
 */
import { FilingError } from "../errors";
import type { RuleSet } from "../types";
import { loadRuleSet } from "./load";

/** How to give an unknown rule set: `--rules` in the CLI, a loaded rules file in the app. */
export interface RulesHint {
  ko: string;
  en: string;
}

export const CLI_RULES_HINT: RulesHint = {
  ko: "--rules로 규칙 집합이나 규칙 파일을 지정하십시오",
  en: "name a rule set or rules file with --rules",
};

/**
 * The rule set for a filing's stamp among the known ones (built-in first, then loaded); no stamp
 * means phase-1-2. A stamp nobody knows is refused (BAD_RULES) rather than checked against
 * another rule set, which would sign a report for rules the filer never chose.
 */
export function ruleSetForStamp(
  stamp: unknown,
  known: readonly RuleSet[],
  hint: RulesHint = CLI_RULES_HINT,
): RuleSet {
  if (stamp === undefined || stamp === null || stamp === "") return loadRuleSet("phase-1-2");
  const found = typeof stamp === "string" ? known.find((r) => r.id === stamp) : undefined;
  if (found) return found;
  const id = String(typeof stamp === "string" ? stamp : JSON.stringify(stamp)).slice(0, 60);
  const params = { kind: "STAMP_UNKNOWN", id, known: known.map((r) => r.id), hint } as const;
  throw new FilingError({ code: "BAD_RULES", params });
}
