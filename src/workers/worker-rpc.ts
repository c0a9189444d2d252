/**
 * Requests to a Worker answered by promises: each request carries an id, the Worker answers it
 * once with a reply of that id (or an `error` reply, the error as data), and may send `progress` replies
 * before. A Worker that fails to load or crashes answers nothing more, so what waited for it
 * fails; cancelling terminates it (work in progress can't be interrupted more gently) and the
 * next request starts a fresh one. The firms and cadastre clients are this with their protocols.
 */
import type { ErrorData } from "../../geo/index";

/**
 * The error a reply carried, as the FilingError callers branch on. Imported when an error comes:
 * the map's cadastre tiles are requested through here from the page's first script, and the
 * error class brings both languages' sentence tables (13 kB gzipped) with it.
 */
function filingError(data: ErrorData): Promise<Error> {
  return import("../../geo/errors").then(({ FilingError }) => new FilingError(data));
}

/** Rejection of a cancelled request: no notice is shown for it. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

type Reply = { id: number; kind: string };
type ProgressOf<R extends Reply> = Extract<R, { kind: "progress" }>;
type ErrorOf<R extends Reply> = Extract<R, { kind: "error" }> & { error: ErrorData };

interface Pending<R extends Reply> {
  resolve: (reply: R) => void;
  reject: (e: unknown) => void;
  onProgress?: (progress: ProgressOf<R>) => void;
}

export interface WorkerRpc<Q extends { id: number }, R extends Reply> {
  /** A fresh request id. */
  nextId(): number;
  request(
    req: Q,
    transfer?: Transferable[],
    onProgress?: (progress: ProgressOf<R>) => void,
  ): Promise<Exclude<R, { kind: "progress" | "error" }>>;
  /** Stops the Worker and everything it was doing: every waiting request rejects as Cancelled. */
  cancel(): void;
}

export function workerRpc<Q extends { id: number }, R extends Reply>(
  spawn: () => Worker,
): WorkerRpc<Q, R> {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending<R>>();
  const failAll = (error: unknown): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = (e: MessageEvent<R>) => {
      const msg = e.data;
      const p = pending.get(msg.id);
      if (!p) return;
      if (msg.kind === "progress") {
        p.onProgress?.(msg as ProgressOf<R>);
        return;
      }
      pending.delete(msg.id);
      if (msg.kind === "error") {
        // Should the error's chunk itself fail to load, that failure rejects instead: never a hang.
        void filingError((msg as ErrorOf<R>).error).then(p.reject, p.reject);
      } else p.resolve(msg);
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      const why = e.message || "worker error";
      // What waited for this Worker fails; a request made meanwhile goes to a fresh one.
      const waiting = [...pending.values()];
      pending.clear();
      worker = null;
      const rejectAll = (err: unknown): void => {
        for (const p of waiting) p.reject(err);
      };
      void filingError({ code: "BAD_FILE", params: { kind: "WORKER_FAILED", why } }).then(
        rejectAll,
        rejectAll,
      );
    };
    worker = w;
    return w;
  };
  return {
    nextId: () => nextId++,
    request: (req, transfer = [], onProgress) =>
      new Promise((resolve, reject) => {
        pending.set(req.id, {
          resolve: resolve as (reply: R) => void,
          reject,
          ...(onProgress ? { onProgress } : {}),
        });
        ensureWorker().postMessage(req, transfer);
      }),
    cancel: () => {
      worker?.terminate();
      worker = null;
      failAll(new Cancelled());
    },
  };
}
