/**
 * Another commit's `czd` built beside this one, for benchmarks that run both CLIs in the same
 * run: `git archive` of the commit into .tmp/, this checkout's node_modules, `build:cli`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";

/** Build `ref`'s CLI; returns the path of its czd.mjs. */
export function buildBaseCli(ref: string): string {
  const src = resolve(".tmp/bench-base-cli-src");
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  execFileSync("sh", ["-c", `git archive ${ref} | tar -x -C ${src}`], { stdio: "inherit" });
  if (!existsSync(join(src, "node_modules")))
    symlinkSync(resolve("node_modules"), join(src, "node_modules"));
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: src, stdio: "inherit" });
  return join(src, "dist-cli/czd.mjs");
}
