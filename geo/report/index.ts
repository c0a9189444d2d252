/** The report's face: the JSON, text and A4 HTML reports of a check, with the map and the file's SHA-256. */

export { type SidoCapTotal, sidoCapSentence, sidoCapTotals } from "./batch-caps";
export { batchCsv } from "./batch-csv";
export { BATCH_CSS, type BatchHtmlInput, batchHtml, batchTableHtml } from "./batch-html";
export { batchJson } from "./batch-json";
export {
  type BatchEntry,
  type BatchRow,
  batchExitCode,
  batchRowOf,
  type CheckedRow,
  type UnreadableRow,
} from "./batch-row";
export { BATCH_COLUMNS, batchCells, batchSummary, verdictLabel } from "./batch-table";
export { batchTableText, batchText, displayWidth } from "./batch-text";
export { REPORT_CSS } from "./css";
export { DIFF_CSS, type DiffHtmlInput, diffBodyHtml, diffHtml } from "./diff-html";
export { figureDelta, figureLabel, figureValue } from "./diff-labels";
export { diffMapSvg } from "./diff-map";
export { diffTableText, formatDiffText } from "./diff-text";
export { type ReportHtmlInput, reportBodyHtml, reportHtml } from "./html";
export { reportJson } from "./json";
export { formatKst } from "./kst";
export {
  findingTitle,
  hubLabels,
  inLang,
  type LabelPair,
  roleLabel,
  severityLabels,
  shapeLabels,
} from "./labels";
export { reportMapSvg } from "./map";
export { type MapEnvelope, mapEnvelope, shapeOverLimit } from "./map-envelope";
export { SHAPE_COLOURS } from "./palette";
export { findingSentence, sidoWhy } from "./reword";
export { sha256Hex } from "./sha256";
export { formatReportText } from "./text";
