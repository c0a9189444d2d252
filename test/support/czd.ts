/** Runs the built `czd` (dist-cli/czd.mjs, built by `npm run build:cli` and on install). */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./paths";

export const CZD = join(ROOT, "dist-cli/czd.mjs");

export interface CzdRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCzd(...args: string[]): CzdRun {
  const r = spawnSync(process.execPath, [CZD, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
