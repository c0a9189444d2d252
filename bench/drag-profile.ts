/**
 * Where a vertex drag's main-thread time goes: a V8 CPU profile (DevTools protocol, Profiler) of
 * the drag of bench/drag-scene.ts in the built app, folded by function and mapped back to the
 * source through the build's source maps. Prints the time by package or folder, the functions
 * with the most self time and the most total time (file:line of the source), and the calls of
 * interest (checkFiling, the store's selectors, MapLibre's setData, terra-draw, React).
 * Run: `npm run bench:drag-profile` (builds with source maps into .tmp/dist-profile, leaving
 * dist/ and the default build alone); `-- 0|1|2` picks the scene (default 2: 20 × 256 + hubs).
 * The profile is also written to .tmp/drag.cpuprofile for Chrome DevTools.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serveDir } from "../test/e2e/static-server";
import { dragVertex, openScene, SCENES } from "./drag-scene";
import { SourceMap, type SourcePosition } from "./sourcemap";

const DIST = process.env.BENCH_DIST ?? ".tmp/dist-profile";
const EVENTS = Number(process.env.BENCH_EVENTS ?? 120);
const SCENE = SCENES[Number(process.argv[2] ?? 2)];
const TOP = 25;
const PROFILE_OUT = ".tmp/drag.cpuprofile";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const maps = new Map<string, SourceMap | null>();

function mapOf(url: string): SourceMap | null {
  if (maps.has(url)) return maps.get(url) ?? null;
  const path = new URL(url).pathname;
  const file = join(DIST, `${decodeURIComponent(path)}.map`);
  const map = existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, "utf8"))) : null;
  maps.set(url, map);
  return map;
}

/**
 * The name a function has in its source line (a function starts where V8 reports it): a
 * declaration, a method, or a named arrow; else the line itself, shortened.
 */
function functionName(text: string | null): string | null {
  if (!text) return null;
  const m =
    /function\s*\*?\s*([\w$]+)/.exec(text) ??
    /([\w$]+)\s*[=:]\s*(?:async\s*)?(?:function\b|\(|[\w$]+\s*=>)/.exec(text) ??
    /^\s*(?:(?:static|async|get|set|private|public|readonly)\s+)*([\w$]+)\s*\(/.exec(text);
  return m?.[1] ?? `«${text.trim().slice(0, 48)}»`;
}

/** "src/store/derive.ts:42 selectReport", or the built file's own position when unmapped. */
function describe(frame: CallFrame): { where: string; area: string } {
  const fn = frame.functionName || "(anonymous)";
  if (!frame.url.startsWith("http")) return { where: fn, area: fn.startsWith("(") ? fn : "native" };
  const pos: SourcePosition | null =
    mapOf(frame.url)?.lookup(frame.lineNumber, frame.columnNumber) ?? null;
  if (!pos) {
    const file = new URL(frame.url).pathname.split("/").pop() ?? frame.url;
    return { where: `${file}:${frame.lineNumber + 1}:${frame.columnNumber} ${fn}`, area: file };
  }
  const source = pos.source.replace(/^(\.\.\/)+/, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  const area = pkg ?? source.split("/").slice(0, 2).join("/");
  // Libraries ship minified or bundled lines: V8's own name of the function says more there.
  const name = pkg ? fn : (functionName(pos.text) ?? fn);
  return { where: `${source.replace(/^.*node_modules\//, "")}:${pos.line} ${name}`, area };
}

interface Folded {
  self: Map<string, number>;
  total: Map<string, number>;
  areas: Map<string, number>;
  allMs: number;
}

function fold(profile: Profile): Folded {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const described = new Map(profile.nodes.map((n) => [n.id, describe(n.callFrame)]));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const areas = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let allMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    allMs += ms;
    const d = described.get(id);
    if (!d) return;
    add(self, d.where, ms);
    add(areas, d.area, ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const w = described.get(at)?.where;
      if (!w || seen.has(w) || !byId.has(at)) continue;
      seen.add(w);
      add(total, w, ms);
    }
  });
  return { self, total, areas, allMs };
}

function top(
  m: Map<string, number>,
  n: number,
  skip: RegExp = /^\((root|program|idle)\)/,
): [string, number][] {
  return [...m]
    .filter(([k]) => !skip.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
}

const INTEREST =
  /checkFiling|subscriptions.ts.*update|parcelsCollection|hubsCollection|editableParcels|enclosingCollection|setData|updateData|syncEditable|snapVertices|applyEdited|setPreview|renderWithHooks|commitRoot|performWorkOnRoot|terra-draw.*(onDrag|updateGeometry|clone|render)|_render|postMessage|garbage/;

if (!SCENE) throw new Error(`no scene ${process.argv[2]}`);
if (!existsSync(join(DIST, "index.html"))) throw new Error(`no build in ${DIST}`);
const server = await serveDir(DIST);
let failed = false;
try {
  const scene = await openScene(server.url, SCENE);
  try {
    const cdp = await scene.app.context.newCDPSession(scene.page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
    await cdp.send("Profiler.start");
    const wallMs = await dragVertex(scene, EVENTS);
    const { profile } = await cdp.send("Profiler.stop");
    // For Chrome DevTools' Performance panel (Load profile…).
    writeFileSync(PROFILE_OUT, JSON.stringify(profile));
    const f = fold(profile as unknown as Profile);
    const pct = (ms: number) => `${((100 * ms) / f.allMs).toFixed(1)} %`;
    const line = ([k, ms]: [string, number]) =>
      `  ${(ms / EVENTS).toFixed(2).padStart(7)} ms/event ${pct(ms).padStart(7)}  ${k}`;
    console.log(
      `CPU profile of a vertex drag (main thread, sampled on the wall clock): ${SCENE.label}, ` +
        `${EVENTS} pointer events, ${(wallMs / 1000).toFixed(1)} s, ${f.allMs.toFixed(0)} ms sampled`,
    );
    console.log("\nby package or folder (self time):");
    for (const e of top(f.areas, 20, /^$/)) console.log(line(e));
    console.log(`\ntop ${TOP} functions by self time:`);
    for (const e of top(f.self, TOP)) console.log(line(e));
    console.log(`\ntop ${TOP} functions by total time (callees included):`);
    for (const e of top(f.total, TOP)) console.log(line(e));
    console.log(`\nthe app's own code (src/, geo/), top ${TOP} by total time:`);
    for (const e of [...f.total]
      .filter(([k]) => /^(src|geo)\//.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP))
      console.log(line(e));
    console.log("\ncalls of interest, total time:");
    const interest = [...f.total].filter(([k]) => INTEREST.test(k)).sort((a, b) => b[1] - a[1]);
    for (const e of interest.slice(0, 30)) console.log(line(e));
  } finally {
    await scene.app.close();
  }
} catch (e) {
  failed = true;
  console.error(`drag profile harness failed: ${e instanceof Error ? e.stack : e}`);
} finally {
  await server.close();
}
if (failed) process.exit(1);
