/** The public face of the geo core: the app and the CLI import from here and nowhere else in geo/. */
export { type CheckOptions, checkFiling, type ZoneFigures, zoneFigures } from "./check";
export {
  type DiffSide,
  diffZones,
  type FigureRow,
  type ZoneDiff,
} from "./diff";
export { circleRing, distanceToLineM, envelopeOutline } from "./envelope";
export {
  type ErrorData,
  errorText,
  FilingError,
  type FilingErrorCode,
  isFilingError,
} from "./errors";
export { readFiling, zoneToFiling } from "./filing";
export {
  countHubs,
  type HubIndex,
  type HubSource,
  indexHubSources,
  indexHubs,
} from "./hubs";
export type { Converter, CrsHint, Imported, ReadOptions, WriteOptions } from "./io";
export {
  CONVERTERS,
  type CoordinateEntry,
  type CoordinateEntryInput,
  type CoordinateEntryKind,
  converterById,
  decodeText,
  detectEncoding,
  EMBEDDED_HUBS_FILE,
  type Exported,
  embeddedHubSource,
  exportZone,
  type HubOrigin,
  hubSourceName,
  importFeatures,
  importHubs,
  importZone,
  importZoneParts,
  isShapefilePart,
  type NamedBytes,
  parseCoordinateEntry,
  readerFor,
  readHubs,
  TEXT_ENCODINGS,
  type TextEncodingId,
} from "./io";
export {
  azimuthDeg,
  destination,
  distanceM,
  fromLonLat,
  geodesicAreaM2,
  lineLengthM,
  normalizeCrs,
  SUPPORTED_CRS,
  tmAreaM2,
  toLonLat,
} from "./measure";
export {
  CLI_MESSAGE_HINTS,
  findingMessage,
  type MessageHints,
  sidoReason,
} from "./messages";
export * from "./propose";
export {
  BATCH_COLUMNS,
  type BatchEntry,
  type BatchRow,
  batchCells,
  batchRowOf,
  batchSummary,
  DIFF_CSS,
  diffBodyHtml,
  diffMapSvg,
  figureDelta,
  figureLabel,
  figureValue,
  findingSentence,
  findingTitle,
  formatKst,
  hubLabels,
  inLang,
  type LabelPair,
  type MapEnvelope,
  mapEnvelope,
  REPORT_CSS,
  type ReportHtmlInput,
  reportBodyHtml,
  reportHtml,
  reportJson,
  reportMapSvg,
  SHAPE_COLOURS,
  type SidoCapTotal,
  severityLabels,
  sha256Hex,
  shapeLabels,
  shapeOverLimit,
  sidoCapSentence,
  sidoCapTotals,
  sidoWhy,
} from "./report";
export {
  BUILTIN_RULE_SETS,
  CLI_RULES_HINT,
  DEFAULT_BELT_LIMITS,
  isBuiltinId,
  isBuiltinRuleSet,
  isMetroSido,
  isUnknownRuleSet,
  loadRuleSet,
  parseCustomRuleSet,
  parseRuleSet,
  type RulesHint,
  radiusLimitKm,
  ruleSetById,
  ruleSetForStamp,
} from "./rules";
export { showInvisible } from "./sanitize";
export * from "./search";
export {
  provideSido,
  provideSigungu,
  SIDO,
  type SidoInfo,
  sidoByCode,
  sigunguNamesOf,
  sigunguVersion,
} from "./sido";
export * from "./types";
export {
  type RoleArea,
  roleAreas,
  ZONE_ROLE_LABELS,
  ZONE_ROLES,
  type ZoneRole,
  zoneRoleOf,
} from "./zone-roles";
