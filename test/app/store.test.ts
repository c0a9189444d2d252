import { describe, expect, it } from "vitest";
import { applyDeleted, applyDrawn, applyEdited, redo, undo } from "../../src/actions/actions";
import { editableParcels } from "../../src/map/scene";
import { activeZone, createAppStore } from "../../src/store/store";
import { applyDiff, createZone, nextParcelId } from "../../src/store/zone-diff";
import { createParcel, createSquare } from "./factories";

describe("applyDiff", () => {
  it("replaces a parcel in place, appends new ones and removes by id", () => {
    const zone = createZone("Z1", {
      parcels: [
        createParcel("P1", createSquare(127, 37, 0.01)),
        createParcel("P2", createSquare(127.1, 37, 0.01)),
      ],
    });
    const moved = createParcel("P1", createSquare(127.5, 37, 0.01));
    const next = applyDiff(zone, { put: [moved, createParcel("P3", createSquare(128, 37, 0.01))] });
    expect(next.parcels.map((p) => p.id)).toEqual(["P1", "P2", "P3"]);
    expect(next.parcels[0]).toBe(moved);
    expect(applyDiff(next, { remove: ["P2"] }).parcels.map((p) => p.id)).toEqual(["P1", "P3"]);
  });

  it("returns the same zone when the diff changes nothing", () => {
    const zone = createZone("Z1");
    expect(applyDiff(zone, {})).toBe(zone);
    expect(applyDiff(zone, { remove: ["nope"] }).parcels).toEqual([]);
  });

  it("keeps a holed multipolygon untouched while another parcel is edited", () => {
    const holed = createParcel("P1", {
      type: "MultiPolygon",
      coordinates: [
        [
          createSquare(127, 37, 0.1).coordinates[0] ?? [],
          createSquare(127.02, 37.02, 0.01).coordinates[0] ?? [],
        ],
        createSquare(127.5, 37, 0.05).coordinates,
      ],
    });
    const zone = createZone("Z1", {
      parcels: [holed, createParcel("P2", createSquare(128, 37, 0.01))],
    });
    const next = applyDiff(zone, { put: [createParcel("P2", createSquare(128.2, 37, 0.01))] });
    expect(next.parcels[0]).toBe(holed);
    // terra-draw edits simple polygons only, so the holed parcel is never handed to it.
    expect(editableParcels(next.parcels).map((f) => f.id)).toEqual(["P2"]);
  });
});

describe("nextParcelId", () => {
  it("follows the highest P<n> and skips taken ids", () => {
    const zone = createZone("Z1", {
      parcels: [
        createParcel("P2", createSquare(127, 37, 0.01)),
        createParcel("x", createSquare(127, 37, 0.01)),
      ],
    });
    expect(nextParcelId(zone)).toBe("P3");
    expect(nextParcelId(createZone("Z1"))).toBe("P1");
  });
});

describe("undo and redo", () => {
  it("makes each drawn parcel one undo step, and redo restores it", () => {
    const store = createAppStore();
    applyDrawn(store, "parcel-polygon", createSquare(127, 37, 0.01));
    applyDrawn(store, "parcel-rectangle", createSquare(127.1, 37, 0.01));
    expect(activeZone(store.getState()).parcels.map((p) => p.id)).toEqual(["P1", "P2"]);
    undo(store);
    expect(activeZone(store.getState()).parcels.map((p) => p.id)).toEqual(["P1"]);
    redo(store);
    expect(activeZone(store.getState()).parcels.map((p) => p.id)).toEqual(["P1", "P2"]);
  });

  it("does not record UI changes or drag previews as undo steps", () => {
    const store = createAppStore();
    applyDrawn(store, "parcel-polygon", createSquare(127, 37, 0.01));
    const steps = store.temporal.getState().pastStates.length;
    store.getState().setLang("en");
    store.getState().setTool("select");
    applyEdited(store, "P1", createSquare(127.001, 37, 0.01), false);
    applyEdited(store, "P1", createSquare(127.002, 37, 0.01), false);
    expect(store.temporal.getState().pastStates.length).toBe(steps);
    applyEdited(store, "P1", createSquare(127.003, 37, 0.01), true);
    expect(store.temporal.getState().pastStates.length).toBe(steps + 1);
    expect(store.getState().preview).toBeNull();
    undo(store);
    const ring = activeZone(store.getState()).parcels[0]?.geometry.coordinates[0];
    expect(ring?.[0]).toEqual([127, 37]);
  });

  it("undoes a delete", () => {
    const store = createAppStore();
    applyDrawn(store, "parcel-polygon", createSquare(127, 37, 0.01));
    applyDeleted(store, "P1");
    expect(activeZone(store.getState()).parcels).toHaveLength(0);
    undo(store);
    expect(activeZone(store.getState()).parcels).toHaveLength(1);
  });
});

describe("envelope tools", () => {
  it("gives a clicked circle the rule set's radius: 20 km, 10 km in a 광역시 (FILING.md)", () => {
    const store = createAppStore();
    applyDrawn(store, "envelope-circle", { type: "Point", coordinates: [127.9, 37.3] });
    expect(activeZone(store.getState()).envelope).toEqual({
      shape: "circle",
      center: [127.9, 37.3],
      radiusKm: 20,
    });
    store.getState().transact({ meta: { sido: "KR-26" } });
    applyDrawn(store, "envelope-circle", { type: "Point", coordinates: [129.06, 35.15] });
    expect(activeZone(store.getState()).envelope).toMatchObject({ radiusKm: 10 });
  });

  it("gives a drawn belt axis the phase-3 half-width of 5 km", () => {
    const store = createAppStore();
    store.getState().transact({ meta: { ruleSetId: "phase-3" } });
    const axis = [
      [127, 37],
      [127.5, 37.2],
    ];
    applyDrawn(store, "envelope-belt", { type: "LineString", coordinates: axis });
    expect(activeZone(store.getState()).envelope).toEqual({ shape: "belt", axis, halfWidthKm: 5 });
  });
});

describe("zones", () => {
  it("keeps each zone's own parcels and rule set", () => {
    const store = createAppStore();
    applyDrawn(store, "parcel-polygon", createSquare(127, 37, 0.01));
    const second = store.getState().addZone({ ruleSetId: "phase-3" });
    expect(store.getState().activeZoneId).toBe(second);
    expect(activeZone(store.getState()).parcels).toHaveLength(0);
    expect(activeZone(store.getState()).ruleSetId).toBe("phase-3");
    store.getState().setActiveZone("Z1");
    expect(activeZone(store.getState()).parcels).toHaveLength(1);
  });
});
