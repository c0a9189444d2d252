/**
 * A 구역's 필지 follow its geometry (src/actions/cadastre-cover.ts): a 구역 built from 필지 and
 * then reshaped with the select tool lists again what it covers, whole (`pnu`) and in part
 * (`partialPnu`, m²), inside the edit's own undo step; with no cadastre open the stale list is
 * dropped. A 구역 drawn before the cadastre was opened gets its list when it opens, in the state
 * the planner sees (no undo step of its own, the geometry untouched), and again after an undo
 * to a state from before the opening. The Worker's answer is the geo function it calls, run
 * here in-process.
 */
import { readFileSync } from "node:fs";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coveredPilji, parcelFromPilji, pnuProperties } from "../../geo/cadastre/parcel";
import { innerPoint } from "../../geo/cadastre/select";
import { piljiWhollyInside } from "../../geo/cadastre/select-cover";
import { unionPilji } from "../../geo/cadastre/union";
import type { Parcel } from "../../geo/index";
import { openCadastre, readPilji } from "../../geo/io/lsmd-read";
import { applyDrawn, applyEdited } from "../../src/actions/actions";
import { bindCover } from "../../src/actions/cadastre-cover";
import { useCadastre } from "../../src/store/cadastre";
import { activeZone, createAppStore } from "../../src/store/store";
import { type Extent, extentOf } from "../../src/workers/cadastre-add";

const layer = openCadastre([
  { name: "c.zip", bytes: readFileSync("test/fixtures/cadastre/LSMD_CONT_LDREG_48170.zip") },
])[0];
const pilji = layer ? [...readPilji(layer)] : [];
const byPnu = new Map(pilji.map((p) => [p.pnu, p]));
/** The 필지 the mocked Worker holds (a 시·군 added: more). */
let held = pilji;

/** Cover requests the Worker got, by geometry. */
const asked: (Polygon | MultiPolygon)[] = [];
vi.mock("../../src/workers/cadastre-client", () => ({
  coverInWorker: async (g: Polygon | MultiPolygon) => {
    asked.push(g);
    return pnuProperties(coveredPilji(g, held));
  },
  unionInWorker: async (pnus: string[]) =>
    unionPilji(pnus.flatMap((x) => byPnu.get(x)?.geometry ?? [])),
}));

/** The 필지 of central 진주 wholly inside a 110 m box: two blocks, a road between. */
const chosen = piljiWhollyInside(
  {
    type: "Polygon",
    coordinates: [
      [
        [128.1058, 35.1796],
        [128.107, 35.1796],
        [128.107, 35.1806],
        [128.1058, 35.1806],
        [128.1058, 35.1796],
      ],
    ],
  },
  pilji,
).flatMap((x) => byPnu.get(x) ?? []);

function setUp() {
  const store = createAppStore();
  const off = bindCover(store);
  const built = parcelFromPilji(chosen, { id: "P1", name: "1구역" });
  if (!built) throw new Error("no union");
  const parcel: Parcel = {
    id: "P1",
    name: "1구역",
    geometry: built.geometry,
    properties: { pnu: built.properties?.pnu },
  };
  store.getState().transact({ put: [parcel] });
  const now = () => activeZone(store.getState()).parcels[0] as Parcel;
  return { store, off, now };
}

/** The 구역 with its first vertex pulled 15 m or so away from its middle: it takes in neighbours. */
function pulled(g: Polygon): Polygon {
  const ring = g.coordinates[0] ?? [];
  const n = ring.length - 1;
  const cx = ring.slice(0, n).reduce((s, p) => s + (p[0] ?? 0), 0) / n;
  const cy = ring.slice(0, n).reduce((s, p) => s + (p[1] ?? 0), 0) / n;
  const [x = 0, y = 0] = ring[0] ?? [];
  const d = Math.hypot(x - cx, y - cy);
  const moved: Position = [x + ((x - cx) / d) * 0.00015, y + ((y - cy) / d) * 0.00015];
  return { type: "Polygon", coordinates: [[moved, ...ring.slice(1, n), moved]] };
}

