/**
 * Where a vertex drag's long main-thread tasks go: the drag of bench/drag-app.bench.ts (one
 * scene, this build only, a `vite build --sourcemap` build so the JS maps back to the source),
 * traced with bench/long-task-trace.ts; each task over DRAG_TASK_MS (default 100) ms is printed
 * with what ran in it. Run: `npx tsx bench/drag-long-tasks.ts [scene index, default 2]`, under
 * the bench lock. The tracing itself slows the page: which tasks are long, not how long.
 */
import { execFileSync } from "node:child_process";
import { serveDir } from "../test/e2e/static-server";
import { dragVertex, openScene, SCENES } from "./drag-scene";
import { reportGpu, reportLongTasks, startLongTaskTrace, type TraceEvent } from "./long-task-trace";

const DIST = ".tmp/dist-trace";
const SCENE = SCENES[Number(process.argv[2] ?? 2)];
if (!SCENE) throw new Error(`no scene ${process.argv[2]}`);
const OVER = Number(process.env.DRAG_TASK_MS ?? 100);
execFileSync(
  "npx",
  ["vite", "build", "--logLevel", "error", "--sourcemap", "--outDir", DIST, "--emptyOutDir"],
  { stdio: "inherit" },
);
const server = await serveDir(DIST);
let failed = false;
try {
  const scene = await openScene(server.url, SCENE);
  try {
    const cdp = await scene.app.context.newCDPSession(scene.page);
    const tracer = await startLongTaskTrace(cdp);
    await dragVertex(scene, 120);
    await scene.page.waitForTimeout(500);
    const { events, profile } = await tracer.stop();
    console.log(`${SCENE.label}: main-thread tasks over ${OVER} ms during a 120-event drag`);
    reportLongTasks(events, profile, DIST, OVER);
    whenInDrag(events);
    reportGpu(events);
  } finally {
    await scene.app.close();
  }
} catch (e) {
  failed = true;
  console.error(`drag-long-tasks harness failed: ${e instanceof Error ? e.stack : e}`);
} finally {
  await server.close();
}
if (failed) process.exit(1);

/** When each long task fell: ms after the pointer went down, or after it was let go. */
function whenInDrag(events: TraceEvent[]): void {
  const main = events.find(
    (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain",
  );
  if (!main) return;
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const at = (type: string) =>
    on.find((e) => e.name === "EventDispatch" && e.args?.data?.type === type)?.ts ?? 0;
  const down = at("pointerdown");
  const up = at("pointerup");
  const long = on
    .filter(
      (e) => e.ph === "X" && e.cat.split(",").includes("toplevel") && (e.dur ?? 0) > OVER * 1000,
    )
    .sort((a, b) => a.ts - b.ts);
  console.log(
    `\nthe long tasks' starts: ${long
      .map((e) => {
        const ms = (t: number) => ((e.ts - t) / 1000).toFixed(0);
        const where =
          e.ts < down
            ? `${ms(down)} ms before the press`
            : e.ts < up
              ? `${ms(down)} ms after the press`
              : `${ms(up)} ms after the release`;
        return `${((e.dur ?? 0) / 1000).toFixed(0)} ms at ${where}`;
      })
      .join("; ")} (drag ${((up - down) / 1000).toFixed(0)} ms)`,
  );
}
