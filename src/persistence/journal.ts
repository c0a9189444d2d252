/**
 * A tab's edits not yet settled in the zone records, written blind in the task of the edit (no
 * read first, commit requested at once), so they survive a reload or a crash a millisecond
 * later. The next start of the app replays journals left behind into the zone records, through
 * the same merge as two tabs' writes: a journal never overwrites what another tab wrote since.
 */

import type { ZoneDoc } from "../store/types";
import type { ZoneRecord } from "./persist";
import { type Merged, mergeZones } from "./zone-merge";

const JOURNAL_PREFIX = "czd-journal-v2:";

export interface JournalEntry {
  id: string;
  /** The record's revision and zone the edit was made on (0 and null: a zone not yet written). */
  baseRev: number;
  base: ZoneDoc | null;
  zone: ZoneDoc | null;
}

export interface Journal {
  version: 2;
  tab: string;
  entries: JournalEntry[];
}

export function journalKey(tab: string): string {
  return `${JOURNAL_PREFIX}${tab}`;
}

export function isJournalKey(key: unknown): key is string {
  return typeof key === "string" && key.startsWith(JOURNAL_PREFIX);
}

export function parseJournal(value: unknown): Journal | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Partial<Journal>;
  if (v.version !== 2 || !Array.isArray(v.entries)) return null;
  const entries = v.entries.filter(
    (e): e is JournalEntry =>
      typeof e === "object" &&
      e !== null &&
      typeof e.id === "string" &&
      typeof e.baseRev === "number",
  );
  return { version: 2, tab: String(v.tab ?? ""), entries };
}

export interface Replayed {
  /** Zone records to write, by zone id. */
  writes: Map<string, ZoneRecord>;
  /** Conflicts met: the other side is kept for an undo step. */
  kept: { id: string; merged: Merged }[];
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The records after the journals' edits, written as the tabs that made them would have. */
export function replayJournals(
  journals: Journal[],
  records: Map<string, ZoneRecord>,
  tab: string,
  nextOrder: () => number,
): Replayed {
  const writes = new Map<string, ZoneRecord>();
  const kept: Replayed["kept"] = [];
  for (const journal of journals) {
    for (const e of journal.entries) {
      const rec = writes.get(e.id) ?? records.get(e.id);
      const write = (zone: ZoneDoc | null) =>
        writes.set(e.id, {
          version: 2,
          rev: (rec?.rev ?? 0) + 1,
          order: rec?.order ?? nextOrder(),
          zone,
          tab,
        });
      if ((rec?.rev ?? 0) === e.baseRev) {
        if (rec || e.zone) write(e.zone);
        continue;
      }
      const merged = mergeZones(e.base, e.zone, rec?.zone ?? null);
      if (same(merged.zone, rec?.zone ?? null)) continue;
      write(merged.zone);
      if (merged.theirsKept) kept.push({ id: e.id, merged });
    }
  }
  return { writes, kept };
}