let off: () => void = () => {};
beforeEach(() => useCadastre.setState({ status: "ready" }));
afterEach(() => {
  off();
  useCadastre.setState({ status: "none" });
});

describe("a 구역 of 필지 reshaped with the select tool", () => {
  it("lists again the 필지 it covers, whole and in part, in the edit's undo step", async () => {
    expect(chosen.length).toBeGreaterThan(1);
    const t = setUp();
    off = t.off;
    const before = t.now();
    // The 필지 are two blocks across a road: the edit keeps the first, one corner pulled out.
    expect(before.geometry.type).toBe("MultiPolygon");
    const first = (before.geometry as MultiPolygon).coordinates[0] ?? [];
    const geometry = pulled({ type: "Polygon", coordinates: first });
    applyEdited(t.store, "P1", geometry, true);
    const expected = pnuProperties(coveredPilji(geometry, pilji));
    expect(expected.partialPnu.length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(t.now().properties.partialPnu).toEqual(expected.partialPnu));
    expect(t.now().properties.pnu).toEqual(expected.pnu);
    // The old list named the other block's 필지 too: kept, it would have been stale.
    const gone = chosen.filter((p) => !expected.pnu.includes(p.pnu));
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.length).toBeLessThan(chosen.length);
    // One undo step takes back the edit and the new list together.
    t.store.temporal.getState().undo();
    expect(t.now().geometry).toBe(before.geometry);
    expect(t.now().properties).toEqual({ pnu: chosen.map((p) => p.pnu) });
    // And redo brings both back.
    t.store.temporal.getState().redo();
    expect(t.now().geometry).toBe(geometry);
    expect(t.now().properties.partialPnu).toEqual(expected.partialPnu);
  });

  it("drops the stale list when no cadastre is open, and undo brings it back", async () => {
    useCadastre.setState({ status: "none" });
    const t = setUp();
    off = t.off;
    const first = (t.now().geometry as MultiPolygon).coordinates[0] ?? [];
    applyEdited(t.store, "P1", pulled({ type: "Polygon", coordinates: first }), true);
    await vi.waitFor(() => expect(t.now().properties.pnu).toBeUndefined());
    expect(t.now().properties.partialPnu).toBeUndefined();
    t.store.temporal.getState().undo();
    expect(t.now().properties.pnu).toEqual(chosen.map((p) => p.pnu));
  });

  it("leaves the list of a 구역 whose 필지 were picked (geometry and list change together)", async () => {
    const t = setUp();
    off = t.off;
    await new Promise((r) => setTimeout(r, 20));
    expect(t.now().properties).toEqual({ pnu: chosen.map((p) => p.pnu) });
  });
});

/** A freehand 구역 over central 진주 as the polygon tool draws it (crossing dozens of 필지). */
const freehand: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [128.1052, 35.1788],
      [128.1081, 35.1791],
      [128.1077, 35.1812],
      [128.1049, 35.1806],
      [128.1052, 35.1788],
    ],
  ],
};
/** One far from the cadastre's window: it covers no 필지. */
const faraway: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [128.2, 35.3],
      [128.201, 35.3],
      [128.201, 35.301],
      [128.2, 35.3],
    ],
  ],
};
const open = () => useCadastre.setState({ status: "ready", url: "czd-cadastre://1/{z}/{x}/{y}" });

