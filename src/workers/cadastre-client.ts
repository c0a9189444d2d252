/**
 * The page's side of the cadastre Worker: one request at a time, answered by a promise.
 * Cancelling terminates the Worker (a read in progress can't be interrupted more gently) and
 * forgets the cadastre it held.
 */

import type { MultiPolygon, Polygon } from "geojson";
import { FilingError } from "../../geo/index";
import type { CadastreReply, CadastreRequest, NamedFile } from "./cadastre-protocol";

type Pending = {
  resolve: (r: CadastreReply) => void;
  reject: (e: unknown) => void;
  onProgress?: (read: number, total: number) => void;
};

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL("../workers/cadastre.worker.ts", import.meta.url), {
    type: "module",
  });
  w.onmessage = (e: MessageEvent<CadastreReply>) => {
    const msg = e.data;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.kind === "progress") {
      p.onProgress?.(msg.read, msg.total);
      return;
    }
    pending.delete(msg.id);
    if (msg.kind === "error") p.reject(new FilingError("BAD_FILE", msg.ko, msg.en));
    else p.resolve(msg);
  };
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
  req: CadastreRequest,
  onProgress?: (read: number, total: number) => void,
): Promise<CadastreReply> {
  return new Promise((resolve, reject) => {
    pending.set(req.id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
    ensureWorker().postMessage(req);
  });
}

/** Reads the cadastre's files in the Worker, which keeps its 필지; the map gets the outlines. */
export async function openInWorker(
  files: NamedFile[],
  onProgress: (read: number, total: number) => void,
): Promise<{ layers: string[]; count: number; outlines: ArrayBuffer }> {
  const reply = await request({ kind: "open", id: nextId++, files }, onProgress);
  if (reply.kind !== "opened") throw new Error("unexpected reply");
  return { layers: reply.layers, count: reply.count, outlines: reply.outlines };
}

/** The exact union of these 필지, from the Worker that holds them. */
export async function unionInWorker(pnus: string[]): Promise<Polygon | MultiPolygon | null> {
  const reply = await request({ kind: "union", id: nextId++, pnus });
  if (reply.kind !== "union") throw new Error("unexpected reply");
  return reply.geometry;
}

/** The 필지 inside an outline (a lasso) and their union. */
export async function insideInWorker(
  outline: Polygon | MultiPolygon,
): Promise<{ pnus: string[]; geometry: Polygon | MultiPolygon | null }> {
  const reply = await request({ kind: "inside", id: nextId++, outline });
  if (reply.kind !== "inside") throw new Error("unexpected reply");
  return { pnus: reply.pnus, geometry: reply.geometry };
}

/** The 지번 조서 of an exported filing, against the cadastre the Worker holds. */
export async function josoInWorker(
  filing: string,
  fileName: string,
  format: "csv" | "xlsx",
  encoding: "utf-8" | "cp949",
): Promise<Uint8Array> {
  const reply = await request({ kind: "joso", id: nextId++, filing, fileName, format, encoding });
  if (reply.kind !== "joso") throw new Error("unexpected reply");
  return reply.bytes;
}

export function cancelCadastre(): void {
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) p.reject(new Cancelled());
  pending.clear();
}
