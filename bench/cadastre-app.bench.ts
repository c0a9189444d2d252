/**
 * Opening the 300,000-필지 cadastre in the app (after `vite build`): `npx tsx
 * bench/cadastre-app.bench.ts`. The synthetic 진주 of bench/cadastre.bench.ts (built into
 * .tmp/bench-cadastre if missing) is picked in the cadastre panel and read in the Worker until
 * the panel shows the count; beside it, the longest gap between animation frames meanwhile, the
 * page's JS heap after, and then the longest frame gap while panning at zoom 16. Baseline, same
 * run: the same files read by the same geo/ reader in Node (no Worker, no map).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Pilji } from "../geo/cadastre/types";
import { openCadastre, readPilji } from "../geo/io/lsmd-read";
import { buildCadastre } from "../scripts/build-cadastre";
import { openApp, waitForMap } from "../test/e2e/browser";
import { serveDir } from "../test/e2e/static-server";

const DIR = ".tmp/bench-cadastre";
const NAMES = ["shp", "shx", "dbf", "prj"].map((ext) => `LSMD_CONT_LDREG_48170.${ext}`);
if (!existsSync(join(DIR, NAMES[0] as string))) {
  await buildCadastre({
    kostatCode: "38030",
    centre: [128.1076, 35.18],
    target: 300_000,
    outDir: DIR,
  });
}
const paths = NAMES.map((n) => join(DIR, n));

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

const t0 = performance.now();
let count = 0;
for (const layer of openCadastre(paths.map((p) => ({ name: p, bytes: readFileSync(p) })))) {
  for (const _ of readPilji(layer) as Iterable<Pilji>) count++;
}
const nodeMs = performance.now() - t0;

const server = await serveDir("dist");
const app = await openApp(server.url);
try {
  const page = app.page;
  await page.goto(`${server.url}#16/35.18/128.1076`);
  await waitForMap(page);
  await page.evaluate(WATCH);
  const start = Date.now();
  await page.getByTestId("import-cadastre").setInputFiles(paths);
  await page.locator('[data-testid="cadastre"][data-status="ready"]').waitFor({ timeout: 900_000 });
  const appMs = Date.now() - start;
  const openGap = Number(await page.evaluate(GAP));
  const shown = await page.getByTestId("cadastre-count").textContent();
  const cdp = await app.context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const metrics = (await cdp.send("Performance.getMetrics")).metrics;
  const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
  // Pan: drag the map across and back a few times.
  const box = await page.getByTestId("map").boundingBox();
  await page.evaluate(WATCH);
  if (box) {
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    for (let k = 0; k < 4; k++) {
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + (k % 2 ? -300 : 300), y + 100, { steps: 20 });
      await page.mouse.up();
    }
  }
  await page.waitForTimeout(500);
  const panGap = Number(await page.evaluate(GAP));
  const row = (label: string, value: string): string => `${label.padEnd(50)}${value.padStart(14)}`;
  console.log(
    `cadastre in the app: ${count.toLocaleString()} 필지 (headless Chromium, SwiftShader)`,
  );
  console.log(row("picked → count shown (Worker read + map data)", `${appMs} ms`));
  console.log(row("  longest frame gap meanwhile", `${openGap.toFixed(0)} ms`));
  console.log(row("  page JS heap after", `${(heap / 1024 / 1024).toFixed(0)} MB`));
  console.log(row("longest frame gap panning at zoom 16", `${panGap.toFixed(0)} ms`));
  console.log(row("baseline: the same reader in Node", `${nodeMs.toFixed(0)} ms`));
  console.log(row("ratio, app ÷ Node reader", `${(appMs / nodeMs).toFixed(2)} ×`));
  console.log(row("count shown", String(shown)));
} finally {
  await app.close();
  await server.close();
}
