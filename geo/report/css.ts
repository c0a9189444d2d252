/**
 * Print CSS for the review report: A4, margins for a binder's holes, no external resources.
 * Noto Sans CJK KR (fonts-noto-cjk) is named after the fonts Korean desktops have, so the page
 * prints the same on a ministry PC, a Mac and headless Chromium.
 */
export const REPORT_CSS = `
@page { size: A4; margin: 15mm 14mm 16mm 18mm; @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #555; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body.czd-report { margin: 0; color: #111; font: 9.5pt/1.45 "Noto Sans KR", "Noto Sans CJK KR", "Malgun Gothic", "맑은 고딕", "Apple SD Gothic Neo", sans-serif; }
.czd-report h1 { font-size: 16pt; margin: 0 0 2mm; }
.czd-report h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; border-bottom: 1.5px solid #333; padding-bottom: 0.5mm; break-after: avoid; page-break-after: avoid; }
.czd-report .en { font-size: 0.82em; color: #555; font-weight: normal; }
.czd-report table { border-collapse: collapse; width: 100%; }
.czd-report th, .czd-report td { border: 1px solid #999; padding: 1mm 1.6mm; text-align: left; vertical-align: top; }
.czd-report th { background: #f0f0f0; font-weight: 600; }
.czd-report td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.czd-report tr.total td { font-weight: 700; border-top: 2px solid #333; }
.czd-report thead { display: table-header-group; }
.czd-report tr, .czd-report section.keep { break-inside: avoid; }
.czd-report .meta td:first-child { width: 34mm; background: #fafafa; }
.czd-report .hash { font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK KR", monospace; font-size: 8.5pt; word-break: break-all; }
.czd-report .verdict { display: inline-block; padding: 1mm 4mm; border: 2px solid; font-weight: 700; font-size: 12pt; }
.czd-report .verdict.pass { color: #0b6b2e; }
.czd-report .verdict.fail { color: #b00020; }
.czd-report .map { border: 1px solid #999; margin: 2mm 0; }
.czd-report .map svg { display: block; width: 100%; height: auto; max-height: 50mm; }
.czd-report .findings th:nth-child(-n+3), .czd-report .findings td:nth-child(-n+3) { white-space: nowrap; width: 1%; }
.czd-report .parcel-map-title { font-size: 10pt; margin: 2mm 0 1mm; }
.czd-report .parcel-map-title .note { font-weight: normal; }
.czd-report .parcel-maps { display: flex; gap: 3mm; margin: 1mm 0; }
.czd-report .parcel-maps svg { display: block; height: auto; max-width: 100%; border: 1px solid #999; }
.czd-report .hub-counts th, .czd-report .hub-counts td { text-align: center; }
.czd-report .sev-error { color: #b00020; font-weight: 700; }
.czd-report .sev-warning { color: #8a5a00; font-weight: 700; }
.czd-report .note { color: #444; font-size: 8.5pt; }
.czd-report .sign td { height: 10mm; }
.czd-report .sign th { width: 25%; }
@media screen { body.czd-report { max-width: 210mm; margin: 0 auto; padding: 12mm 14mm; } }
`;
