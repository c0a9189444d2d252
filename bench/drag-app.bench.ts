/**
 * A vertex drag in the browser: the built app in headless Chromium (SwiftShader WebGL, offline),
 * three scenes (1 parcel; 20 parcels × 256 vertices; the same + 100,000 hubs), a vertex of parcel
 * P1 dragged with the select tool through 120 pointer events. Per scene it prints Chrome's own
 * main-thread script and task time per pointer event (Performance.getMetrics) against the same
 * page left idle for the same wall time right after (the baseline), rAF frame intervals, long
 * tasks, the busy time of the map's worker threads (from a trace) during the drag and while idle,
 * the messages posted to workers per event (which map sources are handed over) and React's
 * commits and component renders per event. Slowness is reported, never failed on: the exit code
 * is non-zero only when the harness itself fails (the app did not load, the drag moved nothing).
 * Run after a build: `npm run bench:drag-app` (BENCH_DIST names another build folder).
 * With BASE_REF set (a commit), that commit's app is built too (bench/base-build.ts) and each
 * scene is dragged in both builds back to back, the base first, so the two figures of a row pair
 * are taken under the same load; the ratios of the CPU figures are printed after the table.
 */
import { serveDir } from "../test/e2e/static-server";
import { buildBase } from "./base-build";
import type { ProbeReading } from "./drag-probe";
import {
  dragVertex,
  median,
  type OpenScene,
  openScene,
  quantile,
  SCENES,
  type SceneSpec,
} from "./drag-scene";
import {
  busyBetween,
  busyOf,
  deltaMs,
  type Metrics,
  mark,
  metricsOf,
  startTrace,
} from "./drag-trace";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 120);
/** BENCH_SCENES="0,2" runs only those scenes (by index). */
const ONLY = process.env.BENCH_SCENES?.split(",").map(Number);
/** After the pointer is let go: the final edit and its save settle before the idle window. */
const SETTLE_MS = 1000;

/** A duration as CPU time of the thread and as wall time. */
interface Both {
  cpu: number;
  wall: number;
}

interface Result {
  spec: SceneSpec;
  /** Which build: "this build" or "base <ref>". */
  build: string;
  wallMs: number;
  script: Both;
  task: Both;
  idleScript: Both;
  idleTask: Both;
  drag: ProbeReading;
  idle: ProbeReading;
  workerDrag: Both;
  workerIdle: Both;
  workers: number;
  mainDrag: Both;
  /** The app's check Worker (the panel's report), apart from the map's workers. */
  checkDrag: Both;
  /**
   * The empty drag: the same pointer path on the same page with no tool, so the map pans and
   * none of the app's code runs per move. Each of its frames redraws the whole map, so its frame
   * intervals are what the browser's WebGL (SwiftShader here) allows this scene at best.
   */
  pan: { reading: ProbeReading; script: Both; task: Both; wallMs: number };
}

async function areaOf(scene: OpenScene): Promise<string> {
  return (await scene.page.getByTestId("total-area").textContent()) ?? "";
}

async function probe(scene: OpenScene, what: "start" | "stop"): Promise<ProbeReading> {
  return scene.page.evaluate((w) => {
    const p = (window as unknown as Record<string, { start: () => void; stop: () => unknown }>)
      .__czdProbe;
    if (!p) throw new Error("the probe is not installed");
    if (w === "stop") return p.stop();
    p.start();
    return null;
  }, what) as Promise<ProbeReading>;
}

