/** The public face of the geo core: the app and the CLI import from here and nowhere else in geo/. */
export { type CheckOptions, checkFiling } from "./check";
export { fromLonLat, normalizeCrs, SUPPORTED_CRS, toLonLat } from "./crs";
export { FilingError, type FilingErrorCode, isFilingError } from "./errors";
export { readFiling, zoneToFiling } from "./filing";
export { type HubIndex, indexHubs } from "./hubs";
export { readHubs } from "./io/hubs";
export { distanceM, geodesicAreaM2, tmAreaM2 } from "./measure";
export { findingMessage, type Lang } from "./messages";
export { BUILTIN_RULE_SETS, loadRuleSet, parseRuleSet } from "./rules/load";
export { SIDO, type SidoInfo, sidoByCode } from "./sido";
export * from "./types";
