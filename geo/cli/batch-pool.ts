/**
 * Batch checks on worker threads: each worker is the built czd itself (dist-cli/czd.mjs, started
 * with `workerData.czd === "batch"`), so the pool needs no second bundle. Used only where it
 * helps: the built file (from source there is no plain JavaScript to start), four cores or more,
 * and enough filings to pay for a worker's start-up (loading czd and its 시·도 boundaries). On a
 * busy 2-core machine bench/batch.bench.ts measured two workers at twice the main thread's time
 * for 14 filings of 20 × 256 vertices, so there the batch stays on the main thread unless
 * `--jobs` asks otherwise.
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { BatchEntry } from "../report";
import type { CheckValues } from "./check";

/** Filings a worker should have to be worth starting. */
const FILINGS_PER_WORKER = 4;
const MAX_WORKERS = 4;

interface Job {
  index: number;
  file: string;
}

/** How many workers a batch of `count` filings gets: 0 runs it on the main thread. */
export function workerCount(count: number, jobs: number | undefined): number {
  if (!import.meta.url.endsWith(".mjs")) return 0;
  const wanted =
    jobs ?? Math.min(availableParallelism(), MAX_WORKERS, Math.floor(count / FILINGS_PER_WORKER));
  return wanted >= 2 ? Math.min(wanted, count) : 0;
}

/** Checks `files` on `workers` threads; entries come back in the files' order. */
export function checkOnWorkers(
  files: readonly string[],
  values: CheckValues,
  workers: number,
  progress: (done: number, total: number) => void,
): Promise<BatchEntry[]> {
  const entries: BatchEntry[] = new Array(files.length);
  const queue: Job[] = files.map((file, index) => ({ index, file }));
  let done = 0;
  return new Promise((resolve, reject) => {
    const pool = Array.from({ length: workers }, () => {
      const worker = new Worker(fileURLToPath(import.meta.url), {
        workerData: { czd: "batch", values },
      });
      const next = (): void => {
        const job = queue.shift();
        if (job) worker.postMessage(job);
        else void worker.terminate();
      };
      worker.on("message", (m: { index: number; entry: BatchEntry }) => {
        entries[m.index] = m.entry;
        done++;
        progress(done, files.length);
        if (done === files.length) {
          for (const w of pool) void w.terminate();
          resolve(entries);
        } else next();
      });
      worker.on("error", reject);
      next();
      return worker;
    });
  });
}

/** True in a worker this pool started: bin.ts then serves jobs instead of running main. */
export function isBatchWorker(): boolean {
  return !isMainThread && (workerData as { czd?: string } | null)?.czd === "batch";
}

/** A worker's loop: check each file the pool sends, send back its entry. */
export function serveBatchJobs(
  check: (file: string, values: CheckValues) => Promise<BatchEntry>,
): void {
  const { values } = workerData as { values: CheckValues };
  parentPort?.on("message", (job: Job) => {
    void check(job.file, values).then((entry) =>
      parentPort?.postMessage({ index: job.index, entry }),
    );
  });
}
