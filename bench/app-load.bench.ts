/**
 * The app's weight and start: gzipped size of the JS the page loads before the map (the entry
 * script and its static imports; on-demand chunks not counted, MapLibre's worker listed apart)
 * and of all JS, and two times on localhost in headless Chromium: to the first map render
 * (navigation start → the map's first idle frame with its drawing tools loaded, `data-ready` on
 * the map element) and to the app (that map inside the app's layout, panels and tools there),
 * against a plain baseline in the same run: the same browser loading a plain file
 * (public/data/sido.json) from the same server.
 *
 * With BASE_REF set (a commit, e.g. `BASE_REF=08e04f8 npm run bench:app`), that commit's app is
 * built too (git archive into .tmp/, this checkout's node_modules) and both are measured in the
 * same run, runs interleaved, so the speed-up is a ratio of two figures taken side by side.
 * `BASE_REF=main,abc1234` measures several bases the same way (each built in its own folder); the
 * ratios are to the first. `BENCH_RUNS` sets the runs per build (5 unless given).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { openApp, waitForFirstRender, waitForMap } from "../test/e2e/browser";
import { serveDir } from "../test/e2e/static-server";
import { buildBase } from "./base-build";
import { median } from "./timing";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** The entry script named by index.html and every chunk it imports statically, transitively. */
function initialJs(dist: string): string[] {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const entry = /<script type="module"[^>]*src="\.?\/?([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${dist}/index.html names no module script`);
  const seen = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const code = readFileSync(join(dist, rel), "utf8");
    const dir = rel.slice(0, rel.lastIndexOf("/") + 1);
    for (const m of code.matchAll(
      /(?:^|[;}\s])import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g,
    )) {
      if (m[1]) visit(dir + m[1]);
    }
  };
  visit(entry);
  return [...seen];
}

interface Weight {
  initialKb: number;
  allKb: number;
  workerKb: number;
}

function weigh(dist: string, label: string): Weight {
  const assets = join(dist, "assets");
  const all = readdirSync(assets).filter((f) => /\.m?js$/.test(f));
  const initial = initialJs(dist);
  console.log(`${label}: JS before the map (gzip kB)`);
  for (const f of initial)
    console.log(`  ${f.padEnd(40)} ${gzipKb(join(dist, f)).toFixed(0).padStart(6)}`);
  const initialKb = initial.reduce((a, f) => a + gzipKb(join(dist, f)), 0);
  const allKb = all.reduce((a, f) => a + gzipKb(join(assets, f)), 0);
  // Fetched by MapLibre before its first frame too, but by its worker, off the page's thread.
  const worker = all.find((f) => f.startsWith("maplibre-gl-worker"));
  const workerKb = worker ? gzipKb(join(assets, worker)) : 0;
  console.log(`  before the map: ${initialKb.toFixed(0)} kB; all JS: ${allKb.toFixed(0)} kB`);
  console.log(
    `  MapLibre's worker (also fetched before the first render): ${workerKb.toFixed(0)} kB`,
  );
  return { initialKb, allKb, workerKb };
}

interface Run {
  mapMs: number;
  appMs: number;
  blankMs: number;
  /** The scripts the page had fetched by its first map render, awaited or not. */
  fetched: string[];
  /** What the first render waited for: the map's marks (czd:…) and resources, ms since navigation. */
  moments: Record<string, number>;
}

