/**
 * The page's side of the cadastre Worker: one request at a time, answered by a promise.
 * Cancelling terminates the Worker (a read in progress can't be interrupted more gently) and
 * forgets the cadastre it held.
 */

import type { MultiPolygon, Polygon } from "geojson";
import type { PiljiHit } from "../../geo/cadastre";
import {
  type AddedLayers,
  type CadastreReply,
  type CadastreRequest,
  type NamedFile,
  TILE_SCHEME,
  type UnkeptWhy,
} from "./cadastre-protocol";
import type { SelectHow } from "./cadastre-select-protocol";
import { workerRpc } from "./worker-rpc";

export { Cancelled } from "./worker-rpc";

const rpc = workerRpc<CadastreRequest, CadastreReply>(
  () => new Worker(new URL("./cadastre.worker.ts", import.meta.url), { type: "module" }),
);

/** Each cadastre opened gets a number; its tiles' URLs carry it, so a stale tile is never drawn. */
let generation = 0;
/** The generation the Worker holds and the map shows (0: none). */
let shown = 0;

/** What the Worker holds once a cadastre is open, and where it came from. */
export interface Opened {
  layers: string[];
  /** Each layer's 시·군·구 (진주시), or its code when not known. */
  places: string[];
  count: number;
  outlines: string;
  from: "files" | "kept";
  /** Files picked while a cadastre was open: what they added to it. */
  added?: AddedLayers;
  /** A restore: the kept layers that could not be read (left out, their entries deleted). */
  lost?: { name: string; place: string }[];
}

/**
 * Reads the cadastre's files in the Worker, which keeps its 필지; `outlines` is the URL template
 * of their vector tiles (`czd-cadastre://<generation>/{z}/{x}/{y}`), cut by the Worker on demand.
 * The files' bytes are transferred, not cloned (a 시·군 is 100–300 MB): the caller's are left
 * detached. The same files picked again (name, size, modification time) come from what the
 * Worker kept of them instead (`from: "kept"`). Files picked while a cadastre is held are added
 * to it (`added`), under a new generation so the map fetches its tiles again.
 */
export async function openInWorker(
  files: NamedFile[],
  onProgress: (read: number, total: number) => void,
): Promise<Opened> {
  const g = ++generation;
  const transfer = [...new Set(files.map((f) => f.bytes.buffer as ArrayBuffer))];
  const reply = await rpc.request(
    { kind: "open", id: rpc.nextId(), files, generation: g },
    transfer,
    (p) => onProgress(p.read, p.total),
  );
  if (reply.kind !== "opened") throw new Error("unexpected reply");
  return shownAs(reply, g);
}

/** The cadastre generation `g` now shown: its layers, places, count and tile URL. */
function shownNow(
  reply: { layers: string[]; places: string[]; count: number },
  g: number,
): { layers: string[]; places: string[]; count: number; outlines: string } {
  shown = g;
  return {
    layers: reply.layers,
    places: reply.places,
    count: reply.count,
    outlines: `${TILE_SCHEME}://${g}/{z}/{x}/{y}`,
  };
}

function shownAs(reply: Extract<CadastreReply, { kind: "opened" }>, g: number): Opened {
  return {
    ...shownNow(reply, g),
    from: reply.from,
    ...(reply.added ? { added: reply.added } : {}),
    ...(reply.lost ? { lost: reply.lost } : {}),
  };
}

/**
 * The cadastre kept at the last visit, restored by the Worker from IndexedDB (no Shapefile read),
 * its progress first in bytes read from the store, then in 필지 unpacked; or, when none could be,
 * the layers that were kept and why (the Worker has then forgotten them).
 */
export async function restoreInWorker(
  onProgress: (read: number, total: number, unit: "bytes" | "pilji") => void,
): Promise<Opened | { unkept: UnkeptWhy; names: string[] }> {
  const g = ++generation;
  const reply = await rpc.request({ kind: "restore", id: rpc.nextId(), generation: g }, [], (p) =>
    onProgress(p.read, p.total, p.unit ?? "pilji"),
  );
  if (reply.kind === "unkept") return { unkept: reply.why, names: reply.names };
  if (reply.kind !== "opened") throw new Error("unexpected reply");
  return shownAs(reply, g);
}

/** What closing one layer left: the cadastre now shown, and the watched PNUs that were its 필지. */
export interface ClosedLayer {
  layers: string[];
  places: string[];
  count: number;
  outlines: string;
  gone: string[];
  /** False when the layer was closed already (nothing changed). */
  closed: boolean;
  /** The change is kept (false: writing it failed, and nothing is kept any more). */
  kept: boolean;
}

/**
 * Takes one layer (`at` in the list, named `name`) out of the cadastre and out of what is kept;
 * the map's tiles get a new generation. `watch`: PNUs the 구역 name, to learn which were its.
 */
export async function closeLayerInWorker(
  at: number,
  name: string,
  watch: string[],
): Promise<ClosedLayer> {
  const g = ++generation;
  const reply = await rpc.request({
    kind: "closeLayer",
    id: rpc.nextId(),
    at,
    name,
    generation: g,
    watch,
  });
  if (reply.kind !== "closed") throw new Error("unexpected reply");
  return {
    ...shownNow(reply, g),
    gone: reply.gone,
    closed: reply.closed,
    kept: reply.kept,
  };
}

/** Has the Worker keep the cadastre it just read for the next visit; the bytes it stored. */
export async function keepInWorker(): Promise<number> {
  const reply = await rpc.request({ kind: "keep", id: rpc.nextId() });
  if (reply.kind !== "kept") throw new Error("unexpected reply");
  return reply.bytes;
}

/**
 * One vector tile's MVT bytes from the Worker (none for a cadastre no longer shown): the map's
 * tile protocol calls this, and the bytes go on to MapLibre's own Worker to be decoded.
 */
export async function tileInWorker(
  g: number,
  z: number,
  x: number,
  y: number,
): Promise<ArrayBuffer> {
  if (g !== shown) return new ArrayBuffer(0);
  const reply = await rpc.request({ kind: "tile", id: rpc.nextId(), generation: g, z, x, y });
  if (reply.kind !== "tile") throw new Error("unexpected reply");
  const b = reply.bytes;
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength
    ? (b.buffer as ArrayBuffer)
    : (b.slice().buffer as ArrayBuffer);
}

/**
 * One raster tile from the Worker, or null where no 필지 lies or for a cadastre no longer
 * shown: the map's raster protocol calls this (src/workers/cadastre-raster.ts draws it).
 */
export async function rasterInWorker(
  g: number,
  tile: { z: number; x: number; y: number; size: number; ratio: number },
  jimok: boolean,
): Promise<ImageBitmap | null> {
  if (g !== shown) return null;
  const reply = await rpc.request({
    kind: "raster",
    id: rpc.nextId(),
    generation: g,
    ...tile,
    jimok,
  });
  if (reply.kind !== "bitmap") throw new Error("unexpected reply");
  return reply.bitmap;
}

/** The PNU of the 필지 under a point, or null: picking where the map draws raster tiles. */
export async function piljiAtInWorker(lon: number, lat: number): Promise<string | null> {
  if (shown === 0) return null;
  const reply = await rpc.request({ kind: "at", id: rpc.nextId(), lon, lat });
  if (reply.kind !== "at") throw new Error("unexpected reply");
  return reply.pnu;
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
  shown = 0;
  rpc.cancel();
}
