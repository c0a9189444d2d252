/**
 * What a frame of the drag scene costs to draw at lower pixel ratios (src/map/motion-resolution.ts
 * lowers it while the map moves on a slow machine): the built app (its own build, the map
 * reachable from the page: VITE_BENCH_MAP) at a scene of bench/drag-scene.ts, repainted for 20
 * frames at each pixel ratio, with every layer and with groups of layers hidden; the median frame
 * interval and the GPU process's CPU per repainted frame (bench/gpu-cpu.ts), five rounds
 * interleaved. Says how much of a frame scales with its pixels and what is left that does not.
 * Run: `npx tsx bench/frame-resolution.ts [scene index, default 0]`, under the bench lock.
 */
import { execFileSync } from "node:child_process";
import { serveDir } from "../test/e2e/static-server";
import { openScene, SCENES } from "./drag-scene";
import { cpuMs, gpuProcess } from "./gpu-cpu";
import { HIDE, REPAINT, SET_RATIO } from "./repaint";
import { median } from "./timing";

const DIST = ".tmp/dist-layers";
const SCENE = SCENES[Number(process.argv[2] ?? 0)];
if (!SCENE) throw new Error(`no scene ${process.argv[2]}`);
const RATIOS = (process.env.BENCH_RATIOS ?? "1,0.5,0.35").split(",").map(Number);
execFileSync("npx", ["vite", "build", "--logLevel", "error", "--outDir", DIST, "--emptyOutDir"], {
  stdio: "inherit",
  env: { ...process.env, VITE_BENCH_MAP: "1" },
});

const server = await serveDir(DIST);
let failed = false;
try {
  const scene = await openScene(server.url, SCENE);
  try {
    const { page } = scene;
    const layers = (await page.evaluate(`window.__czdMap.getStyle().layers
      .filter((l) => (l.layout?.visibility ?? "visible") === "visible").map((l) => l.id)`)) as string[];
    const gpu = gpuProcess();
    const setRatio = (r: number) => page.evaluate(SET_RATIO(r));
    const groups: Record<string, string[]> = {
      all: [],
      "without the basemap": layers.filter((id) => /^czd-(background|sido|sigungu)/.test(id)),
      "without the parcels and circle": layers.filter((id) => /^czd-(parcel|enclosing)/.test(id)),
      "without terra-draw's layers": layers.filter((id) => id.startsWith("td-")),
      "without the hubs": layers.filter((id) => id.startsWith("czd-hub-")),
      "no layer": layers,
    };
    const interval: Record<string, number[]> = {};
    const cpu: Record<string, number[]> = {};
    const widths: Record<string, unknown> = {};
    for (let round = 0; round < 5; round++) {
      for (const r of RATIOS) {
        widths[r] = await setRatio(r);
        for (const [g, hide] of Object.entries(groups)) {
          // Only the key cases below full resolution at the lowest ratio, to keep the run short.
          if (g !== "all" && g !== "no layer" && r !== RATIOS[1]) continue;
          const key = `${r} ${g}`;
          await page.evaluate(`(${HIDE})(${JSON.stringify(hide)}, [])`);
          const before = gpu ? cpuMs(gpu) : 0;
          const ms = Number(await page.evaluate(`(${REPAINT})()`));
          const perFrame = gpu ? (cpuMs(gpu) - before) / 21 : Number.NaN;
          interval[key] = [...(interval[key] ?? []), ms];
          cpu[key] = [...(cpu[key] ?? []), perFrame];
        }
      }
    }
    await setRatio(1);
    console.log(`repaint of the whole map, ${SCENE.label}: 20 frames, five rounds interleaved`);
    console.log(`canvas width at each ratio: ${JSON.stringify(widths)}`);
    const drawn = await page.evaluate(
      `document.querySelector("[data-hubs-drawn]")?.getAttribute("data-hubs-drawn") ?? "no hubs"`,
    );
    console.log(`hubs drawn as: ${drawn} (src/map/hub-raster-layer.ts)`);
    console.log(
      "| pixel ratio, layers | frame interval (median of rounds) | GPU process CPU per frame |",
    );
    console.log("| --- | --- | --- |");
    for (const key of Object.keys(interval))
      console.log(
        `| ${key} | ${median(interval[key] ?? []).toFixed(0)} ms (${(interval[key] ?? []).map((x) => x.toFixed(0)).join(", ")}) | ${median(cpu[key] ?? []).toFixed(1)} ms |`,
      );
  } finally {
    await scene.app.close();
  }
} catch (e) {
  failed = true;
  console.error(`frame-resolution bench harness failed: ${e instanceof Error ? e.stack : e}`);
} finally {
  await server.close();
}
if (failed) process.exit(1);
