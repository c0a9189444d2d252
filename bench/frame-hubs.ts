/**
 * What a lowered frame of a drag scene costs with its hubs drawn as circles, as the hub Worker's
 * raster tiles, and with no hub layer (src/map/hub-raster-layer.ts switches to the tiles while
 * the map is lowered): the built app (its own build, the map reachable from the page:
 * VITE_BENCH_MAP) at a scene of bench/drag-scene.ts, repainted 20 frames at each pixel ratio in
 * each way, four rounds interleaved; the median frame interval and the GPU process's CPU per
 * frame. Run: `npx tsx bench/frame-hubs.ts [scene index, default 2]` (NOBUILD=1 reuses the
 * build; BENCH_RATIOS="0.5,0.35" by default), under the bench lock.
 */
import { execFileSync } from "node:child_process";
import { serveDir } from "../test/e2e/static-server";
import { openScene, SCENES } from "./drag-scene";
import { cpuMs, gpuProcess } from "./gpu-cpu";
import { REPAINT, SET_RATIO } from "./repaint";
import { median } from "./timing";

const DIST = ".tmp/dist-layers";
const SCENE = SCENES[Number(process.argv[2] ?? 2)];
if (!SCENE) throw new Error(`no scene ${process.argv[2]}`);
const RATIOS = (process.env.BENCH_RATIOS ?? "0.5,0.35").split(",").map(Number);
if (!process.env.NOBUILD)
  execFileSync("npx", ["vite", "build", "--logLevel", "error", "--outDir", DIST, "--emptyOutDir"], {
    stdio: "inherit",
    env: { ...process.env, VITE_BENCH_MAP: "1" },
  });
const server = await serveDir(DIST);
const scene = await openScene(server.url, SCENE);
const { page } = scene;
const gpu = gpuProcess();
const setRatio = (r: number) => page.evaluate(SET_RATIO(r));
const MODES: Record<string, string> = {
  circles: `map.setLayoutProperty("czd-hub-raster","visibility","none"); map.setLayoutProperty("czd-hub-point","visibility","visible"); map.setPaintProperty("czd-hub-point","circle-opacity",1); map.setPaintProperty("czd-hub-point","circle-stroke-opacity",1);`,
  raster: `map.setLayoutProperty("czd-hub-raster","visibility","visible"); map.setLayoutProperty("czd-hub-point","visibility","visible"); map.setPaintProperty("czd-hub-point","circle-opacity",0); map.setPaintProperty("czd-hub-point","circle-stroke-opacity",0);`,
  none: `map.setLayoutProperty("czd-hub-raster","visibility","none"); map.setLayoutProperty("czd-hub-point","visibility","none");`,
};
const interval: Record<string, number[]> = {};
const cpu: Record<string, number[]> = {};
console.log(
  "drawn at open:",
  await page.evaluate(`document.querySelector("[data-hubs-drawn]")?.dataset.hubsDrawn`),
);
console.log(
  "layers:",
  await page.evaluate(
    `window.__czdMap.getStyle().layers.filter((l) => (l.layout?.visibility ?? "visible") === "visible").map((l) => l.id).join(",")`,
  ),
);
for (let round = 0; round < 4; round++)
  for (const r of RATIOS) {
    await setRatio(r);
    for (const [m, js] of Object.entries(MODES)) {
      await page.evaluate(
        `new Promise((ok) => { const map = window.__czdMap; window.__czdWas = []; window.__czdPaintWas = []; ${js}; map.triggerRepaint(); map.once("idle", ok); setTimeout(ok, 8000); })`,
      );
      await page.waitForTimeout(300);
      const before = gpu ? cpuMs(gpu) : 0;
      // The mode is left as set: REPAINT restores nothing (its lists emptied above).
      const ms = Number(await page.evaluate(`(${REPAINT})()`));
      const per = gpu ? (cpuMs(gpu) - before) / 21 : NaN;
      const k = `${r} ${m}`;
      interval[k] = [...(interval[k] ?? []), ms];
      cpu[k] = [...(cpu[k] ?? []), per];
    }
  }
for (const k of Object.keys(interval))
  console.log(
    `| ${k} | ${median(interval[k] ?? []).toFixed(0)} ms | ${median(cpu[k] ?? []).toFixed(1)} ms GPU |`,
  );
await scene.app.close();
await server.close();