async function timeToMapMs(url: string): Promise<Run> {
  const app = await openApp(url);
  try {
    const start = Date.now();
    await app.page.goto(`${url}#7/36.2/127.8`);
    await waitForFirstRender(app.page);
    const mapMs = Date.now() - start;
    const fetched = await app.page.evaluate(() => {
      const at = Number(
        document.querySelector("[data-first-render-ms]")?.getAttribute("data-first-render-ms"),
      );
      return (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((r) => r.responseEnd <= at && /\.m?js$/.test(new URL(r.name).pathname))
        .map((r) => new URL(r.name).pathname.split("/").pop() ?? "");
    });
    const moments = await app.page.evaluate(() => {
      const out: Record<string, number> = {};
      for (const m of performance.getEntriesByType("mark"))
        if (m.name.startsWith("czd:")) out[m.name.slice(4)] ??= m.startTime;
      for (const r of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
        const file = new URL(r.name).pathname.split("/").pop() ?? "";
        const key = file.replace(/-[\w-]{8}\.(m?js)$/, ".$1");
        if (
          /^(sido\.json|sido-lite\.json|maplibre-gl.*|draw\.js|envelope-edit\.js|first-screen.*|index\.js)$/.test(
            key,
          )
        )
          out[`${key} fetched`] ??= r.responseEnd;
      }
      const ready = document.querySelector("[data-first-render-ms]");
      out["first render (data-ready)"] = Number(ready?.getAttribute("data-first-render-ms"));
      return out;
    });
    await waitForMap(app.page);
    const appMs = Date.now() - start;
    const blankStart = Date.now();
    await app.page.goto(`${url}data/sido.json`);
    const blankMs = Date.now() - blankStart;
    return { mapMs, appMs, blankMs, fetched, moments };
  } finally {
    await app.close();
  }
}

const baseRefs = process.env.BASE_REF?.split(",").filter(Boolean) ?? [];
const builds: { label: string; dist: string }[] = [{ label: "this build", dist: "dist" }];
for (const [i, ref] of baseRefs.entries())
  builds.push({ label: `base ${ref}`, dist: buildBase(ref, i === 0 ? "" : `-${i}`) });

const weights = builds.map((b) => weigh(b.dist, b.label));
const servers = await Promise.all(builds.map((b) => serveDir(b.dist)));
try {
  const runs = builds.map(() => [] as Run[]);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, server] of servers.entries()) runs[k]?.push(await timeToMapMs(server.url));
  }
  const mapMs = runs.map((r) => median(r.map((x) => x.mapMs)));
  const appMs = runs.map((r) => median(r.map((x) => x.appMs)));
  const blankMs = median(runs.flat().map((r) => r.blankMs));
  const fetchedKb = runs.map((r, k) =>
    median(
      r.map((x) =>
        x.fetched.reduce((a, f) => a + gzipKb(join(builds[k]?.dist ?? "", "assets", f)), 0),
      ),
    ),
  );
  console.log(
    `time to first map render (median of ${RUNS}, fresh profile each, runs interleaved):`,
  );
  for (const [k, b] of builds.entries())
    console.log(
      `  ${b.label.padEnd(16)} ${mapMs[k]} ms; the app around it: ${appMs[k]} ms; ` +
        `JS fetched by the first render, workers too: ${fetchedKb[k]?.toFixed(0)} kB gzip`,
    );
  console.log(`baseline, the plain 시·도 JSON file from the same server: ${blankMs} ms`);
  for (const [k, b] of builds.entries()) {
    console.log(`what the first render waited for, ${b.label} (ms since navigation, medians):`);
    const names = [...new Set(runs[k]?.flatMap((r) => Object.keys(r.moments)))];
    const at = (n: string) =>
      median(runs[k]?.flatMap((r) => (n in r.moments ? [r.moments[n] as number] : [])) ?? []);
    for (const n of names.sort((a, c) => at(a) - at(c)))
      console.log(`  ${n.padEnd(34)} ${at(n).toFixed(0).padStart(6)}`);
  }
  // The page's own figure: navigation start → the first render shown (no browser round trip).
  const shownMs = runs.map((r) =>
    median(r.map((x) => x.moments["first render (data-ready)"] ?? 0)),
  );
  for (const [k, b] of builds.entries())
    console.log(
      `first render since navigation (the page's data-first-render-ms), ${b.label}: ${shownMs[k]?.toFixed(0)} ms`,
    );
  // Judged on the page's figure: Playwright's wall time adds its own round trips (≈ 0.5 s here).
  const firstMs = shownMs[0] ?? 0;
  console.log(
    `aim: first render < 1000 ms since navigation: ${firstMs.toFixed(0)} ms (${firstMs < 1000 ? "met" : "NOT met"}); JS before the map ≤ 300 kB gzip: ${weights[0]?.initialKb.toFixed(0)} kB (${(weights[0]?.initialKb ?? 0) <= 300 ? "met" : "NOT met"})`,
  );
  console.log(`ratio to baseline: ${((mapMs[0] ?? 0) / Math.max(blankMs, 1)).toFixed(1)} ×`);
  for (const [k, ref] of baseRefs.entries()) {
    const [now, base] = [weights[0], weights[k + 1]];
    const faster = (xs: number[]) => ((xs[k + 1] ?? 0) / Math.max(xs[0] ?? 1, 1)).toFixed(2);
    console.log(
      `vs ${ref}: first map ${faster(mapMs)} × faster (since navigation ${faster(shownMs)} ×), ` +
        `the app ${faster(appMs)} × faster; ` +
        `JS before the map ${base?.initialKb.toFixed(0)} → ${now?.initialKb.toFixed(0)} kB gzip`,
    );
  }
} finally {
  await Promise.all(servers.map((s) => s.close()));
}
