/**
 * What the main thread does in its long tasks: a Chrome trace (DevTools protocol, Tracing) and a
 * V8 CPU profile (Profiler) taken together, then, for each main-thread task over `over` ms, the
 * trace events nested in it (self time by name: GPU command buffer flushes, image decodes,
 * garbage collection, message dispatch…) and the profile's samples that fall in it, folded by
 * function and mapped to the source through the build's source maps (a `vite build --sourcemap`
 * build; without maps, the built file's own positions). Used by bench/cadastre-app.bench.ts
 * with CADASTRE_TRACE set.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CDPSession } from "playwright-core";
import { SourceMap } from "./sourcemap";

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; type?: string } };
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface Profile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8.execute",
  "v8",
  "gpu",
  "blink.user_timing",
  // Each GL command the GPU process runs (SwiftShader draws there): which commands cost.
  "disabled-by-default-cb_command",
].join(",");

export interface LongTaskTracer {
  stop: () => Promise<{ events: TraceEvent[]; profile: Profile }>;
}

export async function startLongTaskTrace(cdp: CDPSession): Promise<LongTaskTracer> {
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  await cdp.send("Profiler.start");
  return {
    stop: async () => {
      const { profile } = await cdp.send("Profiler.stop");
      const done = new Promise<void>((ok) => cdp.once("Tracing.tracingComplete", () => ok()));
      await cdp.send("Tracing.end");
      await done;
      return { events, profile: profile as unknown as Profile };
    },
  };
}

function describer(dist: string) {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (url: string): SourceMap | null => {
    if (maps.has(url)) return maps.get(url) ?? null;
    const file = join(dist, `${decodeURIComponent(new URL(url).pathname)}.map`);
    const map = existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, "utf8"))) : null;
    maps.set(url, map);
    return map;
  };
  return (f: CallFrame): string => {
    const fn = f.functionName || "(anonymous)";
    if (!f.url.startsWith("http")) return fn;
    const pos = mapOf(f.url)?.lookup(f.lineNumber, f.columnNumber);
    if (!pos) {
      const file = new URL(f.url).pathname.split("/").pop() ?? f.url;
      return `${file}:${f.lineNumber + 1}:${f.columnNumber} ${fn}`;
    }
    const source = pos.source.replace(/^(\.\.\/)+/, "").replace(/^.*node_modules\//, "");
    return `${source}:${pos.line} ${fn}`;
  };
}

const topOf = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** Self time (ms) by event name of one thread's complete events (sorted by start). */
function selfTimes(list: TraceEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  const stack: { e: TraceEvent; child: number }[] = [];
  const pop = () => {
    const top = stack.pop();
    if (!top) return;
    add(out, top.e.name, ((top.e.dur ?? 0) - top.child) / 1000);
    const parent = stack[stack.length - 1];
    if (parent) parent.child += top.e.dur ?? 0;
  };
  for (const e of list) {
    while (stack.length > 0) {
      const t = stack[stack.length - 1] as { e: TraceEvent };
      if (e.ts >= t.e.ts + (t.e.dur ?? 0)) pop();
      else break;
    }
    stack.push({ e, child: 0 });
  }
  while (stack.length > 0) pop();
  return out;
}

/** Where the GPU process's main thread (WebGL's commands, run by SwiftShader) spent its time. */
export function reportGpu(events: TraceEvent[]): void {
  const names = new Map<string, string>();
  const procs = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== "M") continue;
    if (e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
    if (e.name === "process_name") procs.set(e.pid, e.args?.name ?? "");
  }
  const gpu = events
    .filter(
      (e) =>
        e.ph === "X" &&
        e.dur &&
        procs.get(e.pid) === "GPU Process" &&
        names.get(`${e.pid}:${e.tid}`) === "CrGpuMain",
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const times = selfTimes(gpu);
  const all = [...times.values()].reduce((a, b) => a + b, 0);
  const counts = new Map<string, number>();
  for (const e of gpu) add(counts, e.name, 1);
  console.log(`\nGPU process main thread: ${all.toFixed(0)} ms busy; self time by event:`);
  for (const [name, ms] of topOf(times, 25))
    console.log(
      `  ${ms.toFixed(0).padStart(6)} ms  ${String(counts.get(name)).padStart(7)}×  ${name}`,
    );
}

