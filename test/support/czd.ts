/**
 * `czd` for tests: the built file (dist-cli/czd.mjs, built by `npm run build:cli` and on install)
 * as a process, or the same CLI from source in-process, its output captured.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { main } from "../../geo/cli";
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

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `czd` from source in this process (geo/cli's main), with what it prints. */
export async function runMain(...args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(
    args,
    (s) => {
      stdout += s;
    },
    (s) => {
      stderr += s;
    },
  );
  return { code, stdout, stderr };
}
