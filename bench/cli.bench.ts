/**
 * `npm run bench` (after `npm run build:cli`): how long a `czd` call takes, as a reviewer scripting
 * filings sees it — wall time of whole processes, medians of several spawns, each against bare
 * `node -e 0` measured in the same run. Targets (issue 7): `czd --help` within a few times
 * `node -e 0`; a small filing's check well under a second plus npm's own start-up.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CZD = join(ROOT, "dist-cli/czd.mjs");
const FILING = join(ROOT, "test/fixtures/examples/jinju-two-parcels.geojson");

if (!existsSync(CZD)) {
  console.error("dist-cli/czd.mjs is missing: run `npm run build:cli` first");
  process.exit(2);
}

/** Median wall time in ms of spawning `command args`, after one untimed spawn; checks the exit. */
function medianSpawnMs(command: string, args: string[], reps: number, okStatus = 0): number {
  const once = (): number => {
    const t0 = performance.now();
    const r = spawnSync(command, args, { cwd: ROOT, encoding: "utf8" });
    const ms = performance.now() - t0;
    if (r.status !== okStatus) {
      console.error(`${command} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
      process.exit(1);
    }
    return ms;
  };
  once();
  const times = Array.from({ length: reps }, once).sort((a, b) => a - b);
  return times[Math.floor(reps / 2)] as number;
}

const node = process.execPath;
const baseline = medianSpawnMs(node, ["-e", "0"], 10);
const help = medianSpawnMs(node, [CZD, "--help"], 10);
const check = medianSpawnMs(node, [CZD, "check", FILING, "--format", "json"], 10);
const npmCheck = medianSpawnMs("npm", ["run", "--silent", "czd", "--", "check", FILING], 5);
const tsxHelp = medianSpawnMs(join(ROOT, "node_modules/.bin/tsx"), ["geo/cli/bin.ts", "--help"], 3);

const row = (label: string, ms: number): string =>
  `${label.padEnd(46)}${ms.toFixed(0).padStart(8)} ms${(ms / baseline).toFixed(1).padStart(8)} × node -e 0`;
console.log("czd start-up, wall time of whole processes (median)");
console.log(row("node -e 0 (baseline)", baseline));
console.log(row("czd --help (dist-cli/czd.mjs)", help));
console.log(row("czd check jinju-two-parcels (2 parcels)", check));
console.log(row("npm run czd -- check jinju-two-parcels", npmCheck));
console.log(row("tsx geo/cli/bin.ts --help (from source, before)", tsxHelp));
