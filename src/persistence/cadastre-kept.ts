/**
 * Where the cadastre is kept between visits: its own IndexedDB database, holding the 필지 as the
 * Worker parsed them (one packed buffer a layer, src/workers/cadastre-pack.ts) and a small
 * manifest naming them. The Worker writes and reads the big buffers itself (cadastre-keep.ts);
 * the page only reads the manifest, to know whether there is anything to restore before loading
 * the code that reads it, and clears the store when the cadastre is closed.
 *
 * The picked files are no longer kept (the first versions kept them in `czd-cadastre`, and a
 * reload parsed them again): `keptFiles` / `forgetFiles` read that old store once, so a visitor
 * who had a cadastre open before gets it back, parsed and kept in the new form.
 */
import { clear, createStore, del, get } from "idb-keyval";
import type { NamedFile } from "../workers/cadastre-protocol";

/** A picked file as the browser describes it: the same three again mean the same file. */
export interface SourceId {
  name: string;
  size: number;
  lastModified: number;
}

/** What is kept, written last by the Worker (after every layer's buffer, in the same transaction). */
export interface KeptManifest {
  /** The pack's format version the layers were written in (cadastre-pack.ts PACK_VERSION). */
  version: number;
  /** The files the cadastre was read from, in the order picked (each once). */
  sources: SourceId[];
  /**
   * Each layer (a 시·군's LSMD_CONT_LDREG_…), the key of its packed 필지 (each layer its own
   * entry, written once, deleted when it is closed), and the files of the pick that brought it
   * (absent in a manifest of an earlier version, which named the files only together).
   */
  layers: { name: string; count: number; key: string; bytes: number; sources?: SourceId[] }[];
  /**
   * The map tiles' box index over every layer's 필지 in order (Flatbush bytes) and its checksum:
   * restored with them, or built again if it doesn't check.
   */
  index?: { key: string; bytes: number; sum: number };
}

/** The bytes a manifest says its entries hold (the layers', and the index's): 0 if not known. */
export const keptBytes = (m: KeptManifest): number =>
  m.layers.reduce((n, l) => n + (Number(l?.bytes) || 0), 0) + (Number(m.index?.bytes) || 0);

export const keptStore = createStore("czd-cadastre-kept", "kept");
export const MANIFEST_KEY = "manifest";

export const keptManifest = (): Promise<KeptManifest | undefined> =>
  get<KeptManifest>(MANIFEST_KEY, keptStore).catch(() => undefined);

/** Forgets the kept cadastre (closing it), whatever the Worker had written. */
export const forgetKept = (): Promise<void> => clear(keptStore).catch(() => undefined);

const oldDb = createStore("czd-cadastre", "files");
const OLD_KEY = "files";

/** Files kept by the first versions of the app (read once, then forgotten). */
export const keptFiles = (): Promise<NamedFile[] | undefined> =>
  get<NamedFile[]>(OLD_KEY, oldDb).catch(() => undefined);
export const forgetFiles = (): Promise<void> => del(OLD_KEY, oldDb).catch(() => undefined);
