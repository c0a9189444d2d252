/**
 * The page's side of the firms Worker: one request at a time per kind, answered by a promise.
 * Cancelling terminates the Worker outright (a parse in progress can't be interrupted more
 * gently), and the next request starts a fresh one.
 */
import type { FirmBins, Firms } from "../../geo/index";
import type { ProposalView } from "../store/proposal-view";
import type { WorkerReply, WorkerRequest } from "./firms-protocol";
import { workerRpc } from "./worker-rpc";

export { Cancelled } from "./worker-rpc";

const rpc = workerRpc<WorkerRequest, WorkerReply>(
  () => new Worker(new URL("./firms.worker.ts", import.meta.url), { type: "module" }),
);

/** Reads a firm file in the Worker; `onProgress` gets the share read (0–1). */
export async function importFirmsInWorker(
  bytes: Uint8Array,
  name: string,
  opts: { weight?: string; industry?: string; crs?: string },
  onProgress: (share: number) => void,
): Promise<{ firms: Firms; bins: FirmBins }> {
  const reply = await rpc.request(
    { kind: "import", id: rpc.nextId(), bytes, name, ...opts },
    [bytes.buffer],
    (p) => onProgress(p.share),
  );
  if (reply.kind !== "firms") throw new Error("unexpected reply");
  return { firms: reply.firms, bins: reply.bins };
}

/** Computes the proposals in the Worker. */
export async function proposeInWorker(
  req: Omit<Extract<WorkerRequest, { kind: "propose" }>, "id" | "kind">,
): Promise<ProposalView[]> {
  const reply = await rpc.request({ kind: "propose", id: rpc.nextId(), ...req });
  if (reply.kind !== "proposals") throw new Error("unexpected reply");
  return reply.proposals;
}

/** Stops the Worker and everything it was doing. */
export function cancelWorker(): void {
  rpc.cancel();
}
