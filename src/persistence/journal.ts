/**
 * A tab's edits not yet settled in the zone records, written blind in the task of the edit (no
 * read first, commit requested at once), so they survive a reload or a crash a millisecond
 * later. The next start of the app replays journals left behind into the zone records, through
 * the same merge as two tabs' writes: a journal never overwrites what another tab wrote since.
 *
 * Version 3 keeps what an edit changed (journal-change.ts), not the zone before and after: an
 * edit used to write its zone three times (twice here, once in the record). Version 2 journals,
 * which the app wrote before, are still replayed.
 */

import type { ZoneDoc } from "../store/types";
import { createZone } from "../store/zone-diff";
import { edgesOf, type ZoneEdit } from "./journal-change";
import type { ZoneRecord } from "./persist";
import { type Merged, mergeZones } from "./zone-merge";

const JOURNAL_PREFIX = "czd-journal-v2:";

export interface JournalEntry {
  id: string;
  /** The record's revision the edit was made on (0: a zone not yet written). */
  baseRev: number;
  /** What changed, for a zone the record held at `baseRev`. */
  edit?: ZoneEdit;
  /** Otherwise the zone whole: new here (no record to build on), or null once removed. */
  zone?: ZoneDoc | null;
  /** Version 2 only: the zone at `baseRev` (with `zone` beside it). */
  base?: ZoneDoc | null;
}

export interface Journal {
  version: 2 | 3;
  tab: string;
  entries: JournalEntry[];
}

export function journalKey(tab: string): string {
  return `${JOURNAL_PREFIX}${tab}`;
}

export function isJournalKey(key: unknown): key is string {
  return typeof key === "string" && key.startsWith(JOURNAL_PREFIX);
}

function isEntry(e: unknown, version: 2 | 3): e is JournalEntry {
  if (typeof e !== "object" || e === null) return false;
  const v = e as Partial<JournalEntry>;
  if (typeof v.id !== "string" || typeof v.baseRev !== "number") return false;
  if (version === 2) return v.zone !== undefined && v.base !== undefined;
  const edit = v.edit;
  if (edit === undefined) return v.zone !== undefined;
  return (
    typeof edit === "object" &&
    Array.isArray(edit.put) &&
    Array.isArray(edit.remove) &&
    Array.isArray(edit.was)
  );
}

export function parseJournal(value: unknown): Journal | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Partial<Journal>;
  if ((v.version !== 2 && v.version !== 3) || !Array.isArray(v.entries)) return null;
  const version = v.version;
  const entries = v.entries.filter((e) => isEntry(e, version));
  return { version, tab: String(v.tab ?? ""), entries };
}

export interface Replayed {
  /** Zone records to write, by zone id. */
  writes: Map<string, ZoneRecord>;
  /** Conflicts met: the other side is kept for an undo step. */
  kept: { id: string; merged: Merged }[];
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The entry's two sides (the zone it was made on, and the tab's version), as of `rec`. */
function sidesOf(
  e: JournalEntry,
  rec: ZoneRecord | undefined,
): { base: ZoneDoc | null; ours: ZoneDoc | null } {
  if (e.base !== undefined) return { base: e.base, ours: e.zone ?? null };
  if (e.edit) {
    // A zone another tab removed since: the edit is laid on its last version (kept in the
    // removal marker), so the edited zone comes back whole; a deleted side loses to an edit.
    const on = rec?.zone ?? rec?.last ?? createZone(e.id);
    return edgesOf(e.edit, on);
  }
  // New here (nothing to build on), or removed: the record at baseRev is what it was removed from.
  const fresh = (rec?.rev ?? 0) === e.baseRev;
  return { base: e.zone === null && fresh ? (rec?.zone ?? null) : null, ours: e.zone ?? null };
}

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
      const { base, ours } = sidesOf(e, rec);
      const write = (zone: ZoneDoc | null) =>
        writes.set(e.id, {
          version: 2,
          // Past any revision a tab may know, even of a removal marker since swept.
          rev: Math.max(rec?.rev ?? 0, e.baseRev) + 1,
          order: rec?.order ?? nextOrder(),
          zone,
          tab,
          ...(zone === null ? { seenBy: [tab], last: rec?.zone ?? rec?.last ?? base } : {}),
        });
      if ((rec?.rev ?? 0) === e.baseRev) {
        if (rec || ours) write(ours);
        continue;
      }
      const merged = mergeZones(base, ours, rec?.zone ?? null);
      if (same(merged.zone, rec?.zone ?? null)) continue;
      write(merged.zone);
      if (merged.theirsKept) kept.push({ id: e.id, merged });
    }
  }
  return { writes, kept };
}
