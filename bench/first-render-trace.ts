/**
 * What the first map render waits for, from a Chrome trace: every long piece of work (≥ 15 ms)
 * on any renderer or GPU-side thread from navigation to the map's `data-ready`, with the page's
 * marks (czd:…) and MapLibre's frames (its `render` events are not in the trace; the compositor's
 * commits and the WebGL read-backs are). One run of the build in dist/ (or DIST=…), zoomed out.
 *
 *   flock -w 580 /work/bench.lock npx tsx bench/first-render-trace.ts
 */
import { openApp, waitForFirstRender } from "../test/e2e/browser";
import { serveDir } from "../test/e2e/static-server";

const dist = process.env.DIST ?? "dist";
const server = await serveDir(dist);
const app = await openApp(server.url);
try {
  const cdp = await app.context.newCDPSession(app.page);
  const events: {
    name: string;
    cat: string;
    ph: string;
    ts: number;
    dur?: number;
    pid: number;
    tid: number;
    args?: { name?: string };
  }[] = [];
  cdp.on("Tracing.dataCollected", (e) => {
    events.push(...(e.value as unknown as typeof events));
  });
  await cdp.send("Tracing.start", {
    categories: [
      "toplevel",
      "devtools.timeline",
      "disabled-by-default-devtools.timeline",
      "disabled-by-default-devtools.timeline.frame",
      "blink.user_timing",
      "cc",
      "gpu",
      "viz",
    ].join(","),
    transferMode: "ReportEvents",
  });
  await app.page.goto(`${server.url}#7/36.2/127.8`);
  await waitForFirstRender(app.page);
  const shown = await app.page
    .locator("[data-first-render-ms]")
    .getAttribute("data-first-render-ms");
  const done = new Promise<void>((ok) => cdp.once("Tracing.tracingComplete", () => ok()));
  await cdp.send("Tracing.end");
  await done;
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === "M" && e.name === "thread_name")
      threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  const nav = events.find((e) => e.name === "navigationStart")?.ts ?? events[0]?.ts ?? 0;
  const rows: [number, string][] = [];
  for (const e of events) {
    const t = (e.ts - nav) / 1000;
    if (e.cat.includes("user_timing") && e.name.startsWith("czd:"))
      rows.push([t, `mark ${e.name}`]);
    if (e.ph === "X" && (e.dur ?? 0) >= 15_000 && t > -50) {
      const th = threads.get(`${e.pid}:${e.tid}`) ?? "?";
      rows.push([t, `${th.padEnd(28)} ${e.name} ${((e.dur ?? 0) / 1000).toFixed(0)} ms`]);
    }
  }
  rows.sort((a, b) => a[0] - b[0]);
  for (const [t, s] of rows)
    if (t < Number(shown) + 50) console.log(`${t.toFixed(0).padStart(6)}  ${s}`);
  console.log(`first render since navigation: ${shown} ms`);
} finally {
  await app.close();
  await server.close();
}
