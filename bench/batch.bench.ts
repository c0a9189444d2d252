/**
 * `npm run bench` (after `npm run build:cli`): a reviewer's desk of 14 filings of 20 parcels ×
 * 256 vertices (bench/data.ts, each shifted a little), checked by one `czd check f1 … f14` against
 * 14 separate `czd check` calls, both as whole processes in the same run (medians). Target
 * (issue 22): the batch in under 2 s.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createParcels, createRandom } from "./data";
import { median } from "./timing";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CZD = join(ROOT, "dist-cli/czd.mjs");
const FILINGS = 14;

if (!existsSync(CZD)) {
  console.error("dist-cli/czd.mjs is missing: run `npm run build:cli` first");
  process.exit(2);
}

/** 14 filings, each the 20 × 256 parcels of a different seed, written to a temporary folder. */
function writeFilings(dir: string): string[] {
  return Array.from({ length: FILINGS }, (_, k) => {
    const features = createParcels(createRandom(100 + k)).map((geometry, i) => ({
      type: "Feature",
      properties: { id: `P${i + 1}` },
      geometry,
    }));
    const path = join(dir, `filing-${String(k + 1).padStart(2, "0")}.geojson`);
    writeFileSync(
      path,
      JSON.stringify({ type: "FeatureCollection", czd: { name: `지구 ${k + 1}` }, features }),
    );
    return path;
  });
}

function spawnMs(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CZD, ...args], { cwd: ROOT, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) {
    console.error(`czd ${args.slice(0, 2).join(" ")} … exited ${r.status}: ${r.stderr}`);
    process.exit(1);
  }
  return ms;
}

const dir = mkdtempSync(join(tmpdir(), "czd-batch-bench-"));
try {
  const files = writeFilings(dir);
  const reps = Number(process.env.BENCH_REPS ?? 5);
  spawnMs(["check", ...files]);
  // The batch as a reviewer runs it (threads chosen by czd: the main thread under 4 cores), on
  // the main thread, and on two worker threads, each against 14 separate calls in the same run.
  const runs = {
    auto: [] as number[],
    main: [] as number[],
    workers: [] as number[],
    separate: [] as number[],
  };
  for (let r = 0; r < reps; r++) {
    runs.auto.push(spawnMs(["check", ...files]));
    runs.main.push(spawnMs(["check", ...files, "--jobs", "1"]));
    runs.workers.push(spawnMs(["check", ...files, "--jobs", "2"]));
    runs.separate.push(files.reduce((sum, f) => sum + spawnMs(["check", f]), 0));
  }
  const s = median(runs.separate);
  const row = (label: string, ms: number): string =>
    `${label.padEnd(48)}${ms.toFixed(0).padStart(8)} ms${(s / ms).toFixed(1).padStart(8)} × faster`;
  const auto = median(runs.auto);
  console.log(
    `czd check of ${FILINGS} filings × 20 parcels × 256 vertices, wall time (median of ${reps}), ${availableParallelism()} cores`,
  );
  console.log(
    `${"14 separate czd check calls (baseline)".padEnd(48)}${s.toFixed(0).padStart(8)} ms`,
  );
  console.log(row("czd check f1 … f14 (threads as czd picks them)", auto));
  console.log(row("czd check f1 … f14 --jobs 1 (main thread)", median(runs.main)));
  console.log(row("czd check f1 … f14 --jobs 2 (two worker threads)", median(runs.workers)));
  if (auto >= 2000) console.log(`over the 2 s target (${auto.toFixed(0)} ms)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
