/**
 * Chrome's own accounting of a drag, through the DevTools protocol: Performance.getMetrics
 * (ScriptDuration, TaskDuration of the page's main thread) and a trace of the renderer whose
 * events give each thread's busy time, so the map's worker threads can be told apart from the
 * main thread. Windows are marked in the trace with performance.mark (blink.user_timing).
 */
import type { CDPSession, Page } from "playwright-core";

export type Metrics = Record<string, number>;

export async function metricsOf(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** b − a of one metric, in ms (the protocol gives durations in seconds). */
export function deltaMs(a: Metrics, b: Metrics, name: string): number {
  return ((b[name] ?? 0) - (a[name] ?? 0)) * 1000;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

const CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "v8.execute",
].join(",");

export interface Tracer {
  stop: () => Promise<TraceEvent[]>;
}

export async function startTrace(cdp: CDPSession): Promise<Tracer> {
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  return {
    stop: async () => {
      const done = new Promise<void>((ok) => cdp.once("Tracing.tracingComplete", () => ok()));
      await cdp.send("Tracing.end");
      await done;
      return events;
    },
  };
}

/** Put a named mark in the page's timeline (and so in the trace). */
export async function mark(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => performance.mark(n), name);
}

export interface ThreadBusy {
  /** "main", "worker" (the map's), "check" (the check Worker) or the thread's own name. */
  kind: string;
  /** Busy ms (wall time: the union of the thread's top-level tasks) inside the window. */
  busyMs: number;
  /** CPU ms of those tasks (the part of a task inside the window, pro rata). */
  cpuMs: number;
}

/** Busy time of each renderer thread inside [from, to] marks: the union of its top-level tasks. */
export function busyBetween(events: TraceEvent[], from: string, to: string): ThreadBusy[] {
  const markTs = (n: string) =>
    events.find((e) => e.name === n && e.cat.includes("user_timing"))?.ts;
  const t0 = markTs(from);
  const t1 = markTs(to);
  if (t0 === undefined || t1 === undefined) throw new Error(`no trace marks ${from}, ${to}`);
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.ph === "M" && e.name === "thread_name")
      names.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  }
  // The app's check Worker is a dedicated worker too: told apart by the script its calls run.
  const checkers = new Set<string>();
  for (const e of events) {
    if (e.args?.data?.url?.includes("check.worker")) checkers.add(`${e.pid}:${e.tid}`);
  }
  const spans = new Map<string, [number, number][]>();
  const cpu = new Map<string, number>();
  for (const e of events) {
    // Top-level tasks only (ThreadControllerImpl::RunTask and the like): what a thread is doing.
    if (e.ph !== "X" || !e.dur || !e.cat.split(",").includes("toplevel")) continue;
    const a = Math.max(e.ts, t0);
    const b = Math.min(e.ts + e.dur, t1);
    if (b <= a) continue;
    const key = `${e.pid}:${e.tid}`;
    cpu.set(key, (cpu.get(key) ?? 0) + ((e.tdur ?? 0) * (b - a)) / e.dur);
    const list = spans.get(key) ?? [];
    list.push([a, b]);
    spans.set(key, list);
  }
  const out: ThreadBusy[] = [];
  for (const [key, list] of spans) {
    list.sort((x, y) => x[0] - y[0]);
    let busy = 0;
    let end = -Infinity;
    for (const [a, b] of list) {
      if (b <= end) continue;
      busy += b - Math.max(a, end);
      end = b;
    }
    const name = names.get(key) ?? "?";
    // MapLibre's and terra-draw's workers are dedicated workers (not Chrome's thread pool).
    const kind = checkers.has(key)
      ? "check"
      : name === "CrRendererMain"
        ? "main"
        : name === "DedicatedWorker thread"
          ? "worker"
          : name;
    out.push({ kind, busyMs: busy / 1000, cpuMs: (cpu.get(key) ?? 0) / 1000 });
  }
  return out;
}

/** Total busy ms of the threads of one kind. */
export function busyOf(
  threads: ThreadBusy[],
  kind: string,
): { ms: number; cpuMs: number; threads: number } {
  const of = threads.filter((t) => t.kind === kind);
  const sum = (f: (t: ThreadBusy) => number) => of.reduce((a, t) => a + f(t), 0);
  return { ms: sum((t) => t.busyMs), cpuMs: sum((t) => t.cpuMs), threads: of.length };
}
