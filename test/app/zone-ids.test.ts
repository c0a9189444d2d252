/**
 * Issue 25: zones keep their identity. Ids are never reused (a deleted zone's id, or the id
 * another tab took at the same moment), a new zone goes after the others, default names are
 * free, removal markers go once every open tab has seen them, and an edit writes its zone once.
 */
import { describe, expect, it } from "vitest";
import { journalKey } from "../../src/persistence/journal";
import { tabKey } from "../../src/persistence/markers";
import { zoneKey } from "../../src/persistence/persist";
import type { AppStore } from "../../src/store/store";
import { createZone } from "../../src/store/zone-diff";
import { freeZoneName, newZoneId } from "../../src/store/zone-ids";
import { createParcel, createSquare } from "./factories";
import { createChannelHub, createMemoryRecords } from "./memory-records";
import { openTab, type Records, settle, storedZones } from "./tabs";

const names = (store: AppStore) => store.getState().zones.map((z) => z.name);
const rename = (store: AppStore, name: string) => store.getState().transact({ meta: { name } });
const zoneIdOf = (store: AppStore, name: string) =>
  store.getState().zones.find((z) => z.name === name)?.id ?? "";
const zoneRecordKeys = (records: Records) =>
  [...records.data.keys()].filter((k) => k.startsWith("czd-zone-v2:"));

describe("zone ids", () => {
  it("are fresh each time and not of the Z{n} form a deleted zone had", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newZoneId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^Z-[0-9a-f]{16}$/);
  });

  it("default names skip names the project has", () => {
    expect(freeZoneName("지구", ["지구 1", "지구 2"])).toBe("지구 3");
    expect(freeZoneName("지구", ["다", "지구 3"])).toBe("지구 4");
    expect(freeZoneName("Zone", ["지구 2"])).toBe("Zone 2");
  });

  it("a store's new zone takes a name no zone has, after deletes", () => {
    const records = createMemoryRecords();
    return openTab(records, createChannelHub(), "A").then(({ store }) => {
      store.getState().addZone();
      store.getState().addZone();
      expect(names(store)).toEqual(["지구 1", "지구 2", "지구 3"]);
      store.getState().removeZone(zoneIdOf(store, "지구 1"));
      store.getState().addZone();
      expect(names(store)).toEqual(["지구 2", "지구 3", "지구 4"]);
    });
  });
});

describe("delete 가 and 나, add 라 (issue 25)", () => {
  it("lists [다, 라] in this tab, the other tab and after a reload", async () => {
    const records = createMemoryRecords();
    const hub = createChannelHub();
    const a = await openTab(records, hub, "A");
    const b = await openTab(records, hub, "B");
    rename(a.store, "가");
    a.store.getState().addZone({ name: "나" });
    a.store.getState().addZone({ name: "다" });
    await settle(hub, a.sync, b.sync);
    a.store.getState().removeZone(zoneIdOf(a.store, "가"));
    a.store.getState().removeZone(zoneIdOf(a.store, "나"));
    a.store.getState().addZone();
    rename(a.store, "라");
    await settle(hub, a.sync, b.sync);
    expect(names(a.store)).toEqual(["다", "라"]);
    expect(names(b.store)).toEqual(["다", "라"]);
    const reloaded = await openTab(records, hub, "C");
    expect(names(reloaded.store)).toEqual(["다", "라"]);
  });
});

describe("two tabs adding a zone at the same moment", () => {
  it("end with both zones in both tabs, in the same order", async () => {
    const records = createMemoryRecords();
    const hub = createChannelHub();
    let clock = 1_000_000;
    const now = () => clock++;
    const a = await openTab(records, hub, "A", { now });
    const b = await openTab(records, hub, "B", { now });
    a.store.getState().addZone({ name: "A의 지구" });
    b.store.getState().addZone({ name: "B의 지구" });
    await settle(hub, a.sync, b.sync);
    await settle(hub, a.sync, b.sync);
    expect(a.store.getState().zones).toHaveLength(3);
    expect(names(a.store)).toEqual(names(b.store));
    expect(new Set(names(a.store))).toEqual(new Set(["지구 1", "A의 지구", "B의 지구"]));
    expect(a.store.getState().notice).toBeNull();
    const reloaded = await openTab(records, hub, "C", { now });
    expect(names(reloaded.store)).toEqual(names(a.store));
  });
});