async function measure(url: string, spec: SceneSpec, build: string): Promise<Result> {
  const scene = await openScene(url, spec);
  try {
    // Two sessions: Chrome's metrics as the thread's CPU time and as wall time. On a shared
    // machine the wall time also holds the time the thread waited for a core (or the GPU process).
    const cdp = await scene.app.context.newCDPSession(scene.page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    const wallCdp = await scene.app.context.newCDPSession(scene.page);
    await wallCdp.send("Performance.enable", { timeDomain: "timeTicks" });
    const both = async () => ({ cpu: await metricsOf(cdp), wall: await metricsOf(wallCdp) });
    const tracer = await startTrace(cdp);
    const before = await areaOf(scene);
    await probe(scene, "start");
    await mark(scene.page, "drag-start");
    const m0 = await both();
    const wallMs = await dragVertex(scene, EVENTS);
    const m1 = await both();
    await mark(scene.page, "drag-end");
    const drag = await probe(scene, "stop");
    await scene.page.waitForTimeout(SETTLE_MS);
    await probe(scene, "start");
    await mark(scene.page, "idle-start");
    const b0 = await both();
    await scene.page.waitForTimeout(wallMs);
    const b1 = await both();
    await mark(scene.page, "idle-end");
    const idle = await probe(scene, "stop");
    const events = await tracer.stop();
    const after = await areaOf(scene);
    const pan = await panBaseline(scene, both);
    if (after === before) throw new Error(`${spec.label}: the drag changed nothing (${before})`);
    const findings = await scene.page.evaluate(
      () => document.querySelector('[data-testid="findings"]')?.textContent ?? "",
    );
    if (findings.includes("OVERLAP"))
      throw new Error(`${spec.label}: the drag reached a neighbour`);
    if (scene.app.errors.length > 0) throw new Error(`page errors: ${scene.app.errors.join("; ")}`);
    const dragThreads = busyBetween(events, "drag-start", "drag-end");
    const idleThreads = busyBetween(events, "idle-start", "idle-end");
    const w = busyOf(dragThreads, "worker");
    const wi = busyOf(idleThreads, "worker");
    const main = busyOf(dragThreads, "main");
    const checker = busyOf(dragThreads, "check");
    type Pair = { cpu: Metrics; wall: Metrics };
    const d = (a: Pair, b: Pair, name: string): Both => ({
      cpu: deltaMs(a.cpu, b.cpu, name),
      wall: deltaMs(a.wall, b.wall, name),
    });
    return {
      spec,
      build,
      wallMs,
      script: d(m0, m1, "ScriptDuration"),
      task: d(m0, m1, "TaskDuration"),
      idleScript: d(b0, b1, "ScriptDuration"),
      idleTask: d(b0, b1, "TaskDuration"),
      drag,
      idle,
      workerDrag: { cpu: w.cpuMs, wall: w.ms },
      workerIdle: { cpu: wi.cpuMs, wall: wi.ms },
      workers: w.threads,
      mainDrag: { cpu: main.cpuMs, wall: main.ms },
      checkDrag: { cpu: checker.cpuMs, wall: checker.ms },
      pan,
    };
  } finally {
    await scene.app.close();
  }
}

/** The empty drag (see Result.pan): the select tool off, the same pointer path pans the map. */
async function panBaseline(
  scene: OpenScene,
  both: () => Promise<{ cpu: Metrics; wall: Metrics }>,
): Promise<Result["pan"]> {
  await scene.page.getByTestId("tool-select").click();
  if ((await scene.page.getByTestId("tool-select").getAttribute("aria-pressed")) !== "false")
    throw new Error("the select tool did not go off for the empty drag");
  await scene.page.waitForTimeout(SETTLE_MS);
  const view = scene.page.url();
  await probe(scene, "start");
  const m0 = await both();
  const wallMs = await dragVertex(scene, EVENTS);
  const m1 = await both();
  const reading = await probe(scene, "stop");
  await scene.page.waitForTimeout(SETTLE_MS);
  if (scene.page.url() === view) throw new Error("the empty drag did not pan the map");
  const d = (name: string): Both => ({
    cpu: deltaMs(m0.cpu, m1.cpu, name),
    wall: deltaMs(m0.wall, m1.wall, name),
  });
  return { reading, script: d("ScriptDuration"), task: d("TaskDuration"), wallMs };
}

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);

function intervals(frames: number[]): number[] {
  return frames.slice(1).map((t, i) => t - (frames[i] ?? t));
}

/** Per pointer event: "CPU (wall)", and the idle baseline's the same way. */
function perEvent(b: Both, idle: Both): string {
  const per = (ms: number) => f1(ms / EVENTS);
  return `${per(b.cpu)} (${per(b.wall)}) ms, idle ${per(idle.cpu)} (${per(idle.wall)})`;
}

