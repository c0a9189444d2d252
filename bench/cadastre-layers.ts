/**
 * What one frame costs to draw over the 290,611-필지 cadastre at zoom 15, as bench/frame-layers.ts
 * measures the drag scene: the app built with the map reachable (VITE_BENCH_MAP, into
 * .tmp/dist-layers), the cadastre of bench/cadastre-data.ts picked, then the map repainted 20
 * frames at a time with everything shown, without the cadastre's raster layer, without any
 * layer, and with each visible layer hidden alone; the median frame interval and the GPU
 * process's CPU per frame (bench/gpu-cpu.ts). In headless Chromium (SwiftShader, software
 * compositing) each frame's WebGL drawing is read back on the page's main thread, which waits
 * for the GPU process to finish it: a pan's long tasks are this drawing cost.
 * Run: `npx tsx bench/cadastre-layers.ts` (under the bench lock); BENCH_DIST skips the build.
 */
import { execFileSync } from "node:child_process";
import { openApp, waitForMap } from "../test/e2e/browser";
import { serveDir } from "../test/e2e/static-server";
import { benchCadastre, CADASTRE_CENTRE } from "./cadastre-data";
import { cpuMs, gpuProcess } from "./gpu-cpu";
import { HIDE, REPAINT } from "./repaint";
import { median } from "./timing";

const DIST = process.env.BENCH_DIST ?? ".tmp/dist-layers";
if (!process.env.BENCH_DIST)
  execFileSync("npx", ["vite", "build", "--logLevel", "error", "--outDir", DIST, "--emptyOutDir"], {
    stdio: "inherit",
    env: { ...process.env, VITE_BENCH_MAP: "1" },
  });
const paths = await benchCadastre();
const RASTER = "czd-cadastre-raster";

const server = await serveDir(DIST);
const app = await openApp(server.url);
try {
  const { page } = app;
  await page.goto(`${server.url}#15/${CADASTRE_CENTRE[0]}/${CADASTRE_CENTRE[1]}`);
  await waitForMap(page);
  await page.getByTestId("import-cadastre").setInputFiles(paths);
  await page.locator('[data-testid="cadastre"][data-status="ready"]').waitFor({ timeout: 900_000 });
  await page.waitForTimeout(3000);
  const layers = (await page.evaluate(`window.__czdMap.getStyle().layers
    .filter((l) => (l.layout?.visibility ?? "visible") === "visible").map((l) => l.id)`)) as string[];
  const gpu = gpuProcess();
  /** The overlay of raster tiles (src/map/cadastre-overlay.ts), shown or not. */
  const overlay = (shown: boolean) =>
    page.evaluate(
      `document.querySelector('[data-testid="cadastre-overlay"]').style.visibility = "${shown ? "" : "hidden"}"`,
    );
  const repaint = async (hide: string[], withOverlay = true) => {
    await overlay(withOverlay);
    await page.evaluate(`(${HIDE})(${JSON.stringify(hide)})`);
    const before = gpu ? cpuMs(gpu) : 0;
    const interval = Number(await page.evaluate(`(${REPAINT})()`));
    await overlay(true);
    return { interval, cpu: gpu ? (cpuMs(gpu) - before) / 21 : Number.NaN };
  };
  const rounds: Record<string, { interval: number[]; cpu: number[] }> = {};
  // The cadastre is the overlay's canvases (MapLibre's raster layer only when pitched).
  const cases: [string, string[], boolean][] = [
    ["all", [], true],
    ["without the cadastre", [RASTER], false],
    ["no layer, no cadastre", layers, false],
  ];
  for (let i = 0; i < 5; i++)
    for (const [k, hide, withOverlay] of cases) {
      const r = await repaint(hide, withOverlay);
      const into = rounds[k] ?? { interval: [], cpu: [] };
      into.interval.push(r.interval);
      into.cpu.push(r.cpu);
      rounds[k] = into;
    }
  const size = await page.evaluate(
    `(() => { const c = window.__czdMap.getCanvas(); return c.width + " × " + c.height; })()`,
  );
  console.log(`repaint at zoom 15 over the cadastre (canvas ${size}), five rounds interleaved:`);
  for (const [k, v] of Object.entries(rounds))
    console.log(
      `  ${k.padEnd(24)} interval ${v.interval.map((x) => x.toFixed(0)).join(", ")} → ` +
        `${median(v.interval).toFixed(0)} ms; GPU process CPU per frame ${median(v.cpu).toFixed(1)} ms`,
    );
  console.log("each layer hidden alone, once:");
  for (const id of layers) {
    const r = await repaint([id]);
    console.log(
      `  without ${id.padEnd(32)} ${r.interval.toFixed(0).padStart(5)} ms; GPU CPU ${r.cpu.toFixed(1)} ms`,
    );
  }
} finally {
  await app.close();
  await server.close();
}
