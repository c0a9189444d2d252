/**
 * Where autosave keeps its records and how tabs tell each other what changed: IndexedDB through
 * idb-keyval and a BroadcastChannel in the app, in-memory stand-ins in tests.
 */
import {
  createStore,
  del,
  entries,
  get,
  promisifyRequest,
  set,
  setMany,
  type UseStore,
  update,
} from "idb-keyval";

export interface RecordStore {
  get: (key: string) => Promise<unknown>;
  set: (key: string, value: unknown) => Promise<void>;
  setMany: (items: [string, unknown][]) => Promise<void>;
  del: (key: string) => Promise<void>;
  entries: () => Promise<[unknown, unknown][]>;
  /** Read and write one key in one transaction: no other write can come between. */
  update: (key: string, updater: (old: unknown) => unknown) => Promise<void>;
  /** Like update, but `undefined` from the updater deletes the key (or leaves it absent). */
  modify: (key: string, updater: (old: unknown) => unknown) => Promise<void>;
  /**
   * Put (or delete, for null) a value with its commit requested in the same task: it lands even
   * if the page is closed or reloaded right after, without waiting for the page's next turn.
   */
  journal: (key: string, value: unknown) => Promise<void>;
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

// idb-keyval's own default database and store, so records written before stay where they were.
const db = createStore("keyval-store", "keyval");

/** The same store, with every read-write transaction told to commit once its requests are in. */
const committing: UseStore = (mode, callback) =>
  db(mode, (store) => {
    const out = callback(store);
    if (mode === "readwrite") store.transaction.commit();
    return out;
  });

export const idbRecords: RecordStore = {
  get: (key) => get(key, db),
  set: (key, value) => set(key, value, db),
  setMany: (items) => setMany(items, db),
  del: (key) => del(key, db),
  entries: () => entries(db),
  update: (key, updater) => update(key, updater, db),
  modify: (key, updater) =>
    db(
      "readwrite",
      (store) =>
        // Put or delete in the read's own callback, as idb-keyval's update does: the
        // transaction is still active there.
        new Promise<void>((resolve, reject) => {
          const read = store.get(key);
          read.onsuccess = () => {
            try {
              const value = updater(read.result);
              if (value === undefined) store.delete(key);
              else store.put(value, key);
              resolve(promisifyRequest(store.transaction));
            } catch (err) {
              reject(err);
            }
          };
          read.onerror = () => reject(read.error);
        }),
    ),
  journal: (key, value) => (value === null ? del(key, committing) : set(key, value, committing)),
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
