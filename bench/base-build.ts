/**
 * Another commit's app built beside this one, for benchmarks that compare two builds in the same
 * run: `git archive` of the commit into .tmp/, this checkout's node_modules, `vite build`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";

/** Build `ref`'s app; returns its dist folder. `slot` names the folder, for several bases. */
export function buildBase(ref: string, slot = ""): string {
  const src = resolve(`.tmp/bench-base-src${slot}`);
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  execFileSync("sh", ["-c", `git archive ${ref} | tar -x -C ${src}`], { stdio: "inherit" });
  if (!existsSync(join(src, "node_modules")))
    symlinkSync(resolve("node_modules"), join(src, "node_modules"));
  execFileSync("npx", ["vite", "build", "--logLevel", "error"], { cwd: src, stdio: "inherit" });
  return join(src, "dist");
}
