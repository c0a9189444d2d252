/** Tabs of one project inside one test: a store and its sync over shared in-memory records. */
import { parseZoneRecord, zoneIdOfKey } from "../../src/persistence/persist";
import { createSync, type Sync, type SyncOptions } from "../../src/persistence/sync";
import { createAppStore } from "../../src/store/store";
import type { ZoneDoc } from "../../src/store/types";
import type { createChannelHub, createMemoryRecords } from "./memory-records";

export type Records = ReturnType<typeof createMemoryRecords>;
export type Hub = ReturnType<typeof createChannelHub>;

export async function openTab(records: Records, hub: Hub, tab: string, options?: SyncOptions) {
  const store = createAppStore();
  const sync = createSync(store, records, hub.channel(), tab, options);
  await sync.restore();
  sync.start();
  await sync.flushed();
  return { store, sync };
}

/** Every zone the records hold (not removed), by id. */
export function storedZones(records: Records): Map<string, ZoneDoc> {
  const out = new Map<string, ZoneDoc>();
  for (const [key, value] of records.data) {
    const id = zoneIdOfKey(key);
    const zone = id === null ? null : parseZoneRecord(value)?.zone;
    if (id !== null && zone) out.set(id, zone);
  }
  return out;
}

/** Everything written so far, then every message delivered, then what that caused written. */
export async function settle(hub: Hub, ...syncs: Sync[]): Promise<void> {
  for (const s of syncs) await s.flushed();
  hub.deliver();
  for (const s of syncs) await s.flushed();
}
