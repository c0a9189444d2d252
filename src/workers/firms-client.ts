/**
 * The page's side of the firms Worker: one request at a time per kind, answered by a promise.
 * Cancelling terminates the Worker outright (a parse in progress can't be interrupted more
 * gently), and the next request starts a fresh one.
 */
import { FilingError, type FirmBins, type Firms } from "../../geo/index";
import type { ProposalView } from "../store/proposal-view";
import type { WorkerReply, WorkerRequest } from "./firms-protocol";

type Pending = {
  resolve: (reply: WorkerReply) => void;
  reject: (e: unknown) => void;
  onProgress?: (share: number) => void;
};

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Rejection of a cancelled request: no notice is shown for it. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL("./firms.worker.ts", import.meta.url), { type: "module" });
  w.onmessage = (e: MessageEvent<WorkerReply>) => {
    const msg = e.data;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.kind === "progress") {
      p.onProgress?.(msg.share);
      return;
    }
    pending.delete(msg.id);
    if (msg.kind === "error") p.reject(new FilingError("BAD_FILE", msg.ko, msg.en));
    else p.resolve(msg);
  };
  // A Worker that fails to load or crashes answers nothing: fail what waited for it.
  w.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    const why = e.message || "worker error";
    for (const p of pending.values())
      p.reject(new FilingError("BAD_FILE", `작업자 오류 (${why})`, `Worker failed (${why})`));
    pending.clear();
    worker = null;
  };
  worker = w;
  return w;
}

function request(
  req: WorkerRequest,
  transfer: Transferable[],
  onProgress?: (s: number) => void,
): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    pending.set(req.id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
    ensureWorker().postMessage(req, transfer);
  });
}

/** Reads a firm file in the Worker; `onProgress` gets the share read (0–1). */
export async function importFirmsInWorker(
  bytes: Uint8Array,
  name: string,
  opts: { weight?: string; industry?: string; crs?: string },
  onProgress: (share: number) => void,
): Promise<{ firms: Firms; bins: FirmBins }> {
  const id = nextId++;
  const reply = await request(
    { kind: "import", id, bytes, name, ...opts },
    [bytes.buffer],
    onProgress,
  );
  if (reply.kind !== "firms") throw new Error("unexpected reply");
  return { firms: reply.firms, bins: reply.bins };
}

/** Computes the proposals in the Worker. */
export async function proposeInWorker(
  req: Omit<Extract<WorkerRequest, { kind: "propose" }>, "id" | "kind">,
): Promise<ProposalView[]> {
  const reply = await request({ kind: "propose", id: nextId++, ...req }, []);
  if (reply.kind !== "proposals") throw new Error("unexpected reply");
  return reply.proposals;
}

/** Stops the Worker and everything it was doing. */
export function cancelWorker(): void {
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) p.reject(new Cancelled());
  pending.clear();
}
