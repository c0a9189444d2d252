/**
 * What the first map render waits for, from a Chrome trace of one run of the build in dist/ (or
 * DIST=…), zoomed out, from navigation to the map's `data-ready`:
 *
 * - when each script and data file was asked for and arrived (the page's resource timing);
 * - MapLibre's worker: made, its script loaded, its thread started, compiled, evaluated;
 * - the CPU of the page's main thread and of MapLibre's worker (V8's sampling profiler in the
 *   trace), by the functions that took it (inclusive), and its idle time;
 * - every long piece of work (≥ 15 ms) on any thread, with the page's marks (czd:…). MapLibre's
 *   frames are the compositor's commits and the WebGL read-backs (its `render` events are not
 *   in the trace).
 *
 *   flock -w 580 /work/bench.lock npx tsx bench/first-render-trace.ts
 *
 * TRACE_OUT=file.json keeps the raw trace (open it in chrome://tracing or Perfetto). The
 * profiler adds its own cost (a few tens of ms on the worker's start): compare runs of this
 * script with each other, and first-render figures with bench/app-load.bench.ts.
 */
import { writeFileSync } from "node:fs";
import { openApp, waitForFirstRender } from "../test/e2e/browser";
import { serveDir } from "../test/e2e/static-server";

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string };
}

const dist = process.env.DIST ?? "dist";
const server = await serveDir(dist);
const app = await openApp(server.url);
try {
  const cdp = await app.context.newCDPSession(app.page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send("Tracing.start", {
    categories: [
      "toplevel",
      "devtools.timeline",
      "disabled-by-default-devtools.timeline",
      "disabled-by-default-devtools.timeline.frame",
      "disabled-by-default-v8.cpu_profiler",
      "blink.user_timing",
      "loading",
      "v8",
      "cc",
      "gpu",
      "viz",
    ].join(","),
    transferMode: "ReportEvents",
  });
  await app.page.goto(`${server.url}#7/36.2/127.8`);
  await waitForFirstRender(app.page);
  const shown = Number(
    await app.page.locator("[data-first-render-ms]").getAttribute("data-first-render-ms"),
  );
  const resources = await app.page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((r) => ({
      file: new URL(r.name).pathname.split("/").pop() ?? "",
      asked: r.startTime,
      arrived: r.responseEnd,
    })),
  );
  const done = new Promise<void>((ok) => cdp.once("Tracing.tracingComplete", () => ok()));
  await cdp.send("Tracing.end");
  await done;
  if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify(events));

  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === "M" && e.name === "thread_name")
      threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  const threadOf = (e: TraceEvent) => threads.get(`${e.pid}:${e.tid}`) ?? "?";
  const nav = events.find((e) => e.name === "navigationStart")?.ts ?? events[0]?.ts ?? 0;
  const ms = (ts: number) => (ts - nav) / 1000;
  const fmt = (t: number) => t.toFixed(0).padStart(6);

  console.log("scripts and data (ms since navigation): asked for → arrived");
  for (const r of resources.filter((x) => x.asked <= shown && /\.(m?js|json)$/.test(x.file)))
    console.log(`  ${fmt(r.asked)} → ${fmt(r.arrived)}  ${r.file}`);

  console.log("MapLibre's worker:");
  const workerSteps: [string, string][] = [
    [
      "DedicatedWorkerHostFactoryImpl::CreateWorkerHostAndStartScriptLoad",
      "made, script asked for",
    ],
    ["DedicatedWorkerHost::DidStartScriptLoad", "script loaded"],
    ["V8PerIsolateData::Initialize", "thread started"],
    ["v8.compileModule", "script compiled"],
    ["v8.evaluateModule", "script evaluated"],
  ];
  const workerTid = events.find(
    (e) => e.name === "v8.compileModule" && threadOf(e).startsWith("DedicatedWorker"),
  );
  for (const [name, what] of workerSteps) {
    const e = events.find(
      (x) =>
        x.name === name &&
        (threadOf(x) === "CrBrowserMain" ||
          (workerTid && x.pid === workerTid.pid && x.tid === workerTid.tid)),
    );
    if (e)
      console.log(
        `  ${fmt(ms(e.ts))}  ${what}${e.dur ? ` (${(e.dur / 1000).toFixed(0)} ms)` : ""}`,
      );
  }

  // V8's samples: per profiled thread, the time in each function (inclusive) before the render.
  const profiles = new Map<
    string,
    {
      thread: string;
      start: number;
      nodes: Map<number, ProfileNode>;
      samples: number[];
      deltas: number[];
    }
  >();
  for (const e of events)
    if (e.name === "Profile" && e.id)
      profiles.set(e.id, {
        thread: threadOf(e),
        start: Number(e.args?.data?.startTime ?? 0),
        nodes: new Map(),
        samples: [],
        deltas: [],
      });
  for (const e of events) {
    const p = e.name === "ProfileChunk" && e.id ? profiles.get(e.id) : undefined;
    const data = e.args?.data as
      | { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] }
      | undefined;
    if (!p || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    p.samples.push(...(data.cpuProfile?.samples ?? []));
    p.deltas.push(...(data.timeDeltas ?? []));
  }
  for (const p of profiles.values()) {
    if (p.thread !== "CrRendererMain" && !p.thread.startsWith("DedicatedWorker")) continue;
    let t = p.start;
    let busy = 0;
    let idle = 0;
    const inclusive = new Map<string, number>();
    p.samples.forEach((id, i) => {
      const dt = p.deltas[i] ?? 0;
      t += dt;
      if (ms(t) > shown) return;
      const node = p.nodes.get(id);
      if (!node) return;
      if (node.callFrame.functionName === "(idle)") {
        idle += dt;
        return;
      }
      busy += dt;
      const seen = new Set<string>();
      for (
        let n: ProfileNode | undefined = node;
        n;
        n = n.parent ? p.nodes.get(n.parent) : undefined
      ) {
        const f = n.callFrame;
        const key =
          `${f.functionName || "(anonymous)"} ${(f.url ?? "").split("/").pop() ?? ""}`.trim();
        if (seen.has(key) || key === "(root)") continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
      }
    });
    if (busy < 20_000) continue;
    console.log(
      `${p.thread}: ${(busy / 1000).toFixed(0)} ms of CPU before the first render, ${(idle / 1000).toFixed(0)} ms idle; the functions that took it (inclusive, ≥ 20 ms):`,
    );
    for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]))
      if (v >= 20_000) console.log(`  ${(v / 1000).toFixed(0).padStart(5)} ms  ${k}`);
  }

  console.log("long work (≥ 15 ms) and the page's marks:");
  const rows: [number, string][] = [];
  for (const e of events) {
    const t = ms(e.ts);
    if (e.cat.includes("user_timing") && e.name.startsWith("czd:"))
      rows.push([t, `mark ${e.name}`]);
    if (
      e.ph === "X" &&
      (e.dur ?? 0) >= 15_000 &&
      t > -50 &&
      !e.name.startsWith("ThreadControllerImpl")
    )
      rows.push([t, `${threadOf(e).padEnd(28)} ${e.name} ${((e.dur ?? 0) / 1000).toFixed(0)} ms`]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  for (const [t, s] of rows) if (t < shown + 50) console.log(`${fmt(t)}  ${s}`);
  console.log(`first render since navigation: ${shown} ms`);
} finally {
  await app.close();
  await server.close();
}
