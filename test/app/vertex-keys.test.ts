/** Vertex keys (issue 24): arrows move the picked parcel's vertex, [ ] step, Delete removes. */
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { parseCoordinateEntry } from "../../geo/index";
import { applyCoordinateEntry } from "../../src/actions/actions";
import { vertexKey, vertexTarget } from "../../src/actions/vertex-keys";
import { activeZone, createAppStore } from "../../src/store/store";

/** A key press as the page's listener gets it (no DOM here: the target is the map's, not a field). */
function key(k: string, shiftKey = false): KeyboardEvent {
  return {
    key: k,
    shiftKey,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: null,
  } as unknown as KeyboardEvent;
}

function setUp() {
  const store = createAppStore();
  const entry = parseCoordinateEntry({
    kind: "parcel",
    text: "127.95 37.32, 127.97 37.32, 127.97 37.34, 127.95 37.34",
    crs: "EPSG:4326",
  });
  const id = applyCoordinateEntry(store, entry);
  if (!id) throw new Error("no parcel added");
  store.getState().setTool("select");
  store.getState().focusParcels([id]);
  const ring = () => {
    const parcel = activeZone(store.getState()).parcels[0];
    if (!parcel) throw new Error("the parcel is gone");
    return (parcel.geometry as Polygon).coordinates[0] ?? [];
  };
  return { store, ring };
}

describe("vertex keys", () => {
  it("adds the typed parcel as one undo step", () => {
    const { store } = setUp();
    expect(activeZone(store.getState()).parcels).toHaveLength(1);
    store.temporal.getState().undo();
    expect(activeZone(store.getState()).parcels).toHaveLength(0);
  });

  it("moves the vertex 10 m east, 100 m with Shift, each an undo step, the ring kept closed", () => {
    const { store, ring } = setUp();
    const [lon0 = 0, lat0 = 0] = ring()[0] ?? [];
    expect(vertexKey(store, key("ArrowRight"))).toBe(true);
    const [lon1 = 0] = ring()[0] ?? [];
    expect((lon1 - lon0) * 111_320 * Math.cos((lat0 * Math.PI) / 180)).toBeCloseTo(10, 6);
    expect(ring()[4]).toEqual(ring()[0]);
    expect(vertexKey(store, key("ArrowUp", true))).toBe(true);
    expect(((ring()[0]?.[1] ?? 0) - lat0) * 111_320).toBeCloseTo(100, 6);
    store.temporal.getState().undo();
    expect(ring()[0]?.[1]).toBe(lat0);
  });

  it("steps with ] and [, removes with Delete but keeps three vertices", () => {
    const { store, ring } = setUp();
    vertexKey(store, key("]"));
    expect(vertexTarget(store.getState())?.index).toBe(1);
    vertexKey(store, key("["));
    vertexKey(store, key("["));
    expect(vertexTarget(store.getState())?.index).toBe(3);
    vertexKey(store, key("Delete"));
    expect(ring()).toHaveLength(4);
    vertexKey(store, key("Delete"));
    expect(ring()).toHaveLength(4);
  });

  it("does nothing without the select tool or a single picked parcel", () => {
    const { store, ring } = setUp();
    const before = ring();
    store.getState().setTool("parcel-polygon");
    expect(vertexKey(store, key("ArrowRight"))).toBe(false);
    store.getState().setTool("select");
    store.getState().focusParcels([]);
    expect(vertexKey(store, key("ArrowRight"))).toBe(false);
    expect(ring()).toEqual(before);
  });
});
