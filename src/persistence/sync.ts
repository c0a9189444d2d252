/**
 * Autosave and tab sync. An edit writes its zone's record at once (in the task of the edit, not
 * after a delay), and "saved" shows only when that write has completed. Each record carries a
 * revision: a tab that finds a revision it did not know merges the other tab's version with its
 * own (zone-merge.ts) instead of overwriting it, and tells the other tabs what it wrote so they
 * read it back. Nothing here touches the DOM: storage and channel are passed in.
 */
import { en } from "../i18n/en";
import { ko } from "../i18n/ko";
import type { AppStore } from "../store/store";
import type { AppState, Notice, ZoneDoc } from "../store/types";
import { applyRemote, pushUndoStep } from "./history";
import { type Journal, type JournalEntry, journalKey } from "./journal";
import { zoneEdit } from "./journal-change";
import { sweepable, tabKey, unlessRewritten, withSeen } from "./markers";
import {
  META_KEY,
  metaOf,
  parseMetaRecord,
  parseZoneRecord,
  type ZoneRecord,
  zoneKey,
} from "./persist";
import type { RecordStore, SyncChannel, SyncMessage } from "./record-store";
import { migrateV1, readSaved, replaySaved } from "./saved";
import { type Merged, mergeZones, zoneChange } from "./zone-merge";

interface Known {
  rev: number;
  order: number;
  zone: ZoneDoc | null;
}

export interface Sync {
  /** Read the saved project into the store (undo history starts empty); false when none. */
  restore: () => Promise<boolean>;
  /** Start writing edits and listening to other tabs. Returns stop. */
  start: () => () => void;
  /** Read every zone record and take in what other tabs wrote (on focus, or with no channel). */
  pull: () => Promise<void>;
  /** Resolves once everything changed so far is written. */
  flushed: () => Promise<void>;
  /** Say this tab is still open (removal markers wait for open tabs to see them). */
  heartbeat: () => Promise<void>;
  /** Say this tab is closed: markers no longer wait for it. */
  leave: () => Promise<void>;
}