function row(r: Result): string {
  const gaps = intervals(r.drag.frames);
  const longs = r.drag.longTasks;
  const longMax = longs.reduce((a, t) => Math.max(a, t.duration), 0);
  const s = (ms: number) => f1(ms / 1000);
  return [
    `${r.spec.label} (${r.build})`,
    perEvent(r.script, r.idleScript),
    perEvent(r.task, r.idleTask),
    `${f0(median(gaps))} / ${f0(quantile(gaps, 0.95))} / ${f0(Math.max(0, ...gaps))} ms`,
    `${longs.length}, up to ${f0(longMax)} ms (idle ${r.idle.longTasks.length})`,
    `${s(r.workerDrag.cpu)} (${s(r.workerDrag.wall)}) s of ${s(r.wallMs)} s; idle ${s(r.workerIdle.cpu)} (${s(r.workerIdle.wall)}) s`,
    `${f1(r.drag.commits / EVENTS)} / ${f1(r.drag.renders / EVENTS)}`,
  ].join(" | ");
}

function messagesPerEvent(reading: ProbeReading): string {
  return Object.entries(reading.messages)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${(n / EVENTS).toFixed(2)}`)
    .join(", ");
}

function topRenders(reading: ProbeReading): string {
  return Object.entries(reading.rendersByName)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, n]) => `${k} ${(n / EVENTS).toFixed(1)}`)
    .join(", ");
}

const baseRef = process.env.BASE_REF;
const builds = [{ label: "this build", dist: process.env.BENCH_DIST ?? "dist" }];
if (baseRef) builds.unshift({ label: `base ${baseRef}`, dist: buildBase(baseRef) });
const servers = await Promise.all(builds.map((b) => serveDir(b.dist)));

/** This build's figure over the base's, for one scene. */
function ratios(now: Result, base: Result): string {
  const r = (a: number, b: number) =>
    `${f1(a / EVENTS)} vs ${f1(b / EVENTS)} ms (${(a / Math.max(b, 1e-9)).toFixed(2)}×)`;
  const msgs = (x: Result) => Object.values(x.drag.messages).reduce((a, n) => a + n, 0) / EVENTS;
  const longs = (x: Result) => x.drag.longTasks.length;
  const over100 = (x: Result) => x.drag.longTasks.filter((t) => t.duration > 100).length;
  const p95 = (x: Result) => quantile(intervals(x.drag.frames), 0.95);
  return [
    `  script per event, CPU: ${r(now.script.cpu, base.script.cpu)}`,
    `  tasks per event, CPU: ${r(now.task.cpu, base.task.cpu)}`,
    `  messages to workers per event: ${msgs(now).toFixed(2)} vs ${msgs(base).toFixed(2)}`,
    `  long tasks: ${longs(now)} vs ${longs(base)}; over 100 ms: ${over100(now)} vs ${over100(base)}`,
    `  frame interval p95: ${f0(p95(now))} vs ${f0(p95(base))} ms`,
  ].join("\n");
}

/** Issue 23's aims for a drag, per pointer event and per frame. */
const AIMS = { scriptMs: 8, frameP95Ms: 50, taskMs: 100 };
/**
 * Frame intervals come in whole display frames (16.67 ms at 60 Hz), their rAF timestamps a few
 * µs off: three frames measure 49.99 or 50.01 ms. A p95 of three frames meets the 50-ms aim; the
 * figure is printed to 0.1 ms so the reader sees it.
 */
const FRAME_JITTER_MS = 0.5;

/**
 * When the drag's long tasks began, from the press ("+120 ms") or before it ("−40 ms"), or from
 * the release ("↑+30 ms"): which part of the gesture they belong to.
 */
function when(x: ProbeReading, tasks: { start: number }[]): string {
  const [press] = x.presses;
  const release = x.releases.at(-1);
  if (tasks.length === 0 || press === undefined) return "";
  const at = ({ start }: { start: number }) =>
    release !== undefined && start >= release
      ? `↑+${f0(start - release)}`
      : `${start < press ? "−" : "+"}${f0(Math.abs(start - press))}`;
  return ` at ${tasks.map(at).join(", ")} ms`;
}

/** One line per scene and build: the figures, the empty drag's, and which aims are met. */
function summary(r: Result): string {
  const script = r.script.cpu / EVENTS;
  const p95 = quantile(intervals(r.drag.frames), 0.95);
  const panP95 = quantile(intervals(r.pan.reading.frames), 0.95);
  const over = (x: ProbeReading) => x.longTasks.filter((t) => t.duration > AIMS.taskMs);
  const longest = (x: ProbeReading) => x.longTasks.reduce((a, t) => Math.max(a, t.duration), 0);
  const met = (ok: boolean) => (ok ? "met" : "NOT met");
  return [
    `${r.spec.label} (${r.build})`,
    `${f1(script)} ms (${met(script <= AIMS.scriptMs)})`,
    `${f1(p95)} ms (${met(p95 <= AIMS.frameP95Ms + FRAME_JITTER_MS)}); empty drag ${f0(panP95)} ms, ${(p95 / Math.max(panP95, 1)).toFixed(2)}×`,
    `${over(r.drag).length}, longest ${f0(longest(r.drag))} ms (${met(over(r.drag).length === 0)})${when(r.drag, over(r.drag))}; empty drag ${over(r.pan.reading).length}, longest ${f0(longest(r.pan.reading))} ms`,
    `${f1(r.pan.script.cpu / EVENTS)} ms`,
  ].join(" | ");
}

let failed = false;
try {
  const results: Result[] = [];
  for (const spec of SCENES.filter((_, i) => !ONLY || ONLY.includes(i))) {
    for (const [k, b] of builds.entries()) {
      console.log(`… ${spec.label} (${b.label})`);
      results.push(await measure(servers[k]?.url ?? "", spec, b.label));
    }
  }
  console.log(
    `\nvertex drag in the built app, headless Chromium (SwiftShader), ${EVENTS} pointer events;` +
      " idle = the same page left alone for the same wall time right after\n",
  );
  console.log(
    "| scene | main-thread script per event, CPU (wall) | main-thread tasks per event, CPU (wall) | frame interval median / p95 / max | long tasks (> 50 ms) | map workers busy, CPU (wall) | React commits / renders per event |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const r of results) console.log(`| ${row(r)} |`);
  if (baseRef) {
    for (let i = 0; i + 1 < results.length; i += 2) {
      const [base, now] = [results[i], results[i + 1]];
      if (!base || !now) continue;
      console.log(`\n${now.spec.label}, this build vs base ${baseRef} (same run, back to back):`);
      console.log(ratios(now, base));
    }
  }
  console.log(
    `\nissue 23's aims per scene: main-thread script ≤ ${AIMS.scriptMs} ms per pointer event, frame interval p95 ≤ ${AIMS.frameP95Ms} ms, no main-thread task over ${AIMS.taskMs} ms.` +
      " The empty drag is the same pointer path with no tool (the map pans, none of the app's code runs per move): each of its frames redraws the whole map, so it is the bound this browser's WebGL sets for the scene.\n",
  );
  console.log(
    `| scene (build) | script per event, CPU | frame interval p95 | tasks over ${AIMS.taskMs} ms | empty drag's script per event |`,
  );
  console.log("| --- | --- | --- | --- | --- |");
  for (const r of results) console.log(`| ${summary(r)} |`);
  for (const r of results) {
    console.log(`\n${r.spec.label} (${r.build}):`);
    const m = r.mainDrag;
    console.log(
      `  main thread in tasks (trace): ${f1(m.cpu / EVENTS)} ms CPU, ${f1(m.wall / EVENTS)} ms wall per event`,
    );
    console.log(`  map worker threads: ${r.workers}`);
    console.log(
      `  check Worker busy: ${f1(r.checkDrag.cpu / 1000)} (${f1(r.checkDrag.wall / 1000)}) s CPU (wall) of ${f1(r.wallMs / 1000)} s`,
    );
    console.log(`  messages to workers per event: ${messagesPerEvent(r.drag) || "none"}`);
    console.log(`  messages to workers while idle: ${messagesPerEvent(r.idle) || "none"}`);
    console.log(`  components rendered per event: ${topRenders(r.drag) || "none"}`);
  }
} catch (e) {
  failed = true;
  console.error(`drag-app bench harness failed: ${e instanceof Error ? e.stack : e}`);
} finally {
  await Promise.all(servers.map((s) => s.close()));
}
if (failed) process.exit(1);
