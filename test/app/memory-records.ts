/** In-memory stand-ins for IndexedDB and BroadcastChannel: tabs of one project inside one test. */
import type { RecordStore, SyncChannel, SyncMessage } from "../../src/persistence/record-store";

/** A record store over a Map; values are cloned in and out, as IndexedDB would. */
export function createMemoryRecords(): RecordStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  return {
    data,
    get: async (key) => clone(data.get(key)),
    set: async (key, value) => {
      data.set(key, clone(value));
    },
    setMany: async (items) => {
      for (const [key, value] of items) data.set(key, clone(value));
    },
    del: async (key) => {
      data.delete(key);
    },
    entries: async () => [...data].map(([k, v]): [unknown, unknown] => [k, clone(v)]),
    update: async (key, updater) => {
      data.set(key, clone(updater(clone(data.get(key)))));
    },
    modify: async (key, updater) => {
      const value = updater(clone(data.get(key)));
      if (value === undefined) data.delete(key);
      else data.set(key, clone(value));
    },
    journal: async (key, value) => {
      if (value === null) data.delete(key);
      else data.set(key, clone(value));
    },
  };
}

/** Channels between tabs whose messages wait until `deliver()`: a test decides what races. */
export function createChannelHub() {
  const listeners = new Set<{ handler: (m: SyncMessage) => void }>();
  const queued: { from: object; message: SyncMessage }[] = [];
  return {
    channel(): SyncChannel {
      const self = { handler: (_m: SyncMessage) => {} };
      return {
        post: (message) => queued.push({ from: self, message: structuredClone(message) }),
        listen: (handler) => {
          self.handler = handler;
          listeners.add(self);
          return () => listeners.delete(self);
        },
      };
    },
    deliver(): void {
      for (const { from, message } of queued.splice(0)) {
        for (const l of listeners) if (l !== from) l.handler(message);
      }
    },
  };
}
