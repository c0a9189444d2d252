/**
 * `npx tsx bench/belt.bench.ts`: the belt proposal (geo/propose/belt.ts) on 100,000 weighted firms
 * in clumps over 경남·부산·울산 (the circle bench's data), against another commit's belt in the
 * same run: `BASE_REF=main` (default) is extracted with `git archive` into .tmp/ and imported
 * beside this checkout's, and the two are timed alternately (median of REPS each). Prints the
 * ratios this ÷ base (of the medians and of the fastest runs, the latter steadier on a busy machine), and each one's weight covered and axis length.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { lineLengthM } from "../geo/measure";
import { proposeBelt } from "../geo/propose/belt";
import { createFirms, type Firms } from "../geo/propose/firms";
import { loadRuleSet } from "../geo/rules/load";
import type { RuleSet } from "../geo/types";
import { clumpedFirms } from "./data";
import { median } from "./timing";

const REPS = 5;
const N = 100_000;
const { points, weights } = clumpedFirms(N);
const firms = createFirms(points, weights);
const phase3 = loadRuleSet("phase-3");

type Belt = (firms: Firms, ruleSet: RuleSet) => ReturnType<typeof proposeBelt>;

async function baseBelt(ref: string): Promise<Belt> {
  const dir = resolve(".tmp/belt-bench-base");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("sh", ["-c", `git archive ${ref} geo | tar -x -C ${dir}`], { stdio: "inherit" });
  const mod = (await import(resolve(dir, "geo/propose/belt.ts"))) as { proposeBelt: Belt };
  return mod.proposeBelt;
}

const ref = process.env.BASE_REF ?? "main";
const base = await baseBelt(ref);
const runs: Record<"this" | "base", number[]> = { this: [], base: [] };
const result: Record<"this" | "base", ReturnType<typeof proposeBelt> | undefined> = {
  this: undefined,
  base: undefined,
};
for (let r = 0; r <= REPS; r++) {
  for (const [label, run] of [
    ["base", base],
    ["this", proposeBelt],
  ] as const) {
    const t0 = performance.now();
    result[label] = run(firms, phase3);
    // The first round warms both up and isn't counted.
    if (r > 0) runs[label].push(performance.now() - t0);
  }
}
const row = (label: string, value: string): string => `${label.padEnd(44)}${value.padStart(16)}`;
console.log(`belt proposal: ${N.toLocaleString()} weighted firms, this checkout against ${ref}`);
for (const label of ["base", "this"] as const) {
  const p = result[label];
  const axis = p?.envelope.shape === "belt" ? p.envelope.axis : [];
  console.log(row(`${label} (median of ${REPS})`, `${median(runs[label]).toFixed(0)} ms`));
  console.log(row("  covered / bound", `${p?.covered} / ${p?.bound}`));
  console.log(
    row("  axis: vertices, km", `${axis.length}, ${(lineLengthM(axis) / 1000).toFixed(1)}`),
  );
}
console.log(
  row("time, this ÷ base (medians)", `${(median(runs.this) / median(runs.base)).toFixed(2)} ×`),
);
const fastest = (v: number[]) => Math.min(...v);
console.log(
  row("time, this ÷ base (fastest)", `${(fastest(runs.this) / fastest(runs.base)).toFixed(2)} ×`),
);
