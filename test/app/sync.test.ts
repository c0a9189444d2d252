/**
 * Autosave and tab sync over in-memory storage: an edit is written as its zone's record, two tabs
 * see each other's edits, a concurrent edit of one parcel is kept on both sides (one shown, the
 * other one undo step back, with a notice), the v1 record is migrated, a journal is replayed.
 */
import { describe, expect, it } from "vitest";
import { redo, undo } from "../../src/actions/actions";
import { PROJECT_KEY } from "../../src/persistence/persist";
import { type AppStore, activeZone } from "../../src/store/store";
import { createZone } from "../../src/store/zone-diff";
import { createParcel, createSquare } from "./factories";
import { createChannelHub, createMemoryRecords } from "./memory-records";
import { openTab, settle, storedZones } from "./tabs";

const geometryOf = (store: AppStore, id: string) =>
  activeZone(store.getState()).parcels.find((p) => p.id === id)?.geometry;

describe("autosave", () => {
  it("writes the edited zone's record, and the records equal the store once flushed", async () => {
    const records = createMemoryRecords();
    const { store, sync } = await openTab(records, createChannelHub(), "A");
    store.getState().transact({ put: [createParcel("P1", createSquare(127, 37, 0.01))] });
    expect(store.getState().saveState).toBe("pending");
    await sync.flushed();
    expect(store.getState().saveState).toBe("saved");
    expect(storedZones(records).get("Z1")).toEqual(activeZone(store.getState()));
  });

  it("migrates the v1 single-blob record into zone records on load", async () => {
    const records = createMemoryRecords();
    const zones = [
      createZone("Z1", { parcels: [createParcel("P1", createSquare(127, 37, 0.01))] }),
      createZone("Z2", { name: "둘째" }),
    ];
    records.data.set(PROJECT_KEY, {
      version: 1,
      zones,
      activeZoneId: "Z2",
      customRuleSets: [],
      hubLayers: [],
    });
    const { store } = await openTab(records, createChannelHub(), "A");
    expect(store.getState().zones).toEqual(zones);
    expect(store.getState().activeZoneId).toBe("Z2");
    expect(records.data.has(PROJECT_KEY)).toBe(false);
    expect([...storedZones(records).values()]).toEqual(zones);
  });

  it("replays the journal a closed tab left behind", async () => {
    const records = createMemoryRecords();
    const hub = createChannelHub();
    const a = await openTab(records, hub, "A");
    a.store.getState().transact({ put: [createParcel("P1", createSquare(127, 37, 0.01))] });
    // The tab is gone before its zone record was written: only the journal (written at once) is.
    const journal = [...records.data].find(([k]) => String(k).startsWith("czd-journal"));
    expect(journal).toBeDefined();
    records.data.clear();
    if (journal) records.data.set(journal[0], journal[1]);
    const b = await openTab(records, hub, "B");
    expect(activeZone(b.store.getState()).parcels.map((p) => p.id)).toEqual(["P1"]);
    expect([...records.data.keys()].some((k) => String(k).startsWith("czd-journal"))).toBe(false);
  });
});

describe("two tabs", () => {
  it("see each other's parcels; undo in one takes back only its own", async () => {
    const records = createMemoryRecords();
    const hub = createChannelHub();
    const a = await openTab(records, hub, "A");
    const b = await openTab(records, hub, "B");
    a.store.getState().transact({ put: [createParcel("P1", createSquare(127, 37, 0.01))] });
    await settle(hub, a.sync, b.sync);
    b.store.getState().transact({ put: [createParcel("P2", createSquare(127.1, 37, 0.01))] });
    await settle(hub, a.sync, b.sync);
    expect(activeZone(a.store.getState()).parcels.map((p) => p.id)).toEqual(["P1", "P2"]);
    undo(a.store);
    await settle(hub, a.sync, b.sync);
    expect(activeZone(b.store.getState()).parcels.map((p) => p.id)).toEqual(["P2"]);
    expect(activeZone(a.store.getState()).parcels.map((p) => p.id)).toEqual(["P2"]);
  });

  it("keep both of two parcels drawn at once under the same id", async () => {
    const records = createMemoryRecords();
    const hub = createChannelHub();
    const a = await openTab(records, hub, "A");
    const b = await openTab(records, hub, "B");
    a.store.getState().transact({ put: [createParcel("P1", createSquare(127, 37, 0.01))] });
    b.store.getState().transact({ put: [createParcel("P1", createSquare(128, 37, 0.01))] });
    await settle(hub, a.sync, b.sync);
    await settle(hub, a.sync, b.sync);
    const ids = (s: AppStore) => activeZone(s.getState()).parcels.map((p) => p.id);
    expect(ids(a.store)).toEqual(["P1", "P2"]);
    expect(ids(b.store)).toEqual(["P1", "P2"]);
    expect(
      storedZones(records)
        .get("Z1")
        ?.parcels.map((p) => p.id),
    ).toEqual(["P1", "P2"]);
  });

  it("resolve a concurrent edit of one parcel visibly: a notice, the other version one undo back", async () => {
    const records = createMemoryRecords();
    const hub = createChannelHub();
    const a = await openTab(records, hub, "A");
    const b = await openTab(records, hub, "B");
    a.store.getState().transact({ put: [createParcel("P1", createSquare(127, 37, 0.01))] });
    await settle(hub, a.sync, b.sync);
    const inA = createSquare(127, 37, 0.02);
    const inB = createSquare(127, 37, 0.03);
    a.store.getState().transact({ put: [createParcel("P1", inA)] });
    await a.sync.flushed();
    // B edits the same parcel before A's message reaches it.
    b.store.getState().transact({ put: [createParcel("P1", inB)] });
    await settle(hub, a.sync, b.sync);
    expect(geometryOf(a.store, "P1")).toEqual(inB);
    expect(geometryOf(b.store, "P1")).toEqual(inB);
    expect(a.store.getState().notice?.en).toMatch(/P1/);
    expect(b.store.getState().notice?.en).toMatch(/P1/);
    // Neither version is lost: each tab has the other one undo step back.
    undo(b.store);
    expect(geometryOf(b.store, "P1")).toEqual(inA);
    redo(b.store);
    undo(a.store);
    expect(geometryOf(a.store, "P1")).toEqual(inA);
  });
});
