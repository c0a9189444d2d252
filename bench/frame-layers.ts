/**
 * What one frame of the drag scene costs to draw, layer by layer: the built app (a build of its
 * own, with the map reachable from the page: VITE_BENCH_MAP) at a scene of bench/drag-scene.ts,
 * the map repainted continuously for 20 frames with every layer shown, with each layer hidden in
 * turn, and with none. The median frame interval of each is printed. In headless Chromium
 * (SwiftShader) each repaint waits for the GPU process to draw the whole map in software, so the
 * interval is the frame's drawing cost; a layer whose hiding shortens it is what the drag's
 * frames (and a pan's) pay for. Beside the interval (which moves with the machine's load and
 * steps by whole vsyncs), the GPU process's CPU per repainted frame (bench/gpu-cpu.ts), which
 * the load moves far less. Run: `npm run bench:frame-layers` (`-- 2` for zoom 13; default 3,
 * zoom 14 on P1 with the hub layer in view).
 */
import { execFileSync } from "node:child_process";
import { serveDir } from "../test/e2e/static-server";
import { openScene, SCENES } from "./drag-scene";
import { cpuMs, gpuProcess } from "./gpu-cpu";
import { HIDE, REPAINT } from "./repaint";
import { median } from "./timing";

const DIST = ".tmp/dist-layers";
const SCENE = SCENES[Number(process.argv[2] ?? 3)];
if (!SCENE) throw new Error(`no scene ${process.argv[2]}`);
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
    /** The median frame interval, and the GPU process's CPU per frame (ms) while it repainted. */
    const repaint = async (hide: string[], paint: [string, string, unknown][] = []) => {
      await page.evaluate(`(${HIDE})(${JSON.stringify(hide)}, ${JSON.stringify(paint)})`);
      const before = gpu ? cpuMs(gpu) : 0;
      const interval = Number(await page.evaluate(`(${REPAINT})()`));
      return { interval, cpu: gpu ? (cpuMs(gpu) - before) / 21 : Number.NaN };
    };
    const cpu: Record<string, number[]> = {};
    const frame = async (hide: string[], key = "", paint: [string, string, unknown][] = []) => {
      const r = await repaint(hide, paint);
      if (key) cpu[key] = [...(cpu[key] ?? []), r.cpu];
      return r.interval;
    };
    // The frames swing with the machine's load: the key cases are taken five times, interleaved.
    const hubs = ["czd-hub-point", "czd-hub-raster", "czd-hub-area"];
    const rounds: Record<string, number[]> = { all: [], "without the hubs": [], "no layer": [] };
    // Many hubs are raster tiles over a transparent circle layer (src/map/hub-raster-layer.ts):
    // the same page with them drawn as circles instead, as before, is the same-run comparison.
    const raster = layers.includes("czd-hub-raster");
    const asCircles: [string, string, unknown][] = [
      ["czd-hub-point", "circle-opacity", 1],
      ["czd-hub-point", "circle-stroke-opacity", 1],
    ];
    if (raster) rounds["hubs as circles"] = [];
    // The frame's parts, each hidden as a group: one layer alone moves the frame less than the
    // rounds' swing, a group of them does not.
    const groups: Record<string, string[]> = {
      "without the basemap": layers.filter((id) => /^czd-(background|sido|sigungu)/.test(id)),
      "without the parcels and circle": layers.filter((id) => /^czd-(parcel|enclosing)/.test(id)),
      "without terra-draw's layers": layers.filter((id) => id.startsWith("td-")),
    };
    for (const k of Object.keys(groups)) rounds[k] = [];
    // The parcel fill's antialiased outline (main's until 2026-12-06 (8)): a second pass over
    // every parcel edge, under the parcel line's own 1.5-px stroke.
    const fillOutline: [string, string, unknown][] = [["czd-parcel-fill", "fill-antialias", true]];
    rounds["parcel fill antialiased"] = [];
    for (let i = 0; i < 5; i++) {
      for (const [k, ids] of Object.entries(groups)) rounds[k]?.push(await frame(ids, k));
      rounds.all?.push(await frame([], "all"));
      rounds["parcel fill antialiased"]?.push(
        await frame([], "parcel fill antialiased", fillOutline),
      );
      if (raster)
        rounds["hubs as circles"]?.push(
          await frame(["czd-hub-raster"], "hubs as circles", asCircles),
        );
      rounds["without the hubs"]?.push(await frame(hubs, "without the hubs"));
      rounds["no layer"]?.push(await frame(layers, "no layer"));
    }
    const drawn = await page.evaluate(
      `document.querySelector("[data-hubs-drawn]")?.getAttribute("data-hubs-drawn") ?? "no hubs"`,
    );
    console.log(`repaint of the whole map, ${SCENE.label}: median frame interval (20 frames)`);
    console.log(`hubs drawn as: ${drawn} (src/map/hub-raster-layer.ts)`);
    console.log("five rounds, interleaved (each round's figure, then their median):");
    for (const [k, v] of Object.entries(rounds))
      console.log(
        `  ${k.padEnd(30)} ${v.map((x) => x.toFixed(0)).join(", ")} → ${median(v).toFixed(0)} ms` +
          `; GPU process CPU per frame ${median(cpu[k] ?? []).toFixed(1)} ms`,
      );
    console.log("each layer hidden alone, once:");
    for (const id of layers) {
      const r = await repaint([id]);
      console.log(
        `  without ${id.padEnd(28)} ${r.interval.toFixed(0).padStart(5)} ms; GPU CPU ${r.cpu.toFixed(1)} ms`,
      );
    }
  } finally {
    await scene.app.close();
  }
} catch (e) {
  failed = true;
  console.error(`frame-layers bench harness failed: ${e instanceof Error ? e.stack : e}`);
} finally {
  await server.close();
}
if (failed) process.exit(1);
