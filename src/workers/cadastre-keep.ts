/**
 * The cadastre Worker keeps what it read, and restores it on the next visit, itself: the packed
 * 필지 (cadastre-pack.ts, one buffer a layer) go to IndexedDB from here, so the page never clones
 * the big buffers on its own thread. One transaction clears what was kept before and writes the
 * layers and then the manifest (src/persistence/cadastre-kept.ts): a reload during the write
 * finds the old cadastre or the new one, never a mix.
 */
import { get, getMany, promisifyRequest } from "idb-keyval";
import type { Pilji } from "../../geo/cadastre/types";
import {
  type KeptManifest,
  keptStore,
  MANIFEST_KEY,
  type SourceId,
} from "../persistence/cadastre-kept";
import { checksum, PACK_VERSION, PackRefused, packPilji, unpackPilji } from "./cadastre-pack";
import type { UnkeptWhy } from "./cadastre-protocol";

/** A layer as the Worker read it: its name and its 필지. */
export interface ReadLayer {
  name: string;
  pilji: Pilji[];
}

const INDEX_KEY = "tiles-index";

/**
 * Keeps these layers (read from `sources`) in place of whatever was kept, with the tiles' box
 * index over them (cadastre-tiles.ts) if given; returns the bytes kept.
 */
export async function keepLayers(
  sources: SourceId[],
  layers: ReadLayer[],
  index?: ArrayBuffer,
): Promise<number> {
  const packed = layers.map((l, i) => ({
    name: l.name,
    count: l.pilji.length,
    key: `layer-${i}`,
    buffer: packPilji(l.pilji),
  }));
  const manifest: KeptManifest = {
    version: PACK_VERSION,
    sources,
    layers: packed.map(({ name, count, key, buffer }) => ({
      name,
      count,
      key,
      bytes: buffer.byteLength,
    })),
    ...(index
      ? {
          index: {
            key: INDEX_KEY,
            bytes: index.byteLength,
            sum: checksum(new Uint8Array(index)),
          },
        }
      : {}),
  };
  await keptStore("readwrite", (store) => {
    store.clear();
    for (const p of packed) store.put(p.buffer, p.key);
    if (index) store.put(index, INDEX_KEY);
    store.put(manifest, MANIFEST_KEY);
    return promisifyRequest(store.transaction);
  });
  return packed.reduce((n, p) => n + p.buffer.byteLength, index?.byteLength ?? 0);
}

/** Forgets what was kept (a kept entry found unreadable). */
export const forgetLayers = (): Promise<void> =>
  keptStore("readwrite", (store) => {
    store.clear();
    return promisifyRequest(store.transaction);
  });

export type Restored =
  | { ok: true; manifest: KeptManifest; layers: ReadLayer[]; index?: ArrayBuffer }
  | { ok: false; why: UnkeptWhy; names: string[] };

/** The same files, picked again: same names, sizes and modification times, in the same order. */
export const sameSources = (a: readonly SourceId[], b: readonly SourceId[]): boolean =>
  a.length === b.length &&
  a.every(
    (s, i) =>
      s.name === b[i]?.name && s.size === b[i]?.size && s.lastModified === b[i]?.lastModified,
  );

/**
 * The kept layers, each unpacked and checked whole before any is returned. `sources`, when given,
 * must match the kept ones (the same files picked again).
 */
export async function restoreLayers(sources?: SourceId[]): Promise<Restored> {
  const manifest = await get<KeptManifest>(MANIFEST_KEY, keptStore);
  if (!manifest) return { ok: false, why: "missing", names: [] };
  const names = manifest.layers.map((l) => l.name);
  if (sources && !sameSources(sources, manifest.sources)) {
    return { ok: false, why: "missing", names };
  }
  if (manifest.version !== PACK_VERSION) return { ok: false, why: "format", names };
  const keys = manifest.layers.map((l) => l.key);
  const buffers = await getMany<ArrayBuffer>(
    manifest.index ? [...keys, manifest.index.key] : keys,
    keptStore,
  );
  const layers: ReadLayer[] = [];
  for (const [i, l] of manifest.layers.entries()) {
    const buffer = buffers[i];
    if (!(buffer instanceof ArrayBuffer)) return { ok: false, why: "damaged", names };
    try {
      const pilji = unpackPilji(buffer);
      if (pilji.length !== l.count) return { ok: false, why: "damaged", names };
      layers.push({ name: l.name, pilji });
    } catch (e) {
      if (e instanceof PackRefused) return { ok: false, why: e.why, names };
      throw e;
    }
  }
  // The box index is a saving, not the cadastre: one that doesn't check is built again.
  const index = buffers[keys.length];
  const indexOk =
    manifest.index &&
    index instanceof ArrayBuffer &&
    index.byteLength === manifest.index.bytes &&
    checksum(new Uint8Array(index)) === manifest.index.sum;
  return indexOk ? { ok: true, manifest, layers, index } : { ok: true, manifest, layers };
}