export interface SyncOptions {
  /** The clock presence records are stamped with (tests pass their own). */
  now?: () => number;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function zoneIn(s: AppState, id: string): ZoneDoc | null {
  return s.zones.find((z) => z.id === id) ?? null;
}

/** Both tabs changed the same things: one version is shown, the other is one undo step back. */
export function conflictNotice(zoneName: string, what: string[]): Notice {
  const fill = (text: string) =>
    text.replace("{zone}", zoneName).replace("{what}", what.join(", "));
  // It stays until read: the other version is one undo step back, and only for now.
  return { kind: "info", ko: fill(ko.syncConflict), en: fill(en.syncConflict), stay: true };
}

export function createSync(
  store: AppStore,
  records: RecordStore,
  channel: SyncChannel,
  tab: string,
  options: SyncOptions = {},
): Sync {
  const now = options.now ?? Date.now;
  const known = new Map<string, Known>();
  const dirty = new Set<string>();
  /** Zones being written now: still in the journal until their write is done. */
  const inFlight = new Set<string>();
  let metaDirty = false;
  let seen = store.getState().zones;
  let queue: Promise<void> = Promise.resolve();
  let scheduled = false;
  let applying = false;
  let orderSeq = 0;

  const enqueue = (job: () => Promise<void>): Promise<void> => {
    queue = queue.then(job).catch(() => store.getState().setSaveState("failed"));
    return queue;
  };
  /** An order after every zone's known so far: a new zone goes last, whatever its id. */
  const nextOrder = () => {
    let last = 0;
    for (const k of known.values()) last = Math.max(last, k.order);
    return Math.max(now(), Math.floor(last) + 1) + (orderSeq++ % 1000) / 1000;
  };
  const rank = (id: string) => known.get(id)?.order ?? Number.POSITIVE_INFINITY;

  /**
   * The zones not yet settled, put in this tab's journal at once (see journal.ts): what changed
   * since the record this tab knows, or the whole zone when no record holds it yet.
   */
  const writeJournal = () => {
    const s = store.getState();
    const ids = new Set([...dirty, ...inFlight]);
    const entries = [...ids].map((id): JournalEntry => {
      const k = known.get(id);
      const zone = zoneIn(s, id);
      const baseRev = k?.rev ?? 0;
      if (k?.zone && zone) return { id, baseRev, edit: zoneEdit(k.zone, zone) };
      return { id, baseRev, zone };
    });
    const journal: Journal = { version: 3, tab, entries };
    records.journal(journalKey(tab), entries.length > 0 ? journal : null).catch(() => {
      store.getState().setSaveState("failed");
    });
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      void enqueue(writeDirty);
    });
  };

  /**
   * Take `incoming` (another tab's version of zone `id`, made from `base`) into the store,
   * merged with what this tab changed meanwhile; `other`, when given, stays one undo step back.
   */
  const integrate = (
    id: string,
    base: ZoneDoc | null,
    incoming: ZoneDoc | null,
    other: ZoneDoc | null,
    conflicts: string[],
  ) => {
    const current = zoneIn(store.getState(), id);
    const merged = mergeZones(base, current, incoming);
    applying = true;
    try {
      applyRemote(store, id, merged.zone, zoneChange(base, incoming), rank);
      const keep = merged.theirsKept ?? other;
      if (keep) pushUndoStep(store, id, keep);
    } finally {
      applying = false;
    }
    seen = store.getState().zones;
    const all = [...conflicts, ...merged.conflicts];
    const name = merged.zone?.name ?? current?.name ?? id;
    if (all.length > 0) store.getState().notify(conflictNotice(name, all));
    if (!same(merged.zone, incoming)) {
      dirty.add(id);
      schedule();
    }
  };

  /** Removal markers this tab has seen, to say so in their records; then sweep. */
  const seenMarkers = new Set<string>();
  const ackAndSweep = async () => {
    const ids = [...seenMarkers];
    seenMarkers.clear();
    for (const id of ids) await records.modify(zoneKey(id), (old) => withSeen(old, tab));
    const { markers, stale } = sweepable(await records.entries(), tab, now());
    for (const m of markers) await records.modify(m.key, (old) => unlessRewritten(old, m.rev));
    for (const key of stale) await records.del(key);
  };

  const takeIn = (id: string, rec: ZoneRecord, flagged: string[]) => {
    const k = known.get(id);
    if (k && k.rev >= rec.rev) return;
    known.set(id, { rev: rec.rev, order: rec.order, zone: rec.zone });
    if (rec.zone === null) seenMarkers.add(id);
    const before = zoneIn(store.getState(), id);
    integrate(id, k?.zone ?? null, rec.zone, flagged.length > 0 ? before : null, flagged);
  };

  /**
   * Zone `id`, which this tab knew, has no record any more: it was removed and its marker swept
   * while this tab was not heard from (frozen in the background). Taken as a removal; an edit
   * made here meanwhile wins over it, as over any removal.
   */
  const takeGone = (id: string) => {
    const k = known.get(id);
    if (!k || k.zone === null) return;
    known.set(id, { ...k, zone: null });
    integrate(id, k.zone, null, null, []);
  };

  const write = async (id: string): Promise<SyncMessage["zones"][number]> => {
    const ours = zoneIn(store.getState(), id);
    const base = known.get(id) ?? null;
    const out: { record?: ZoneRecord; merged?: Merged } = {};
    await records.update(zoneKey(id), (old) => {
      const theirs = parseZoneRecord(old);
      // Past any revision a tab may know, even of a removal marker swept since.
      const rev = Math.max(theirs?.rev ?? 0, base?.rev ?? 0) + 1;
      const order = theirs?.order ?? base?.order ?? nextOrder();
      // Someone else wrote since this tab last read or wrote the zone: merge, never overwrite.
      const raced = (theirs?.rev ?? 0) !== (base?.rev ?? 0);
      out.merged = raced
        ? mergeZones(base?.zone ?? null, ours, theirs?.zone ?? null)
        : { zone: ours, conflicts: [], theirsKept: null };
      out.record = { version: 2, rev, order, zone: out.merged.zone, tab };
      if (out.merged.zone === null) {
        // A removal marker: seen by this tab so far; keeps the zone for journals still naming it.
        out.record.seenBy = [tab];
        out.record.last = theirs?.zone ?? base?.zone ?? null;
      }
      return out.record;
    });
    const { record, merged } = out;
    if (!record || !merged) throw new Error(`zone ${id} was not written`);
    known.set(id, { rev: record.rev, order: record.order, zone: record.zone });
    if (merged.zone !== ours) integrate(id, ours, merged.zone, merged.theirsKept, merged.conflicts);
    return { id, rev: record.rev, conflicts: merged.conflicts };
  };

  const writeDirty = async () => {
    const ids = [...dirty];
    dirty.clear();
    for (const id of ids) inFlight.add(id);
    const withMeta = metaDirty;
    metaDirty = false;
    const zones = await Promise.all(ids.map(write));
    inFlight.clear();
    if (ids.length > 0 && dirty.size === 0) await records.journal(journalKey(tab), null);
    if (ids.some((id) => known.get(id)?.zone === null)) await ackAndSweep();
    if (withMeta) await records.set(META_KEY, metaOf(store.getState()));
    if (zones.length > 0 || withMeta) channel.post({ tab, zones, meta: withMeta });
    if (dirty.size === 0 && !metaDirty && !scheduled) store.getState().setSaveState("saved");
  };

  const onChange = (s: AppState, prev: AppState) => {
    if (applying) return;
    const zonesChanged = s.zones !== seen;
    if (zonesChanged) {
      const before = new Map(seen.map((z) => [z.id, z]));
      for (const z of s.zones) {
        if (before.get(z.id) !== z) dirty.add(z.id);
        before.delete(z.id);
      }
      for (const id of before.keys()) dirty.add(id);
      seen = s.zones;
    }
    if (
      s.customRuleSets !== prev.customRuleSets ||
      s.hubLayers !== prev.hubLayers ||
      s.activeZoneId !== prev.activeZoneId
    ) {
      metaDirty = true;
    }
    if (dirty.size === 0 && !metaDirty) return;
    // Only for a change of the zones: any other change of the store (the "saving" state this
    // sets, a hover) would write the same journal again.
    if (zonesChanged && dirty.size > 0) writeJournal();
    if (s.saveState !== "pending") s.setSaveState("pending");
    schedule();
  };

  const takeMeta = (value: unknown) => {
    const meta = parseMetaRecord(value);
    if (!meta) return;
    const builtin = store.getState().hubLayers.filter((l) => l.builtin);
    applying = true;
    try {
      store.setState({
        customRuleSets: meta.customRuleSets,
        hubLayers: [...builtin, ...meta.hubLayers],
      });
    } finally {
      applying = false;
    }
  };

  const receive = (message: SyncMessage) => {
    if (message.tab === tab) return;
    void enqueue(async () => {
      for (const z of message.zones) {
        if ((known.get(z.id)?.rev ?? 0) >= z.rev) continue;
        const value = await records.get(zoneKey(z.id));
        const rec = parseZoneRecord(value);
        if (rec) takeIn(z.id, rec, z.conflicts);
        else if (value === undefined) takeGone(z.id);
      }
      if (seenMarkers.size > 0) await ackAndSweep();
      if (message.meta) takeMeta(await records.get(META_KEY));
    });
  };

  const restore = async (): Promise<boolean> => {
    try {
      const read = await readSaved(records);
      const legacy = read.zones.length === 0 ? await migrateV1(records, tab) : null;
      const saved = await replaySaved(records, legacy ?? read, tab, nextOrder);
      for (const [id, rec] of saved.zones) {
        known.set(id, { rev: rec.rev, order: rec.order, zone: rec.zone });
        if (rec.zone === null) seenMarkers.add(id);
      }
      const zones = saved.zones
        .map(([, rec]) => rec)
        .sort((a, b) => a.order - b.order)
        .flatMap((rec) => (rec.zone ? [rec.zone] : []));
      const first = zones[0];
      if (!first) return false;
      const meta = parseMetaRecord(saved.meta);
      const builtin = store.getState().hubLayers.filter((l) => l.builtin);
      store.setState({
        zones,
        activeZoneId: zones.some((z) => z.id === meta?.activeZoneId)
          ? (meta?.activeZoneId ?? first.id)
          : first.id,
        customRuleSets: meta?.customRuleSets ?? [],
        hubLayers: [...builtin, ...(meta?.hubLayers ?? [])],
        saveState: "restored",
      });
      store.temporal.getState().clear();
      for (const { id, merged } of saved.kept) {
        pushUndoStep(store, id, merged.theirsKept);
        store.getState().notify(conflictNotice(merged.zone?.name ?? id, merged.conflicts));
      }
      seen = store.getState().zones;
      return true;
    } catch {
      store.getState().setSaveState("failed");
      return false;
    }
  };

  const pull = () =>
    enqueue(async () => {
      const saved = await readSaved(records);
      for (const [id, rec] of saved.zones) takeIn(id, rec, []);
      const held = new Set(saved.zones.map(([id]) => id));
      const live = [...known].filter(([, k]) => k.zone !== null).map(([id]) => id);
      // Every record gone at once is storage cleared, not removals: write this tab's back.
      if (live.length > 0 && live.every((id) => !held.has(id))) {
        for (const id of live) {
          const k = known.get(id);
          if (k) known.set(id, { ...k, zone: null });
          dirty.add(id);
        }
        schedule();
      } else {
        for (const id of live) if (!held.has(id)) takeGone(id);
      }
      if (seenMarkers.size > 0) await ackAndSweep();
    });

  const flushed = async () => {
    do {
      await queue;
      await Promise.resolve();
    } while (scheduled || dirty.size > 0 || metaDirty);
    await queue;
  };

  const heartbeat = () => records.set(tabKey(tab), { version: 2, tab, at: now() });
  const leave = () => records.del(tabKey(tab));

  const start = () => {
    seen = store.getState().zones;
    void enqueue(async () => {
      await heartbeat();
      // Markers read at restore were seen here; the last tab to see one deletes it.
      if (seenMarkers.size > 0) await ackAndSweep();
    });
    // A zone no record holds yet (the first one of a new project) is written now, so that a
    // second tab starts from the same base and a later edit of it in both is seen as such.
    for (const z of seen) if (!known.has(z.id)) dirty.add(z.id);
    if (dirty.size > 0) schedule();
    const unsubscribe = store.subscribe(onChange);
    const unlisten = channel.listen(receive);
    return () => {
      unsubscribe();
      unlisten();
    };
  };

  return { restore, start, pull, flushed, heartbeat, leave };
}
