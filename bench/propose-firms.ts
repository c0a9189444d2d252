/**
 * A million firms for the proposal benches, written to files the way a planner gets them:
 * deterministic (seeded), clustered about real 산업단지 in several 시·도 (positions approximate, to
 * about a kilometre: the complexes' rough middles, not surveyed), with clumps along the 대구/경북
 * border, in 서울·인천·경기 (which the programme leaves out) and some at sea. Never committed:
 * each bench run writes them to a temporary folder.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { createRandom } from "./data";

/** [name, lon, lat, share of the firms, spread in degrees (1σ-ish)]; approximate positions. */
export const COMPLEXES: readonly [string, number, number, number, number][] = [
  ["창원국가산단 (경남)", 128.66, 35.21, 0.12, 0.04],
  ["김해·진영 (경남)", 128.8, 35.26, 0.05, 0.05],
  ["진주·사천 (경남)", 128.08, 35.12, 0.04, 0.05],
  ["녹산·신평 (부산)", 128.86, 35.09, 0.06, 0.03],
  ["울산미포·온산 (울산)", 129.35, 35.48, 0.07, 0.04],
  ["구미국가산단 (경북)", 128.39, 36.11, 0.08, 0.04],
  ["포항철강 (경북)", 129.36, 35.99, 0.03, 0.03],
  ["성서산단 (대구, 달성·고령 경계)", 128.49, 35.84, 0.07, 0.03],
  ["대구국가산단 (대구 달성, 창녕 경계)", 128.45, 35.66, 0.03, 0.03],
  ["경산·진량 (경북, 대구 동구 경계)", 128.81, 35.86, 0.04, 0.03],
  ["칠곡·왜관 (경북, 대구 북구 경계)", 128.42, 35.97, 0.03, 0.03],
  ["여수국가산단 (전남)", 127.69, 34.85, 0.03, 0.03],
  ["광주 하남·평동 (광주)", 126.78, 35.18, 0.03, 0.03],
  ["군산·새만금 (전북)", 126.63, 35.95, 0.02, 0.04],
  ["오송·오창 (충북)", 127.38, 36.68, 0.03, 0.04],
  ["천안·아산 (충남)", 127.08, 36.8, 0.04, 0.05],
  ["대덕 (대전)", 127.39, 36.42, 0.02, 0.03],
  ["반월·시화 (경기)", 126.77, 37.32, 0.06, 0.04],
  ["남동 (인천)", 126.71, 37.4, 0.03, 0.02],
  ["구로·가산 (서울)", 126.89, 37.48, 0.03, 0.02],
  ["남해 바다 (어느 시·도도 아님)", 128.3, 34.3, 0.005, 0.15],
  ["서해 바다 (어느 시·도도 아님)", 125.6, 36.2, 0.005, 0.15],
];

export interface WrittenFirms {
  csv: string;
  geojson: string;
  firms: number;
}

/** Positions and staff of `n` firms: each from a complex picked by its share, spread about it. */
function* firms(n: number, seed: number): Generator<[number, number, number]> {
  const random = createRandom(seed);
  const total = COMPLEXES.reduce((s, c) => s + c[3], 0);
  for (let i = 0; i < n; i++) {
    let pick = random() * total;
    let c = COMPLEXES[0] as (typeof COMPLEXES)[number];
    for (const k of COMPLEXES) {
      c = k;
      pick -= k[3];
      if (pick <= 0) break;
    }
    const g = () => (random() + random() + random() - 1.5) * 2 * c[4];
    // Staff: mostly small firms, a few large ones (a heavy tail, as in 공장등록 data).
    const staff = Math.max(1, Math.floor(3 / (0.002 + random() ** 2)));
    yield [c[1] + g(), c[2] + g(), Math.min(staff, 1500)];
  }
}

/** Text written in batches of lines, so a million rows never sit in memory at once. */
function writeLines(path: string, head: string, lines: Iterable<string>, tail: string): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, head);
    let batch: string[] = [];
    for (const line of lines) {
      batch.push(line);
      if (batch.length === 10_000) {
        writeSync(fd, batch.join(""));
        batch = [];
      }
    }
    writeSync(fd, batch.join("") + tail);
  } finally {
    closeSync(fd);
  }
}

/**
 * The same `n` firms as `firms.csv` (UTF-8, 기업명,위도,경도,종업원수) and `firms.geojson` (one
 * Point feature a line, 종업원수 as a number) in `dir`.
 */
export function writeFirmFiles(dir: string, n = 1_000_000, seed = 20261206): WrittenFirms {
  const csv = `${dir}/firms.csv`;
  const geojson = `${dir}/firms.geojson`;
  writeLines(
    csv,
    "기업명,위도,경도,종업원수\n",
    (function* () {
      let i = 0;
      for (const [lon, lat, staff] of firms(n, seed))
        yield `기업${++i},${lat.toFixed(6)},${lon.toFixed(6)},${staff}\n`;
    })(),
    "",
  );
  writeLines(
    geojson,
    '{"type":"FeatureCollection","features":[\n',
    (function* () {
      let i = 0;
      for (const [lon, lat, staff] of firms(n, seed)) {
        yield `${i++ === 0 ? "" : ",\n"}{"type":"Feature","properties":{"종업원수":${staff}},"geometry":{"type":"Point","coordinates":[${lon.toFixed(6)},${lat.toFixed(6)}]}}`;
      }
    })(),
    "\n]}\n",
  );
  return { csv, geojson, firms: n };
}
