/**
 * The page's side of the cadastre Worker: one request at a time, answered by a promise.
 * Cancelling terminates the Worker (a read in progress can't be interrupted more gently) and
 * forgets the cadastre it held.
 */

import type { MultiPolygon, Polygon } from "geojson";
import type { PiljiHit } from "../../geo/cadastre";
import type { CadastreReply, CadastreRequest, NamedFile } from "./cadastre-protocol";
import type { SelectHow } from "./cadastre-select-protocol";
import { workerRpc } from "./worker-rpc";

export { Cancelled } from "./worker-rpc";

const rpc = workerRpc<CadastreRequest, CadastreReply>(
  () => new Worker(new URL("./cadastre.worker.ts", import.meta.url), { type: "module" }),
);

/** Reads the cadastre's files in the Worker, which keeps its 필지; the map gets the outlines. */
export async function openInWorker(
  files: NamedFile[],
  onProgress: (read: number, total: number) => void,
): Promise<{ layers: string[]; count: number; outlines: ArrayBuffer }> {
  const reply = await rpc.request({ kind: "open", id: rpc.nextId(), files }, [], (p) =>
    onProgress(p.read, p.total),
  );
  if (reply.kind !== "opened") throw new Error("unexpected reply");
  return { layers: reply.layers, count: reply.count, outlines: reply.outlines };
}

/** The exact union of these 필지, from the Worker that holds them. */
export async function unionInWorker(pnus: string[]): Promise<Polygon | MultiPolygon | null> {
  const reply = await rpc.request({ kind: "union", id: rpc.nextId(), pnus });
  if (reply.kind !== "union") throw new Error("unexpected reply");
  return reply.geometry;
}

/** The 필지 inside an outline (a lasso) and their union. */
export async function insideInWorker(
  outline: Polygon | MultiPolygon,
): Promise<{ pnus: string[]; geometry: Polygon | MultiPolygon | null }> {
  const reply = await rpc.request({ kind: "inside", id: rpc.nextId(), outline });
  if (reply.kind !== "inside") throw new Error("unexpected reply");
  return { pnus: reply.pnus, geometry: reply.geometry };
}

/** The 필지 a box, an outline or a 구역 selects (cadastre-select-protocol.ts). */
export async function selectInWorker(
  how: SelectHow,
  outline: Polygon | MultiPolygon,
): Promise<string[]> {
  const reply = await rpc.request({ kind: "select", id: rpc.nextId(), how, outline });
  if (reply.kind !== "select") throw new Error("unexpected reply");
  return reply.pnus;
}

/** What a freehand 구역 covers: the 필지 whole, and in part with the m² inside. */
export async function coverInWorker(
  geometry: Polygon | MultiPolygon,
): Promise<{ pnu: string[]; partialPnu: { pnu: string; m2: number }[] }> {
  const reply = await rpc.request({ kind: "cover", id: rpc.nextId(), geometry });
  if (reply.kind !== "cover") throw new Error("unexpected reply");
  return { pnu: reply.pnu, partialPnu: reply.partialPnu };
}

/** The 지번 조서 of an exported filing, against the cadastre the Worker holds. */
export async function josoInWorker(
  filing: string,
  fileName: string,
  format: "csv" | "xlsx",
  encoding: "utf-8" | "cp949",
): Promise<Uint8Array> {
  const reply = await rpc.request({
    kind: "joso",
    id: rpc.nextId(),
    filing,
    fileName,
    format,
    encoding,
  });
  if (reply.kind !== "joso") throw new Error("unexpected reply");
  return reply.bytes;
}

/** The open 필지 a typed 동 + 지번 or PNU names (geo/cadastre/find.ts), best first. */
export async function findInWorker(query: string): Promise<PiljiHit[]> {
  const reply = await rpc.request({ kind: "find", id: rpc.nextId(), query });
  if (reply.kind !== "found") throw new Error("unexpected reply");
  return reply.hits;
}

/** The 조서 of a filing (its bytes, any format) as the print report's appendix (HTML, escaped by geo). */
export async function josoHtmlInWorker(
  bytes: Uint8Array,
  fileName: string,
  lang: "ko" | "en",
): Promise<string> {
  const reply = await rpc.request({ kind: "josoHtml", id: rpc.nextId(), bytes, fileName, lang });
  if (reply.kind !== "josoHtml") throw new Error("unexpected reply");
  return reply.html;
}

export function cancelCadastre(): void {
  rpc.cancel();
}