describe("a 구역 drawn before the cadastre was opened", () => {
  beforeEach(() => useCadastre.setState({ status: "none", url: null }));

  it("gets its 필지 list when the cadastre opens, with no undo step and its geometry untouched", async () => {
    const store = createAppStore();
    off = bindCover(store);
    applyDrawn(store, "parcel-polygon", freehand);
    const drawn = activeZone(store.getState()).parcels[0] as Parcel;
    await new Promise((r) => setTimeout(r, 20));
    // No cadastre: no list.
    expect(drawn.properties.pnu).toBeUndefined();
    const steps = store.temporal.getState().pastStates.length;
    open();
    const expected = pnuProperties(coveredPilji(freehand, pilji));
    expect(expected.pnu.length).toBeGreaterThan(3);
    expect(expected.partialPnu.length).toBeGreaterThan(3);
    const now = () => activeZone(store.getState()).parcels[0] as Parcel;
    await vi.waitFor(() => expect(now().properties.partialPnu).toEqual(expected.partialPnu));
    expect(now().properties.pnu).toEqual(expected.pnu);
    // The very geometry drawn, and its other properties, kept; no undo step made.
    expect(now().geometry).toBe(drawn.geometry);
    expect(now().id).toBe(drawn.id);
    expect(now().name).toBe(drawn.name);
    expect(store.temporal.getState().pastStates.length).toBe(steps);
    // One undo takes back the drawing itself, not a listing step.
    store.temporal.getState().undo();
    expect(activeZone(store.getState()).parcels).toEqual([]);
    store.temporal.getState().redo();
    expect(now().geometry).toBe(drawn.geometry);
    expect(now().properties.partialPnu).toEqual(expected.partialPnu);
  });

  it("is listed again after an undo to a state from before the opening", async () => {
    const store = createAppStore();
    off = bindCover(store);
    applyDrawn(store, "parcel-polygon", freehand);
    applyDrawn(store, "parcel-polygon", pulled(freehand));
    open();
    const first = () => activeZone(store.getState()).parcels[0] as Parcel;
    await vi.waitFor(() => expect(first().properties.partialPnu).toBeDefined());
    // Back to the state with the first 구역 only, saved before the cadastre opened.
    store.temporal.getState().undo();
    expect(activeZone(store.getState()).parcels).toHaveLength(1);
    const expected = pnuProperties(coveredPilji(freehand, pilji));
    await vi.waitFor(() => expect(first().properties.partialPnu).toEqual(expected.partialPnu));
    expect(first().geometry).toBe(freehand);
    // Redo still brings the second 구역 back: the listing made no step and cut no redo.
    store.temporal.getState().redo();
    expect(activeZone(store.getState()).parcels).toHaveLength(2);
  });

  it("asks once about a 구역 over no 필지, and leaves it without a list", async () => {
    const store = createAppStore();
    off = bindCover(store);
    applyDrawn(store, "parcel-polygon", faraway);
    const count = () =>
      asked.filter((g) => g === activeZone(store.getState()).parcels[0]?.geometry).length;
    await new Promise((r) => setTimeout(r, 20));
    expect(count()).toBe(0);
    open();
    await vi.waitFor(() => expect(count()).toBe(1));
    // Other edits do not ask about it again.
    applyDrawn(store, "parcel-polygon", freehand);
    await vi.waitFor(() =>
      expect(activeZone(store.getState()).parcels[1]?.properties.partialPnu).toBeDefined(),
    );
    expect(count()).toBe(1);
    const p = activeZone(store.getState()).parcels[0] as Parcel;
    expect(p.properties.pnu).toBeUndefined();
    expect(p.properties.partialPnu).toBeUndefined();
  });
});

