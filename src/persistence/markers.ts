/**
 * Removal markers and the tabs that must see them. A removed zone's record stays as a marker
 * (zone null) so other tabs remove the zone too; it is deleted once every open tab has seen it.
 * Open tabs say so in a small presence record, refreshed while they run; a tab not heard from in
 * PRESENCE_TTL_MS is taken as closed (a tab frozen longer learns of removals on its next read:
 * a zone it knew whose record is gone was removed, see sync.ts).
 */
import { isJournalKey, parseJournal } from "./journal";
import { parseZoneRecord, zoneIdOfKey, zoneKey } from "./persist";

const TAB_PREFIX = "czd-tab-v2:";

/** Longer than background tabs' throttled timers (once a minute in Chromium) can delay a beat. */
export const PRESENCE_TTL_MS = 3 * 60_000;
/** How often an open tab refreshes its presence record. */
export const PRESENCE_BEAT_MS = 30_000;

export interface Presence {
  version: 2;
  tab: string;
  /** When the tab last said it was open (ms since the epoch). */
  at: number;
}

export function tabKey(tab: string): string {
  return `${TAB_PREFIX}${tab}`;
}

export function isTabKey(key: unknown): key is string {
  return typeof key === "string" && key.startsWith(TAB_PREFIX);
}

export function parsePresence(value: unknown): Presence | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Partial<Presence>;
  if (v.version !== 2 || typeof v.tab !== "string" || typeof v.at !== "number") return null;
  return { version: 2, tab: v.tab, at: v.at };
}

export interface Sweep {
  /** Removal markers every open tab has seen, with the revision seen (delete only that). */
  markers: { key: string; rev: number }[];
  /** Presence records of tabs not heard from in PRESENCE_TTL_MS. */
  stale: string[];
}

/**
 * What may be deleted now, from all the project's records. A marker a journal still names stays:
 * replaying that journal lays its edit on the marker's last version of the zone.
 */
export function sweepable(entries: [unknown, unknown][], self: string, now: number): Sweep {
  const open = new Set([self]);
  const stale: string[] = [];
  const named = new Set<string>();
  for (const [key, value] of entries) {
    if (isTabKey(key)) {
      const p = parsePresence(value);
      if (p && now - p.at <= PRESENCE_TTL_MS) open.add(p.tab);
      else stale.push(key);
    }
    if (isJournalKey(key)) for (const e of parseJournal(value)?.entries ?? []) named.add(e.id);
  }
  const markers: Sweep["markers"] = [];
  for (const [key, value] of entries) {
    const id = zoneIdOfKey(key);
    const rec = id === null ? null : parseZoneRecord(value);
    if (id === null || !rec || rec.zone !== null || named.has(id)) continue;
    const seen = new Set(rec.seenBy ?? []);
    if ([...open].every((t) => seen.has(t))) markers.push({ key: zoneKey(id), rev: rec.rev });
  }
  return { markers, stale };
}

/** The marker record with `tab` among those that saw it (anything else as it was). */
export function withSeen(old: unknown, tab: string): unknown {
  const rec = parseZoneRecord(old);
  if (!rec || rec.zone !== null || rec.seenBy?.includes(tab)) return old;
  return { ...(old as object), seenBy: [...(rec.seenBy ?? []), tab] };
}

/** Undefined (delete) when `old` is still the marker at `rev`; otherwise `old` as it is. */
export function unlessRewritten(old: unknown, rev: number): unknown {
  const rec = parseZoneRecord(old);
  return rec && rec.zone === null && rec.rev === rev ? undefined : old;
}