/** Print where the main thread's tasks over `over` ms went (trace events and JS samples). */
export function reportLongTasks(
  events: TraceEvent[],
  profile: Profile,
  dist: string,
  over = 50,
): void {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === "M" && e.name === "thread_name")
      names.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  const mainKey = [...names].find(([, n]) => n === "CrRendererMain")?.[0];
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === mainKey && e.ph === "X" && e.dur);
  const tasks = onMain
    .filter((e) => e.cat.split(",").includes("toplevel") && (e.dur ?? 0) > over * 1000)
    .sort((a, b) => a.ts - b.ts);
  // Self time of every event nested in a long task, by name (and the function or URL it names).
  const selfByName = new Map<string, number>();
  const sorted = onMain.slice().sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const describe = describer(dist);
  const perTask: string[] = [];
  // Where the biggest self times sit: the chain of enclosing events (innermost first).
  const chains = new Map<string, number>();
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inner = sorted.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
    const mine = new Map<string, number>();
    // Self time: the event's duration less its direct children's (a stack walk in time order).
    const stack: { e: TraceEvent; key: string; child: number }[] = [];
    const pop = () => {
      const top = stack.pop();
      if (!top) return;
      const self = (top.e.dur ?? 0) - top.child;
      add(mine, top.key, self / 1000);
      const chain = [
        top.key,
        ...stack
          .slice(-4)
          .reverse()
          .map((s) => s.key),
      ].join(" ← ");
      add(chains, chain, self / 1000);
      const parent = stack[stack.length - 1];
      if (parent) parent.child += top.e.dur ?? 0;
    };
    for (const e of inner) {
      while (stack.length > 0) {
        const t = stack[stack.length - 1] as { e: TraceEvent };
        if (e.ts >= t.e.ts + (t.e.dur ?? 0)) pop();
        else break;
      }
      const d = e.args?.data;
      const what = d?.functionName || d?.type || (d?.url ? d.url.split("/").pop() : "");
      stack.push({ e, key: what ? `${e.name} (${what})` : e.name, child: 0 });
    }
    while (stack.length > 0) pop();
    const innerMs = [...mine.values()].reduce((a, b) => a + b, 0);
    add(mine, "(task itself)", (task.dur ?? 0) / 1000 - innerMs);
    for (const [k, v] of mine) add(selfByName, k, v);
    perTask.push(
      `  ${((task.dur ?? 0) / 1000).toFixed(0).padStart(4)} ms: ${topOf(mine, 4)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(" · ")}`,
    );
  }
  // The profile's samples inside the long tasks, by leaf function and by any frame on the stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frames = new Map(profile.nodes.map((n) => [n.id, describe(n.callFrame)]));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let t = profile.startTime;
  let k = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    while (k < tasks.length && t > (tasks[k]?.ts ?? 0) + (tasks[k]?.dur ?? 0)) k++;
    const task = tasks[k];
    if (!task || t < task.ts) return;
    add(self, frames.get(id) ?? "?", ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const w = frames.get(at) ?? "?";
      if (seen.has(w)) continue;
      seen.add(w);
      add(total, w, ms);
    }
  });
  const sum = tasks.reduce((a, e) => a + (e.dur ?? 0) / 1000, 0);
  console.log(
    `\nmain-thread tasks over ${over} ms in the trace: ${tasks.length}, ${sum.toFixed(0)} ms`,
  );
  for (const line of perTask) console.log(line);
  console.log("\ntrace events in them, self time:");
  for (const [name, ms] of topOf(selfByName, 25))
    console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  console.log("\nthe same by enclosing events (innermost first):");
  for (const [name, ms] of topOf(chains, 20))
    console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  console.log("\nJS samples in them, self time:");
  for (const [name, ms] of topOf(self, 25))
    console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  console.log("\nJS samples in them, total time:");
  for (const [name, ms] of topOf(total, 40))
    console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
}