describe("removal markers", () => {
  it("go at once when this is the only open tab", async () => {
    const records = createMemoryRecords();
    const { store, sync } = await openTab(records, createChannelHub(), "A");
    const gone = store.getState().addZone();
    await sync.flushed();
    store.getState().removeZone(gone);
    await sync.flushed();
    expect(records.data.has(zoneKey(gone))).toBe(false);
    expect(zoneRecordKeys(records)).toHaveLength(1);
  });

  it("stay until every open tab has seen the removal, then go", async () => {
    const records = createMemoryRecords();
    const hub = createChannelHub();
    const a = await openTab(records, hub, "A");
    const b = await openTab(records, hub, "B");
    const gone = a.store.getState().addZone();
    await settle(hub, a.sync, b.sync);
    a.store.getState().removeZone(gone);
    await a.sync.flushed();
    // B has not heard yet: the marker is what will tell it.
    expect(records.data.has(zoneKey(gone))).toBe(true);
    await settle(hub, a.sync, b.sync);
    expect(b.store.getState().zones.map((z) => z.id)).not.toContain(gone);
    expect(records.data.has(zoneKey(gone))).toBe(false);
  });

  it("do not wait for a tab not heard from in minutes", async () => {
    const records = createMemoryRecords();
    const hub = createChannelHub();
    let clock = 0;
    const now = () => clock;
    await openTab(records, hub, "closed", { now });
    clock = 10 * 60_000;
    const a = await openTab(records, hub, "A", { now });
    const gone = a.store.getState().addZone();
    await a.sync.flushed();
    a.store.getState().removeZone(gone);
    await a.sync.flushed();
    expect(records.data.has(zoneKey(gone))).toBe(false);
    expect(records.data.has(tabKey("closed"))).toBe(false);
  });

  it("a tab that missed the removal and its marker learns of it on its next read", async () => {
    const records = createMemoryRecords();
    const hub = createChannelHub();
    let clock = 0;
    const now = () => clock;
    const frozen = await openTab(records, hub, "frozen", { now });
    const a = await openTab(records, hub, "A", { now });
    const gone = a.store.getState().addZone({ name: "사라질 지구" });
    await settle(hub, a.sync, frozen.sync);
    expect(names(frozen.store)).toContain("사라질 지구");
    clock = 10 * 60_000;
    a.store.getState().removeZone(gone);
    await a.sync.flushed();
    expect(records.data.has(zoneKey(gone))).toBe(false);
    await frozen.sync.pull();
    expect(names(frozen.store)).toEqual(["지구 1"]);
  });
});

/** Bytes of every value written (JSON length: what IndexedDB is asked to store, near enough). */
function countWrites(records: Records): { bytes: number } {
  const counter = { bytes: 0 };
  const size = (v: unknown) => (v === undefined || v === null ? 0 : JSON.stringify(v).length);
  const { set, update, journal, setMany, modify } = records;
  records.set = (k, v) => {
    counter.bytes += size(v);
    return set(k, v);
  };
  records.setMany = (items) => {
    for (const [, v] of items) counter.bytes += size(v);
    return setMany(items);
  };
  records.journal = (k, v) => {
    counter.bytes += size(v);
    return journal(k, v);
  };
  records.update = (k, f) =>
    update(k, (old) => {
      const v = f(old);
      counter.bytes += size(v);
      return v;
    });
  records.modify = (k, f) =>
    modify(k, (old) => {
      const v = f(old);
      counter.bytes += size(v);
      return v;
    });
  return counter;
}

