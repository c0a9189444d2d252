/**
 * The app's weight and start: gzipped size of the built JS, and time to first map render on
 * localhost (navigation start → the map's first rendered frame, `data-ready` on the map element)
 * in headless Chromium, against a plain baseline in the same run: the same browser loading a
 * plain file (public/data/sido.json) from the same server. Run after `npm run build`: `npm run bench:app`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { openApp, waitForMap } from "../test/e2e/browser";
import { serveDir } from "../test/e2e/static-server";

const DIST = "dist";
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function bundleSizes(): { file: string; rawKb: number; gzipKb: number }[] {
  const assets = join(DIST, "assets");
  return readdirSync(assets)
    .filter((f) => /\.(m?js|css)$/.test(f))
    .map((file) => {
      const bytes = readFileSync(join(assets, file));
      return {
        file,
        rawKb: bytes.length / 1024,
        gzipKb: gzipSync(bytes, { level: 9 }).length / 1024,
      };
    })
    .sort((a, b) => b.gzipKb - a.gzipKb);
}

async function timeToMapMs(url: string): Promise<{ mapMs: number; blankMs: number }> {
  const app = await openApp(url);
  try {
    const start = Date.now();
    await app.page.goto(`${url}#7/36.2/127.8`);
    await waitForMap(app.page);
    const mapMs = Date.now() - start;
    const blankStart = Date.now();
    await app.page.goto(`${url}data/sido.json`);
    const blankMs = Date.now() - blankStart;
    return { mapMs, blankMs };
  } finally {
    await app.close();
  }
}

const sizes = bundleSizes();
console.log("bundle (dist/assets)                raw kB   gzip kB");
for (const s of sizes) {
  console.log(
    `  ${s.file.padEnd(32)} ${s.rawKb.toFixed(0).padStart(7)} ${s.gzipKb.toFixed(0).padStart(9)}`,
  );
}
const jsGzip = sizes.filter((s) => /\.m?js$/.test(s.file)).reduce((a, s) => a + s.gzipKb, 0);
console.log(`  JS total, gzipped: ${jsGzip.toFixed(0)} kB`);

const server = await serveDir(DIST);
try {
  const runs: { mapMs: number; blankMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timeToMapMs(server.url));
  const mapMs = median(runs.map((r) => r.mapMs));
  const blankMs = median(runs.map((r) => r.blankMs));
  console.log(`time to first map render (median of ${RUNS}, fresh profile each): ${mapMs} ms`);
  console.log(`baseline, the plain 시·도 JSON file from the same server:       ${blankMs} ms`);
  console.log(`ratio: ${(mapMs / Math.max(blankMs, 1)).toFixed(1)} ×`);
} finally {
  await server.close();
}
