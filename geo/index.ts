/** The public face of the geo core: the app and the CLI import from here and nowhere else in geo/. */
export { type CheckOptions, checkFiling } from "./check/check";
export { FilingError, type FilingErrorCode, isFilingError } from "./errors";
export { readFiling, zoneToFiling } from "./filing/filing";
export { type HubIndex, type HubSource, indexHubSources, indexHubs } from "./hubs";
export type { Converter, Imported, ReadOptions, WriteOptions } from "./io/format";
export {
  EMBEDDED_HUBS_FILE,
  embeddedHubSource,
  type HubOrigin,
  hubSourceName,
} from "./io/hub-sources";
export { readHubs } from "./io/hubs";
export {
  CONVERTERS,
  converterById,
  type Exported,
  exportZone,
  importFeatures,
  importHubs,
  importZone,
  readerFor,
} from "./io/registry";
export { decodeText, detectEncoding, TEXT_ENCODINGS, type TextEncodingId } from "./io/text";
export { fromLonLat, normalizeCrs, SUPPORTED_CRS, toLonLat } from "./measure/crs";
export { azimuthDeg, destination, distanceM, geodesicAreaM2, tmAreaM2 } from "./measure/measure";
export { findingMessage, type Lang } from "./messages";
export * from "./propose/index";
export { REPORT_CSS } from "./report/css";
export { type ReportHtmlInput, reportBodyHtml, reportHtml } from "./report/html";
export { reportJson } from "./report/json";
export { reportMapSvg } from "./report/map";
export { sha256Hex } from "./report/sha256";
export {
  BUILTIN_RULE_SETS,
  isBuiltinId,
  isBuiltinRuleSet,
  isUnknownRuleSet,
  loadRuleSet,
  parseCustomRuleSet,
  parseRuleSet,
  ruleSetById,
} from "./rules/load";
export { CLI_RULES_HINT, type RulesHint, ruleSetForStamp } from "./rules/resolve";
export { SIDO, type SidoInfo, sidoByCode } from "./sido/sido";
export { provideSigungu, sigunguNamesOf, sigunguVersion } from "./sido/sigungu";
export * from "./types";
