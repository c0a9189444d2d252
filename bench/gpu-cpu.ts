/**
 * The CPU time of the headless Chromium's GPU process, read from /proc (Linux): in SwiftShader
 * (software WebGL) that process draws the map, on threads of its own, so its CPU per repainted
 * frame is what the map's drawing costs — a figure the machine's load moves far less than the
 * frame's wall time. null where /proc or the process cannot be found.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

/** Children of a process (by /proc's ppid). */
function childrenOf(pid: number): number[] {
  try {
    const out = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)]).toString();
    return out.trim().split(/\s+/).map(Number).filter(Boolean);
  } catch {
    return []; // ps exits 1 when there is none
  }
}

/** The GPU process among this process's descendants (the browser Playwright launched). */
export function gpuProcess(root = process.pid): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    for (const child of childrenOf(pid)) {
      try {
        if (readFileSync(`/proc/${child}/cmdline`, "utf8").includes("--type=gpu-process"))
          return child;
      } catch {
        // gone meanwhile
      }
      queue.push(child);
    }
  }
  return null;
}

const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim() || 100);

/** User + system CPU of a process so far, in ms. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}
