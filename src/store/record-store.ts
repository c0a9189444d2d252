/**
 * Where autosave keeps its records and how tabs tell each other what changed: IndexedDB through
 * idb-keyval and a BroadcastChannel in the app, in-memory stand-ins in tests.
 */
import { del, entries, get, set, setMany, update } from "idb-keyval";

export interface RecordStore {
  get: (key: string) => Promise<unknown>;
  set: (key: string, value: unknown) => Promise<void>;
  setMany: (items: [string, unknown][]) => Promise<void>;
  del: (key: string) => Promise<void>;
  entries: () => Promise<[unknown, unknown][]>;
  /** Read and write one key in one transaction: no other write can come between. */
  update: (key: string, updater: (old: unknown) => unknown) => Promise<void>;
}

/** What a tab tells the others after a write: the zones at their new revisions. */
export interface SyncMessage {
  tab: string;
  zones: { id: string; rev: number; conflicts: string[] }[];
  meta: boolean;
}

export interface SyncChannel {
  post: (message: SyncMessage) => void;
  listen: (handler: (message: SyncMessage) => void) => () => void;
}

export const idbRecords: RecordStore = {
  get: (key) => get(key),
  set: (key, value) => set(key, value),
  setMany: (items) => setMany(items),
  del: (key) => del(key),
  entries: () => entries(),
  update: (key, updater) => update(key, updater),
};

/** The tabs of one origin; no-op where BroadcastChannel is missing (tabs then sync on focus). */
export function broadcastChannel(name: string): SyncChannel {
  if (typeof BroadcastChannel === "undefined") return { post: () => {}, listen: () => () => {} };
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen: (handler) => {
      const onMessage = (e: MessageEvent<SyncMessage>) => handler(e.data);
      channel.addEventListener("message", onMessage);
      return () => channel.removeEventListener("message", onMessage);
    },
  };
}
