/** The rule sets' face: the built-in rule sets, a reviewer's rules file validated, a filing's stamp resolved. */

export { areaCapKm2For } from "./cap";
export {
  BUILTIN_RULE_SETS,
  DEFAULT_BELT_LIMITS,
  isBuiltinId,
  isBuiltinRuleSet,
  isUnknownRuleSet,
  loadRuleSet,
  parseCustomRuleSet,
  parseRuleSet,
  ruleSetById,
  unknownRuleSetError,
} from "./load";
export { isMetroSido, radiusLimitKm } from "./radius";
export { CLI_RULES_HINT, type RulesHint, ruleSetForStamp } from "./resolve";
