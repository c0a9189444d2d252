/**
 * The project as IndexedDB holds it, read whole at the start of a tab (and on a pull): the zone
 * records, the meta record, the journals tabs left behind (replayed, then deleted), and the v1
 * single-blob record of older versions (migrated, then deleted).
 */
import { isJournalKey, type Journal, parseJournal, type Replayed, replayJournals } from "./journal";
import {
  META_KEY,
  PROJECT_KEY,
  parseSavedProject,
  parseZoneRecord,
  type ZoneRecord,
  zoneIdOfKey,
  zoneKey,
} from "./persist";
import type { RecordStore } from "./record-store";

export interface Saved {
  zones: [string, ZoneRecord][];
  meta: unknown;
  journals: [string, Journal][];
}

export async function readSaved(records: RecordStore): Promise<Saved> {
  const saved: Saved = { zones: [], meta: null, journals: [] };
  for (const [key, value] of await records.entries()) {
    const id = zoneIdOfKey(key);
    const rec = id === null ? null : parseZoneRecord(value);
    const journal = isJournalKey(key) ? parseJournal(value) : null;
    if (id !== null && rec) saved.zones.push([id, rec]);
    if (isJournalKey(key) && journal) saved.journals.push([key, journal]);
    if (key === META_KEY) saved.meta = value;
  }
  return saved;
}

/** Settle the journals tabs left behind (closed or crashed right after an edit). */
export async function replaySaved(
  records: RecordStore,
  saved: Saved,
  tab: string,
  nextOrder: () => number,
): Promise<Saved & { kept: Replayed["kept"] }> {
  const byId = new Map(saved.zones);
  const { writes, kept } = replayJournals(
    saved.journals.map(([, j]) => j),
    byId,
    tab,
    nextOrder,
  );
  if (writes.size > 0) {
    await records.setMany([...writes].map(([id, rec]): [string, unknown] => [zoneKey(id), rec]));
  }
  for (const [key] of saved.journals) await records.del(key);
  for (const [id, rec] of writes) byId.set(id, rec);
  return { ...saved, zones: [...byId], journals: [], kept };
}

/** The v1 single-blob project, rewritten as v2 records (then the blob is deleted). */
export async function migrateV1(records: RecordStore, tab: string): Promise<Saved | null> {
  const legacy = parseSavedProject(await records.get(PROJECT_KEY));
  if (!legacy) return null;
  const zones = legacy.zones.map((zone, order): [string, ZoneRecord] => [
    zone.id,
    { version: 2, rev: 1, order, zone, tab },
  ]);
  const { activeZoneId, customRuleSets, hubLayers } = legacy;
  const meta = { version: 2, activeZoneId, customRuleSets, hubLayers };
  await records.setMany([
    ...zones.map(([id, rec]): [string, unknown] => [zoneKey(id), rec]),
    [META_KEY, meta],
  ]);
  await records.del(PROJECT_KEY);
  return { zones, meta, journals: [] };
}