describe("what an edit writes", () => {
  it("an edit of one parcel of 60 writes its zone about once, not three times", async () => {
    const records = createMemoryRecords();
    const { store, sync } = await openTab(records, createChannelHub(), "A");
    const parcels = Array.from({ length: 60 }, (_, i) =>
      createParcel(
        `P${i + 1}`,
        createSquare(127 + (i % 10) * 0.02, 37 + Math.floor(i / 10) * 0.02, 0.01),
      ),
    );
    store.getState().transact({ put: parcels });
    await sync.flushed();
    const zoneBytes = JSON.stringify(store.getState().zones[0]).length;
    const counter = countWrites(records);
    store.getState().transact({ put: [createParcel("P7", createSquare(127.2, 37.2, 0.015))] });
    await sync.flushed();
    expect(counter.bytes).toBeGreaterThan(zoneBytes);
    expect(counter.bytes).toBeLessThan(zoneBytes * 1.2);
  });
});

describe("journals", () => {
  it("a journal of today's v2 form (zone before and after) is still replayed", async () => {
    const records = createMemoryRecords();
    const base = createZone("Z1", { name: "지구 1" });
    const zone = { ...base, parcels: [createParcel("P1", createSquare(127, 37, 0.01))] };
    records.data.set(zoneKey("Z1"), { version: 2, rev: 1, order: 0, zone: base, tab: "old" });
    records.data.set(journalKey("old"), {
      version: 2,
      tab: "old",
      entries: [{ id: "Z1", baseRev: 1, base, zone }],
    });
    const { store } = await openTab(records, createChannelHub(), "A");
    expect(store.getState().zones[0]?.parcels.map((p) => p.id)).toEqual(["P1"]);
  });

  it("an edit journalled on a zone another tab changed since is merged, not overwriting", async () => {
    const records = createMemoryRecords();
    const hub = createChannelHub();
    const a = await openTab(records, hub, "A");
    a.store.getState().transact({ put: [createParcel("P1", createSquare(127, 37, 0.01))] });
    await a.sync.flushed();
    const b = await openTab(records, hub, "B");
    const before = records.data.get(zoneKey("Z1"));
    // A edits and is gone before its record is written: only its journal is left.
    a.store.getState().transact({ put: [createParcel("P2", createSquare(127.1, 37, 0.01))] });
    const journal = records.data.get(journalKey("A"));
    await a.sync.flushed();
    records.data.set(zoneKey("Z1"), before);
    // Meanwhile B, which has not heard of A's edit, adds a parcel of its own.
    b.store.getState().transact({ put: [createParcel("P3", createSquare(127.2, 37, 0.01))] });
    await b.sync.flushed();
    records.data.set(journalKey("A"), journal);
    const c = await openTab(records, hub, "C");
    const ids = c.store.getState().zones[0]?.parcels.map((p) => p.id);
    expect(ids).toEqual(["P1", "P3", "P2"]);
    expect(storedZones(records).get("Z1")?.parcels).toHaveLength(3);
  });

  it("an edit journalled on a zone another tab removed since brings the whole zone back", async () => {
    const records = createMemoryRecords();
    const hub = createChannelHub();
    const a = await openTab(records, hub, "A");
    const id = a.store.getState().addZone({ name: "지킬 지구" });
    a.store.getState().transact({
      zoneId: id,
      put: [1, 2, 3].map((i) => createParcel(`P${i}`, createSquare(127 + i * 0.02, 37, 0.01))),
    });
    const b = await openTab(records, hub, "B");
    await settle(hub, a.sync, b.sync);
    a.store.getState().transact({ zoneId: id, remove: ["P1"] });
    const journal = records.data.get(journalKey("A"));
    b.store.getState().removeZone(id);
    await b.sync.flushed();
    records.data.set(journalKey("A"), journal);
    const c = await openTab(records, hub, "C");
    const kept = c.store.getState().zones.find((z) => z.id === id);
    expect(kept?.name).toBe("지킬 지구");
    expect(kept?.parcels.map((p) => p.id)).toEqual(["P2", "P3"]);
  });
});
