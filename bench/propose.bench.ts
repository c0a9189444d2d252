/**
 * `npm run bench`: the circle proposal (branch and bound, proven bound) on 100,000 weighted firms
 * in clumps over 경남·부산·울산, against a plain baseline in the same run: every centre of a 2 km
 * grid over the firms, each summing the weight within the radius found by a KDBush query
 * (equirectangular distance), with no bound. Exits 1 if the baseline beats the proven bound.
 *
 * Then whole `czd propose` processes on 1,000,000 firms (bench/propose-firms.ts: clumps about
 * real 산업단지, the 대구/경북 border, the capital region, some at sea; written to a temporary
 * folder, never committed) as CSV and as GeoJSON, circle and belt, without `--sido`: wall time
 * and peak memory (max RSS, from /usr/bin/time) of this checkout's CLI and of BASE_REF's (default
 * main; BASE_REF=none skips it) in the same run, their ratio, and the issue-17 targets (circle
 * ≤ 3 s, belt ≤ 10 s, ≤ 500 MB). It fails if the two CLIs' JSON summaries differ where both
 * made one. BENCH_PROPOSE_CLI=0 skips this part.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import KDBush from "kdbush";
import { proposeCircle } from "../geo/propose/circle";
import { createFirms } from "../geo/propose/firms";
import { buildBaseCli } from "./base-cli";
import { clumpedFirms } from "./data";
import { writeFirmFiles } from "./propose-firms";
import { medianMs } from "./timing";

const N = 100_000;
const RADIUS_M = 20_000;
const { points, weights } = clumpedFirms(N);
const firms = createFirms(points, weights);

/** The plain way: a grid of centres, a KDBush range query and a distance test at each. */
function baseline(stepM: number): { weight: number; centres: number } {
  const lat0 = 35.4;
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110_950;
  const index = new KDBush(N);
  for (const p of points) index.add((p[0] ?? 0) * kx, (p[1] ?? 0) * ky);
  index.finish();
  let best = 0;
  let centres = 0;
  const xs = points.map((p) => (p[0] ?? 0) * kx);
  const ys = points.map((p) => (p[1] ?? 0) * ky);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  for (let y = y0; y <= y1; y += stepM) {
    for (let x = x0; x <= x1; x += stepM) {
      centres++;
      let w = 0;
      for (const i of index.within(x, y, RADIUS_M)) w += weights[i] ?? 0;
      if (w > best) best = w;
    }
  }
  return { weight: best, centres };
}

const proposal = proposeCircle(firms, { radiusM: RADIUS_M });
const proposeMs = medianMs(() => proposeCircle(firms, { radiusM: RADIUS_M }), 5);
let plain = { weight: 0, centres: 0 };
const baselineMs = medianMs(() => {
  plain = baseline(2_000);
}, 1);

const row = (label: string, value: string): string => `${label.padEnd(44)}${value.padStart(14)}`;
console.log(`circle proposal: ${N.toLocaleString()} weighted firms, radius ${RADIUS_M / 1000} km`);
console.log(row("branch and bound (median of 5)", `${proposeMs.toFixed(0)} ms`));
console.log(row("  covered / proven bound", `${proposal.covered} / ${proposal.bound}`));
console.log(
  row("  share of the bound", `${((100 * proposal.covered) / proposal.bound).toFixed(2)} %`),
);
console.log(
  row(`plain grid of ${plain.centres} centres (2 km), KDBush`, `${baselineMs.toFixed(0)} ms`),
);
console.log(row("  best weight found (no bound)", `${plain.weight}`));
console.log(row("speed-up, plain ÷ branch and bound", `${(baselineMs / proposeMs).toFixed(1)} ×`));
if (plain.weight > proposal.bound * 1.005) {
  console.error("the plain grid beat the proven bound by more than its distance error");
  process.exit(1);
}

interface CliRun {
  ms: number;
  /** CPU time, user and system: steadier than wall time on a shared machine. */
  cpuMs: number;
  mb: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** One whole `czd` process: wall time and max RSS as /usr/bin/time measures them. */
function czd(cli: string, args: string[]): CliRun {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M %U %S", process.execPath, cli, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const lines = r.stderr.trimEnd().split("\n");
  const [seconds = "NaN", kb = "NaN", user = "NaN", sys = "NaN"] = (lines.pop() ?? "").split(" ");
  return {
    ms: Number(seconds) * 1000,
    cpuMs: (Number(user) + Number(sys)) * 1000,
    mb: Number(kb) / 1024,
    status: r.status,
    stdout: r.stdout,
    stderr: lines.join("\n"),
  };
}

if (process.env.BENCH_PROPOSE_CLI !== "0") {
  const baseRef = process.env.BASE_REF ?? "main";
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });
  const here = "dist-cli/czd.mjs";
  const base = baseRef === "none" ? null : buildBaseCli(baseRef);
  const dir = mkdtempSync(join(tmpdir(), "czd-propose-bench-"));
  let failed = false;
  try {
    const files = writeFirmFiles(dir);
    console.log(
      `\nczd propose, ${files.firms.toLocaleString()} firms, no --sido, whole processes (load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${availableCores()} cores)`,
    );
    const targets = { circle: 3000, belt: 10_000 };
    for (const shape of ["circle", "belt"] as const) {
      for (const [format, file] of [
        ["CSV", files.csv],
        ["GeoJSON", files.geojson],
      ] as const) {
        const args = [
          "propose",
          file,
          "--shape",
          shape,
          "--weight",
          "종업원수",
          "--format",
          "json",
        ];
        const now = czd(here, args);
        const then = base ? czd(base, args) : null;
        const show = (r: CliRun) =>
          r.status === 0
            ? `${(r.ms / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(2)} s) ${r.mb.toFixed(0)} MB`
            : `exit ${r.status} after ${(r.ms / 1000).toFixed(2)} s (${r.stderr.slice(0, 70)})`;
        const meets = now.status === 0 && now.ms <= targets[shape] && now.mb <= 500;
        console.log(
          `${`${shape} ${format}`.padEnd(16)}this ${show(now).padEnd(34)}${
            then ? `${baseRef} ${show(then).padEnd(34)}` : ""
          }${
            then?.status === 0 && now.status === 0
              ? `time ${(now.ms / then.ms).toFixed(2)}× (CPU ${(now.cpuMs / then.cpuMs).toFixed(2)}×), memory ${(now.mb / then.mb).toFixed(2)}×  `
              : ""
          }${meets ? "meets" : "misses"} ≤ ${targets[shape] / 1000} s, ≤ 500 MB`,
        );
        if (now.status !== 0) failed = true;
        if (then?.status === 0 && now.status === 0 && then.stdout !== now.stdout) {
          console.error(`  the JSON summaries of ${shape} ${format} differ from ${baseRef}'s`);
          failed = true;
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

function availableCores(): number {
  return Number(execFileSync("nproc", { encoding: "utf8" }).trim());
}
