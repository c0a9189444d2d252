/**
 * The cadastre Worker keeps what it read, and restores it on the next visit, itself: the packed
 * 필지 (cadastre-pack.ts, one buffer a layer, a 시·군's `LSMD_CONT_LDREG_…`) go to IndexedDB from
 * here, so the page never clones the big buffers on its own thread.
 *
 * Each layer is its own entry, written once: adding a 시·군 writes only the new layer's buffer,
 * closing one deletes only its own, each with the manifest (and the tiles' box index over all)
 * in the same transaction (src/persistence/cadastre-kept.ts): a reload during a write finds the
 * cadastre as it was before the change or after it, never a mix.
 */
import { get, promisifyRequest } from "idb-keyval";
import type { Pilji } from "../../geo/cadastre/types";
import {
  type KeptManifest,
  keptBytes,
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

/**
 * A layer held: its key in the kept store, and the picked files it came from (all the files of
 * the pick that brought it; none known for a layer kept by an earlier version).
 */
export interface HeldLayer extends ReadLayer {
  key: string;
  sources?: SourceId[];
}

const INDEX_KEY = "tiles-index";

/**
 * What a change to the kept store does: clear it first (nothing known of what it holds, as
 * before the first write of a fresh Worker), write the layers not stored yet, delete those no
 * longer held.
 */
export interface KeepPlan {
  clear: boolean;
  put: HeldLayer[];
  drop: string[];
}

/** The writes that make the store (`stored`: its layer keys, null when unknown) hold `layers`. */
export function keepPlan(
  stored: ReadonlySet<string> | null,
  layers: readonly HeldLayer[],
): KeepPlan {
  if (!stored) return { clear: true, put: [...layers], drop: [] };
  const held = new Set(layers.map((l) => l.key));
  return {
    clear: false,
    put: layers.filter((l) => !stored.has(l.key)),
    drop: [...stored].filter((k) => !held.has(k)),
  };
}

/** Each file once (several layers picked together name the same files), in the order first named. */
export const uniqueSources = (sources: readonly SourceId[]): SourceId[] =>
  sources.filter((s, i) => sources.findIndex((t) => sameSources([s], [t])) === i);

/** The manifest naming these layers (every one written by then) and the index over them. */
export function manifestOf(
  layers: readonly HeldLayer[],
  bytesOf: (key: string) => number,
  index?: ArrayBuffer,
): KeptManifest {
  return {
    version: PACK_VERSION,
    sources: uniqueSources(layers.flatMap((l) => l.sources ?? [])),
    layers: layers.map((l) => ({
      name: l.name,
      count: l.pilji.length,
      key: l.key,
      bytes: bytesOf(l.key),
      ...(l.sources ? { sources: l.sources } : {}),
    })),
    ...(index
      ? { index: { key: INDEX_KEY, bytes: index.byteLength, sum: checksum(new Uint8Array(index)) } }
      : {}),
  };
}

/**
 * The Worker's side of the kept store: which layer keys it holds now, and the sizes written. A
 * fresh Worker knows nothing of it (the first write clears it) until it restores from it.
 */
export class KeptLayers {
  private stored: Set<string> | null = null;
  private sizes = new Map<string, number>();

  /** The store holds these layers (just restored from it). */
  known(manifest: KeptManifest): void {
    this.stored = new Set(manifest.layers.map((l) => l.key));
    this.sizes = new Map(manifest.layers.map((l) => [l.key, l.bytes]));
  }

  /**
   * Makes the store hold `layers` (and the tiles' box index over them, if given): only the layers
   * not yet written are packed and put, only those gone are deleted; returns the bytes written.
   * The plan is taken before any await, so a second call made meanwhile plans from the first's
   * result (IndexedDB runs the two transactions in order).
   */
  async keep(layers: readonly HeldLayer[], index?: ArrayBuffer): Promise<number> {
    const plan = keepPlan(this.stored, layers);
    // Nothing new to write (restored, or the same files picked again): the store stays as it is.
    if (!plan.clear && plan.put.length === 0 && plan.drop.length === 0) return 0;
    const packed = plan.put.map((l) => ({ key: l.key, buffer: packPilji(l.pilji) }));
    for (const p of packed) this.sizes.set(p.key, p.buffer.byteLength);
    for (const k of plan.drop) this.sizes.delete(k);
    this.stored = new Set(layers.map((l) => l.key));
    const manifest = manifestOf(layers, (k) => this.sizes.get(k) ?? 0, index);
    try {
      await keptStore("readwrite", (store) => {
        if (plan.clear) store.clear();
        for (const k of plan.drop) store.delete(k);
        for (const p of packed) store.put(p.buffer, p.key);
        if (index) store.put(index, INDEX_KEY);
        else store.delete(INDEX_KEY);
        if (layers.length > 0) store.put(manifest, MANIFEST_KEY);
        else store.delete(MANIFEST_KEY);
        return promisifyRequest(store.transaction);
      });
    } catch (e) {
      // What the store holds now is not known: the next write starts it again from empty.
      this.stored = null;
      throw e;
    }
    return packed.reduce((n, p) => n + p.buffer.byteLength, index?.byteLength ?? 0);
  }

  /** Forgets what was kept (a kept entry found unreadable). */
  async forget(): Promise<void> {
    await forgetLayers();
    this.stored = new Set();
    this.sizes.clear();
  }
}

/** Forgets what was kept (a kept entry found unreadable). */
export const forgetLayers = (): Promise<void> =>
  keptStore("readwrite", (store) => {
    store.clear();
    return promisifyRequest(store.transaction);
  });

export type Restored =
  | {
      ok: true;
      manifest: KeptManifest;
      layers: HeldLayer[];
      index?: ArrayBuffer;
      /** Layers the manifest names whose entry could not be read (damaged, cut, missing). */
      lost: string[];
    }
  | { ok: false; why: UnkeptWhy; names: string[] };

/** The same files, picked again: same names, sizes and modification times, in the same order. */
export const sameSources = (a: readonly SourceId[], b: readonly SourceId[]): boolean =>
  a.length === b.length &&
  a.every(
    (s, i) =>
      s.name === b[i]?.name && s.size === b[i]?.size && s.lastModified === b[i]?.lastModified,
  );

/**
 * The files the layers were read from, less `gone` (the files of layers closed or lost): files
 * picked together name each other's layers as their sources, and which of them held the layer
 * gone is not known, so none of them is taken as held any more (picked again, it is read, and
 * the PNU check skips what is still open).
 */
export function withoutSources(
  layers: readonly HeldLayer[],
  gone: readonly SourceId[],
): HeldLayer[] {
  const kept = (s: SourceId) => !gone.some((g) => sameSources([g], [s]));
  return layers.map((l) =>
    l.sources && !l.sources.every(kept) ? { ...l, sources: l.sources.filter(kept) } : l,
  );
}

/**
 * The layers of a manifest from their buffers (`buffers[i]` the i-th layer's, then the index's),
 * each unpacked and checked whole before it is returned. A layer whose entry is damaged, cut, of
 * another version or missing is left out and named in `lost` (the others are restored: one bad
 * entry no longer costs the planner every 시·군 kept); only when none can be read is the whole
 * refused. `onProgress` gets the 필지 unpacked so far.
 */
export function unpackKept(
  manifest: KeptManifest,
  buffers: readonly unknown[],
  onProgress?: (read: number) => void,
): Restored {
  const names = manifest.layers.map((l) => l.name);
  if (manifest.version !== PACK_VERSION) return { ok: false, why: "format", names };
  // Never written so (the last layer closed deletes the manifest): no layer would show "0 필지"
  // with no file, one entry named twice the same 필지 twice.
  const keys = new Set(manifest.layers.map((l) => l.key));
  if (keys.size === 0 || keys.size !== manifest.layers.length)
    return { ok: false, why: "damaged", names };
  const layers: HeldLayer[] = [];
  const lost: { name: string; why: "format" | "damaged"; sources: SourceId[] }[] = [];
  let read = 0;
  for (const [i, l] of manifest.layers.entries()) {
    // A manifest of an earlier version names the files of all its layers together: a layer
    // alone came from them, several layers from files no longer told apart (none named).
    const sources = l.sources ?? (manifest.layers.length === 1 ? manifest.sources : undefined);
    const buffer = buffers[i];
    let pilji: Pilji[] | null = null;
    let why: "format" | "damaged" = "damaged";
    if (buffer instanceof ArrayBuffer) {
      try {
        pilji = unpackPilji(buffer, onProgress && ((n) => onProgress(read + n)));
      } catch (e) {
        if (!(e instanceof PackRefused)) throw e;
        why = e.why;
      }
    }
    if (!pilji || pilji.length !== l.count) {
      lost.push({ name: l.name, why, sources: sources ?? [] });
      continue;
    }
    read += pilji.length;
    onProgress?.(read);
    layers.push({ name: l.name, pilji, key: l.key, ...(sources ? { sources } : {}) });
  }
  if (layers.length === 0)
    return { ok: false, why: lost.every((x) => x.why === "format") ? "format" : "damaged", names };
  if (lost.length > 0) {
    // The box index is over every layer's 필지 in order: with one left out it is built again.
    const left = withoutSources(
      layers,
      lost.flatMap((x) => x.sources),
    );
    return { ok: true, manifest, layers: left, lost: lost.map((x) => x.name) };
  }
  // The box index is a saving, not the cadastre: one that doesn't check is built again.
  const index = buffers[manifest.layers.length];
  const indexOk =
    manifest.index &&
    index instanceof ArrayBuffer &&
    index.byteLength === manifest.index.bytes &&
    checksum(new Uint8Array(index)) === manifest.index.sum;
  return indexOk
    ? { ok: true, manifest, layers, index, lost: [] }
    : { ok: true, manifest, layers, lost: [] };
}

/** A manifest of the form this app writes (or wrote: per-layer files are optional). */
export function isManifest(m: unknown): m is KeptManifest {
  if (typeof m !== "object" || m === null) return false;
  const { version, sources, layers } = m as Partial<KeptManifest>;
  return (
    typeof version === "number" &&
    Array.isArray(sources) &&
    Array.isArray(layers) &&
    layers.every(
      (l) =>
        typeof l === "object" &&
        l !== null &&
        typeof l.name === "string" &&
        typeof l.key === "string" &&
        typeof l.count === "number" &&
        (l.sources === undefined || Array.isArray(l.sources)),
    )
  );
}

/** Where a restore reads the kept store: IndexedDB in the Worker, another in a test. */
export interface KeptReader {
  manifest(): Promise<unknown>;
  /**
   * The entries under these keys, read in one transaction; `onEntry(i, value)` is called as each
   * arrives (in the order asked), before the whole is returned.
   */
  entries(
    keys: readonly string[],
    onEntry: (i: number, value: unknown) => void,
  ): Promise<unknown[]>;
}

/** The kept store in IndexedDB (idb-keyval's store, one readonly transaction for the entries). */
export const idbReader: KeptReader = {
  manifest: () => get<unknown>(MANIFEST_KEY, keptStore),
  entries: (keys, onEntry) =>
    keptStore("readonly", (store) =>
      Promise.all(
        keys.map((k, i) =>
          promisifyRequest(store.get(k)).then((value) => {
            onEntry(i, value);
            return value as unknown;
          }),
        ),
      ),
    ),
};

/**
 * A restore's progress: the kept entries read from the store (`bytes`, as the manifest sizes
 * them, each counted when it has arrived), then the 필지 unpacked (`pilji`).
 */
export interface RestoreProgress {
  read: number;
  total: number;
  unit: "bytes" | "pilji";
}

/**
 * The kept layers, each unpacked and checked whole before it is returned (those that can't be
 * are named in `lost`). `sources`, when given, must match the kept ones (the same files picked
 * again). `onProgress` hears of each entry read from the store (by its bytes: the read of a
 * 시·군's entries takes a while of its own), then of the 필지 unpacked.
 */
export async function restoreLayers(
  sources?: SourceId[],
  onProgress?: (p: RestoreProgress) => void,
  reader: KeptReader = idbReader,
): Promise<Restored> {
  const manifest = await reader.manifest();
  if (manifest === undefined) return { ok: false, why: "missing", names: [] };
  // Not a manifest this app ever wrote: refused (and forgotten) as another format, not a crash.
  if (!isManifest(manifest)) return { ok: false, why: "format", names: [] };
  const names = manifest.layers.map((l) => l.name);
  if (sources && !sameSources(sources, manifest.sources)) {
    return { ok: false, why: "missing", names };
  }
  if (manifest.version !== PACK_VERSION) return { ok: false, why: "format", names };
  const keys = manifest.layers.map((l) => l.key);
  const sizes = [...manifest.layers.map((l) => Number(l.bytes) || 0), manifest.index?.bytes ?? 0];
  const bytes = keptBytes(manifest);
  let loaded = 0;
  const buffers = await reader.entries(
    manifest.index ? [...keys, manifest.index.key] : keys,
    (i) => {
      loaded += sizes[i] ?? 0;
      if (bytes > 0) onProgress?.({ read: loaded, total: bytes, unit: "bytes" });
    },
  );
  const total = manifest.layers.reduce((n, l) => n + l.count, 0);
  return unpackKept(
    manifest,
    buffers,
    onProgress && ((read) => onProgress({ read, total, unit: "pilji" })),
  );
}
