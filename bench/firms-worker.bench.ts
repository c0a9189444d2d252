/**
 * Reading 1,000,000 firms in the app (`npm run bench:app`, after a build): the firm CSV picked in
 * the proposals panel and read in the Worker, until the panel shows the count, against a plain
 * baseline in the same browser and run: the same bytes fetched and split into numbers on the
 * page's own thread. Beside each time, the longest gap between animation frames while it ran:
 * how long the page stopped answering.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { openApp, waitForMap } from "../test/e2e/browser";
import { serveDir } from "../test/e2e/static-server";
import { createRandom } from "./data";

const N = 1_000_000;
const DIST = "dist";
const CSV = "bench-firms.csv";

function firmCsv(): string {
  const random = createRandom(19700102);
  const lines = ["기업명,위도,경도,종업원수"];
  for (let i = 0; i < N; i++) {
    lines.push(
      `기업${i},${(34.8 + random() * 3).toFixed(6)},${(126.5 + random() * 3).toFixed(6)},${1 + Math.floor(random() * 500)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

// Page scripts go in as text: tsx would otherwise wrap their inner functions in a helper the
// page doesn't have.
const WATCH = `(() => {
  window.czdGap = 0;
  window.czdWatch = true;
  let last = performance.now();
  const tick = (now) => {
    window.czdGap = Math.max(window.czdGap, now - last);
    last = now;
    if (window.czdWatch) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const GAP = "(() => { window.czdWatch = false; return window.czdGap; })()";

/** The plain parse: fetch the CSV and split it into numbers on the page's own thread. */
const plainParse = (url: string) => `(async () => {
  const start = performance.now();
  const text = await (await fetch(${JSON.stringify(url)})).text();
  const lines = text.split("\\n");
  const lon = new Float64Array(lines.length);
  const lat = new Float64Array(lines.length);
  const weight = new Float64Array(lines.length);
  let n = 0;
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split(",");
    if (cells.length < 4) continue;
    lat[n] = Number(cells[1]);
    lon[n] = Number(cells[2]);
    weight[n] = Number(cells[3]);
    n++;
  }
  await new Promise((r) => requestAnimationFrame(r));
  return { ms: performance.now() - start, n };
})()`;

async function watchFrames(page: Page): Promise<void> {
  await page.evaluate(WATCH);
}

async function frameGap(page: Page): Promise<number> {
  return Number(await page.evaluate(GAP));
}

const path = join(DIST, CSV);
writeFileSync(path, firmCsv());
const server = await serveDir(DIST);
const app = await openApp(server.url);
try {
  const page = app.page;
  await page.goto(`${server.url}#7/36.2/127.8`);
  await waitForMap(page);
  await page.getByTestId("proposals-panel").locator("summary").click();
  await page.getByTestId("firms-weight").fill("종업원수");

  await watchFrames(page);
  const t0 = Date.now();
  await page.getByTestId("import-firms").setInputFiles(path);
  await page.getByTestId("firms-summary").waitFor({ timeout: 300_000 });
  const workerMs = Date.now() - t0;
  const workerGap = await frameGap(page);
  const count = await page.getByTestId("firms-summary").getAttribute("data-count");

  await watchFrames(page);
  const plain = (await page.evaluate(plainParse(`${server.url}${CSV}`))) as {
    ms: number;
    n: number;
  };
  const plainGap = await frameGap(page);

  const row = (label: string, value: string): string => `${label.padEnd(46)}${value.padStart(12)}`;
  console.log(`firm import in the app: ${N.toLocaleString()} rows (headless Chromium)`);
  console.log(row("Worker (chunked, checked), until the count shows", `${workerMs} ms`));
  console.log(row("  longest frame gap meanwhile", `${workerGap.toFixed(0)} ms`));
  console.log(row("plain split on the page's thread", `${plain.ms.toFixed(0)} ms`));
  console.log(row("  longest frame gap meanwhile", `${plainGap.toFixed(0)} ms`));
  console.log(row("ratio, Worker ÷ plain", `${(workerMs / plain.ms).toFixed(2)} ×`));
  if (count !== String(N) || plain.n !== N) {
    console.error(`read ${count} and ${plain.n} firms of ${N}`);
    process.exitCode = 1;
  }
} finally {
  await app.close();
  await server.close();
  rmSync(path, { force: true });
}