describe("a freehand 구역 listed before a 시·군 was added", () => {
  const west = pilji.filter((p) => (innerPoint(p.geometry)[0] ?? 0) < 128.1064);
  /** The "added 시·군": the east half, and the box of its 필지 (as the Worker sends it). */
  const east = pilji.filter((p) => (innerPoint(p.geometry)[0] ?? 0) >= 128.1064);
  const eastBox = extentOf(east);
  /** The cadastre shown as the page shows it: after an add, the added 필지's box set first. */
  const openWith = (n: number, g: number, added: Extent | null = null) => {
    useCadastre.setState({ addedExtent: added });
    useCadastre.setState({
      status: "ready",
      count: n,
      layers: n === pilji.length ? ["A", "B"] : ["A"],
      url: `czd-cadastre://${g}/{z}/{x}/{y}`,
    });
  };
  beforeEach(() => {
    useCadastre.setState({ status: "none", url: null, count: 0, layers: [] });
    held = west;
  });
  afterEach(() => {
    held = pilji;
  });

  it("is listed again after the add, with no undo step; a 구역 of picked 필지 is not", async () => {
    const store = createAppStore();
    off = bindCover(store);
    openWith(west.length, 1);
    applyDrawn(store, "parcel-polygon", freehand);
    const built = parcelFromPilji(chosen, { id: "P9", name: "9구역" });
    if (!built) throw new Error("no union");
    store.getState().transact({
      put: [{ id: "P9", name: "9구역", geometry: built.geometry, properties: { pnu: ["x"] } }],
    });
    const first = () => activeZone(store.getState()).parcels[0] as Parcel;
    const before = pnuProperties(coveredPilji(freehand, west));
    await vi.waitFor(() => expect(first().properties.partialPnu).toEqual(before.partialPnu));
    const all = pnuProperties(coveredPilji(freehand, pilji));
    // The 구역 reaches over the added half: its list grows.
    expect(all.pnu.length + all.partialPnu.length).toBeGreaterThan(
      before.pnu.length + before.partialPnu.length,
    );
    const steps = store.temporal.getState().pastStates.length;
    held = pilji;
    openWith(pilji.length, 2, eastBox);
    await vi.waitFor(() => expect(first().properties.partialPnu).toEqual(all.partialPnu));
    expect(first().properties.pnu).toEqual(all.pnu);
    expect(first().geometry).toBe(freehand);
    expect(store.temporal.getState().pastStates.length).toBe(steps);
    expect(activeZone(store.getState()).parcels[1]?.properties.pnu).toEqual(["x"]);
  });

  it("is not asked about again, its list untouched, when far from the added file", async () => {
    if (!eastBox) throw new Error("no east half");
    // A small 구역 around the westmost 필지 of the west half: its box is clear of the east half's.
    const westmost = [...west].sort(
      (a, b) => (innerPoint(a.geometry)[0] ?? 0) - (innerPoint(b.geometry)[0] ?? 0),
    )[0];
    if (!westmost) throw new Error("no west 필지");
    const [x = 0, y = 0] = innerPoint(westmost.geometry);
    const d = 0.0003;
    const far: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [x - d, y - d],
          [x + d, y - d],
          [x + d, y + d],
          [x - d, y + d],
          [x - d, y - d],
        ],
      ],
    };
    expect(x + d).toBeLessThan(eastBox[0]);
    const store = createAppStore();
    off = bindCover(store);
    openWith(west.length, 1);
    applyDrawn(store, "parcel-polygon", far);
    applyDrawn(store, "parcel-polygon", freehand);
    const nth = (i: number) => activeZone(store.getState()).parcels[i] as Parcel;
    await vi.waitFor(() => expect(nth(1).properties.partialPnu).toBeDefined());
    await vi.waitFor(() => expect(nth(0).properties.partialPnu).toBeDefined());
    const farList = nth(0).properties;
    expect((farList.pnu as string[]).length).toBeGreaterThan(0);
    const askedFar = () => asked.filter((g) => g === far).length;
    const askedNear = () => asked.filter((g) => g === freehand).length;
    const [farAsks, nearAsks] = [askedFar(), askedNear()];
    held = pilji;
    openWith(pilji.length, 2, eastBox);
    // The 구역 over the added half is asked about again (and its list grows) ...
    await vi.waitFor(() => expect(askedNear()).toBe(nearAsks + 1));
    const all = pnuProperties(coveredPilji(freehand, pilji));
    await vi.waitFor(() => expect(nth(1).properties.partialPnu).toEqual(all.partialPnu));
    // ... the far one is not: not asked, its list the very same object.
    await new Promise((r) => setTimeout(r, 50));
    expect(askedFar()).toBe(farAsks);
    expect(nth(0).properties).toBe(farList);
  });

  it("keeps its list when a file is closed (the count falls)", async () => {
    held = pilji;
    const store = createAppStore();
    off = bindCover(store);
    openWith(pilji.length, 1);
    applyDrawn(store, "parcel-polygon", freehand);
    const first = () => activeZone(store.getState()).parcels[0] as Parcel;
    const all = pnuProperties(coveredPilji(freehand, pilji));
    await vi.waitFor(() => expect(first().properties.partialPnu).toEqual(all.partialPnu));
    const asks = asked.length;
    held = west;
    openWith(west.length, 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(asked.length).toBe(asks);
    expect(first().properties.pnu).toEqual(all.pnu);
  });
});
