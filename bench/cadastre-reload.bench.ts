/**
 * The 300,000-필지 cadastre across a reload (after `vite build`): `npx tsx bench/cadastre-reload.bench.ts`.
 * The synthetic 진주 of bench/cadastre.bench.ts (built into .tmp/bench-cadastre if missing) is
 * picked in the cadastre panel until the count shows, then left until it is kept for the next
 * visit (this build: the Worker's packed 필지; before: the picked files, cloned by the page), the
 * storage the origin then uses is read (`navigator.storage.estimate`), and the page is reloaded
 * until the count shows again. Whether the reading progress bar appeared after the reload tells
 * whether the Shapefile was read again.
 *
 * With BASE_REF set (a commit, e.g. `main`), that commit's app is built too (bench/base-build.ts)
 * and measured in the same run, in ROUNDS (default 2) rounds alternating the two builds; the
 * medians and the ratios this ÷ base follow. BENCH_DIST names another
 * build folder for this build.
 */
import { openApp, waitForMap } from "../test/e2e/browser";
import { serveDir } from "../test/e2e/static-server";
import { buildBase } from "./base-build";
import { benchCadastre, CADASTRE_CENTRE } from "./cadastre-data";

const CENTRE = CADASTRE_CENTRE;
const paths = await benchCadastre();

/** From the page's first script: whether the reading progress bar ever appeared. */
const WATCH_PROGRESS = `(() => {
  window.czdReadShown = false;
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="cadastre-progress"][data-what="read"]')) window.czdReadShown = true;
  }).observe(document, { childList: true, subtree: true });
})()`;

/**
 * Kept for the next visit: this build marks the panel `data-kept`; the base build kept the picked
 * files under `czd-cadastre` / `files` (written after the count showed).
 */
const KEPT = `(async () => {
  if (document.querySelector('[data-testid="cadastre"][data-kept="true"]')) return true;
  const dbs = await indexedDB.databases();
  if (!dbs.some((d) => d.name === "czd-cadastre")) return false;
  return await new Promise((done) => {
    const open = indexedDB.open("czd-cadastre");
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains("files")) return done(false);
      const req = db.transaction("files").objectStore("files").count();
      req.onsuccess = () => done(req.result > 0);
      req.onerror = () => done(false);
    };
    open.onerror = () => done(false);
  });
})()`;

interface Result {
  build: string;
  openMs: number;
  keptMs: number;
  storedMb: number;
  reloadMs: number;
  mapMs: number;
  readAgain: boolean;
  shown: string;
}

async function measure(dist: string, build: string): Promise<Result> {
  const server = await serveDir(dist);
  const app = await openApp(server.url);
  try {
    const page = app.page;
    await page.addInitScript(WATCH_PROGRESS);
    await page.goto(`${server.url}#15/${CENTRE[0]}/${CENTRE[1]}`);
    await waitForMap(page);
    const ready = page.locator('[data-testid="cadastre"][data-status="ready"]');
    const t0 = Date.now();
    await page.getByTestId("import-cadastre").setInputFiles(paths);
    await ready.waitFor({ timeout: 900_000 });
    const openMs = Date.now() - t0;
    const t1 = Date.now();
    while (!(await page.evaluate(KEPT))) {
      if (Date.now() - t1 > 600_000) throw new Error(`${build}: never kept`);
      await page.waitForTimeout(100);
    }
    const keptMs = Date.now() - t1;
    const usage = await page.evaluate(() => navigator.storage.estimate());
    const t2 = Date.now();
    await page.reload();
    await waitForMap(page);
    const mapMs = Date.now() - t2;
    await ready.waitFor({ timeout: 900_000 });
    const reloadMs = Date.now() - t2;
    const readAgain = Boolean(await page.evaluate("window.czdReadShown"));
    const shown = (await page.getByTestId("cadastre-count").textContent()) ?? "";
    if (app.errors.length > 0) throw new Error(`${build}: page errors: ${app.errors.join("; ")}`);
    return {
      build,
      openMs,
      keptMs,
      storedMb: (usage.usage ?? 0) / 1024 / 1024,
      reloadMs,
      mapMs,
      readAgain,
      shown,
    };
  } finally {
    await app.close();
    await server.close();
  }
}

const BASE_REF = process.env.BASE_REF;
const builds: [string, string][] = [];
if (BASE_REF) builds.push([buildBase(BASE_REF), `base ${BASE_REF}`]);
builds.push([process.env.BENCH_DIST ?? "dist", "this build"]);

// Rounds alternate the builds (base, this, base, this…) so a change in the machine's load falls
// on both; each figure is the median of its build's rounds.
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const runs: Result[][] = builds.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const [k, [dist, build]] of builds.entries()) runs[k]?.push(await measure(dist, build));
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const results: Result[] = runs.map((rs) => ({
  build: rs[0]?.build ?? "",
  openMs: median(rs.map((r) => r.openMs)),
  keptMs: median(rs.map((r) => r.keptMs)),
  storedMb: median(rs.map((r) => r.storedMb)),
  reloadMs: median(rs.map((r) => r.reloadMs)),
  mapMs: median(rs.map((r) => r.mapMs)),
  readAgain: rs.some((r) => r.readAgain),
  shown: rs.map((r) => r.shown).join(", "),
}));

const ROWS: [string, (r: Result) => number, string][] = [
  ["picked → count shown", (r) => r.openMs, "ms"],
  ["count shown → kept for the next visit", (r) => r.keptMs, "ms"],
  ["storage used by the origin", (r) => r.storedMb, "MB"],
  ["reload → map ready (no cadastre yet)", (r) => r.mapMs, "ms"],
  ["reload → count shown again", (r) => r.reloadMs, "ms"],
  ["  of which after the map was ready", (r) => r.reloadMs - r.mapMs, "ms"],
];
const pad = (s: string, n: number) => s.padStart(n);
console.log(
  `cadastre across a reload (headless Chromium, SwiftShader; median of ${ROUNDS} alternating rounds)`,
);
console.log(
  `${"".padEnd(40)}${results.map((r) => pad(r.build, 16)).join("")}${BASE_REF ? pad("this ÷ base", 14) : ""}`,
);
for (const [label, of, unit] of ROWS) {
  const values = results.map(of);
  const cells = values.map((v) => pad(`${v.toFixed(0)} ${unit}`, 16)).join("");
  const [base, mine] = [values[0] ?? 0, values[values.length - 1] ?? 0];
  const ratio = BASE_REF ? pad(base > 0 ? `${(mine / base).toFixed(2)} ×` : "–", 14) : "";
  console.log(`${label.padEnd(40)}${cells}${ratio}`);
}
console.log(
  `${"Shapefile read again after the reload".padEnd(40)}${results.map((r) => pad(r.readAgain ? "yes" : "no", 16)).join("")}`,
);
console.log(`count shown: ${results.map((r) => r.shown).join(" | ")}`);
