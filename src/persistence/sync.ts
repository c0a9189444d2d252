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
import { isJournalKey, type Journal, journalKey, parseJournal, replayJournals } from "./journal";
import {
  META_KEY,
  metaOf,
  PROJECT_KEY,
  parseMetaRecord,
  parseSavedProject,
  parseZoneRecord,
  type ZoneRecord,
  zoneIdOfKey,
  zoneKey,
} from "./persist";
import type { RecordStore, SyncChannel, SyncMessage } from "./record-store";
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
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function zoneIn(s: AppState, id: string): ZoneDoc | null {
  return s.zones.find((z) => z.id === id) ?? null;
}

/** Both tabs changed the same things: one version is shown, the other is one undo step back. */
export function conflictNotice(zoneName: string, what: string[]): Notice {
  const fill = (text: string) =>
    text.replace("{zone}", zoneName).replace("{what}", what.join(", "));
  return { kind: "info", ko: fill(ko.syncConflict), en: fill(en.syncConflict) };
}

export function createSync(
  store: AppStore,
  records: RecordStore,
  channel: SyncChannel,
  tab: string,
): Sync {
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
  const nextOrder = () => Date.now() + (orderSeq++ % 1000) / 1000;

  /** The zones not yet settled, put in this tab's journal at once (see journal.ts). */
  const writeJournal = () => {
    const s = store.getState();
    const ids = new Set([...dirty, ...inFlight]);
    const entries = [...ids].map((id) => {
      const k = known.get(id);
      return { id, baseRev: k?.rev ?? 0, base: k?.zone ?? null, zone: zoneIn(s, id) };
    });
    const journal: Journal = { version: 2, tab, entries };
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
      applyRemote(store, id, merged.zone, zoneChange(base, incoming));
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

  const takeIn = (id: string, rec: ZoneRecord, flagged: string[]) => {
    const k = known.get(id);
    if (k && k.rev >= rec.rev) return;
    known.set(id, { rev: rec.rev, order: rec.order, zone: rec.zone });
    const before = zoneIn(store.getState(), id);
    integrate(id, k?.zone ?? null, rec.zone, flagged.length > 0 ? before : null, flagged);
  };

  const write = async (id: string): Promise<SyncMessage["zones"][number]> => {
    const ours = zoneIn(store.getState(), id);
    const base = known.get(id) ?? null;
    const out: { record?: ZoneRecord; merged?: Merged } = {};
    await records.update(zoneKey(id), (old) => {
      const theirs = parseZoneRecord(old);
      const rev = (theirs?.rev ?? 0) + 1;
      const order = theirs?.order ?? base?.order ?? nextOrder();
      // Someone else wrote since this tab last read or wrote the zone: merge, never overwrite.
      const raced = (theirs?.rev ?? 0) !== (base?.rev ?? 0);
      out.merged = raced
        ? mergeZones(base?.zone ?? null, ours, theirs?.zone ?? null)
        : { zone: ours, conflicts: [], theirsKept: null };
      out.record = { version: 2, rev, order, zone: out.merged.zone, tab };
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
    if (withMeta) await records.set(META_KEY, metaOf(store.getState()));
    if (zones.length > 0 || withMeta) channel.post({ tab, zones, meta: withMeta });
    if (dirty.size === 0 && !metaDirty && !scheduled) store.getState().setSaveState("saved");
  };

  const onChange = (s: AppState, prev: AppState) => {
    if (applying) return;
    if (s.zones !== seen) {
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
    if (dirty.size > 0) writeJournal();
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
        const rec = parseZoneRecord(await records.get(zoneKey(z.id)));
        if (rec) takeIn(z.id, rec, z.conflicts);
      }
      if (message.meta) takeMeta(await records.get(META_KEY));
    });
  };

  interface Saved {
    zones: [string, ZoneRecord][];
    meta: unknown;
    journals: [string, Journal][];
  }
  const readAll = async (): Promise<Saved> => {
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
  };

  /** Settle the journals tabs left behind (closed or crashed right after an edit). */
  const replay = async (
    saved: Saved,
  ): Promise<Saved & { kept: ReturnType<typeof replayJournals>["kept"] }> => {
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
  };

  /** The v1 single-blob project, rewritten as v2 records (then the blob is deleted). */
  const migrate = async (): Promise<Saved | null> => {
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
  };

  const restore = async (): Promise<boolean> => {
    try {
      const read = await readAll();
      const saved = await replay(read.zones.length === 0 ? ((await migrate()) ?? read) : read);
      for (const [id, rec] of saved.zones) {
        known.set(id, { rev: rec.rev, order: rec.order, zone: rec.zone });
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
      for (const [id, rec] of (await readAll()).zones) takeIn(id, rec, []);
    });

  const flushed = async () => {
    do {
      await queue;
      await Promise.resolve();
    } while (scheduled || dirty.size > 0 || metaDirty);
    await queue;
  };

  const start = () => {
    seen = store.getState().zones;
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

  return { restore, start, pull, flushed };
}
