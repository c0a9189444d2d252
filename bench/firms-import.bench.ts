/**
 * `npm run bench`: reading 1,000,000 firms from CSV text as the app's Worker does
 * (firmsFromCsvText: chunks of 20,000 rows, each checked and converted by the converters' CSV
 * reader, progress after each), against a plain baseline in the same run: one Papa.parse of the
 * whole text with headers and a Number() per cell, no checks and no progress.
 */
import Papa from "papaparse";
import { firmsFromCsvText } from "../geo/propose/csv-chunks";
import { createRandom } from "./data";

const N = 1_000_000;
const random = createRandom(19700101);
const lines = ["기업명,위도,경도,종업원수"];
for (let i = 0; i < N; i++) {
  const lat = (34.8 + random() * 3).toFixed(6);
  const lon = (126.5 + random() * 3).toFixed(6);
  lines.push(`기업${i},${lat},${lon},${1 + Math.floor(random() * 500)}`);
}
const text = `${lines.join("\n")}\n`;

function timeMs(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

let progressCalls = 0;
let read = 0;
const chunkedMs = timeMs(() => {
  const firms = firmsFromCsvText(text, {
    weight: "종업원수",
    onProgress: () => {
      progressCalls++;
    },
  });
  read = firms.lon.length;
});
let plainRows = 0;
const plainMs = timeMs(() => {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const lon = new Float64Array(parsed.data.length);
  const lat = new Float64Array(parsed.data.length);
  const weight = new Float64Array(parsed.data.length);
  parsed.data.forEach((row, i) => {
    lon[i] = Number(row.경도);
    lat[i] = Number(row.위도);
    weight[i] = Number(row.종업원수);
  });
  plainRows = parsed.data.length;
});

const row = (label: string, value: string): string => `${label.padEnd(44)}${value.padStart(14)}`;
console.log(
  `firm import: ${N.toLocaleString()} rows, ${(text.length / 1e6).toFixed(0)} M characters`,
);
console.log(row("chunked, checked, with progress (Worker's)", `${chunkedMs.toFixed(0)} ms`));
console.log(row("  progress reports", `${progressCalls}`));
console.log(row("plain Papa.parse + Number()", `${plainMs.toFixed(0)} ms`));
console.log(row("ratio, chunked ÷ plain", `${(chunkedMs / plainMs).toFixed(2)} ×`));
if (read !== N || plainRows !== N) {
  console.error(`read ${read} and ${plainRows} firms of ${N}`);
  process.exit(1);
}
