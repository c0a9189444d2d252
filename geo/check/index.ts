/** The checker's face: a zone and a rule set in, a report out (measure once, rules, sentences last). */
export { type CheckOptions, checkFiling, type ZoneFigures, zoneFigures } from "./check";
