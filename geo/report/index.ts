/** The report's face: the JSON, text and A4 HTML reports of a check, with the map and the file's SHA-256. */
export { REPORT_CSS } from "./css";
export { type ReportHtmlInput, reportBodyHtml, reportHtml } from "./html";
export { reportJson } from "./json";
export { formatKst } from "./kst";
export { hubLabels, inLang, type LabelPair, severityLabels, shapeLabels } from "./labels";
export { reportMapSvg } from "./map";
export { type MapEnvelope, mapEnvelope } from "./map-envelope";
export { findingSentence, sidoWhy } from "./reword";
export { sha256Hex } from "./sha256";
export { formatReportText } from "./text";
