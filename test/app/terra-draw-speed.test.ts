/**
 * The drag fixes of src/map/terra-draw-speed.ts against terra-draw itself: the same presses and
 * moves on a plain TerraDraw and on one with the fixes leave the same store after every move
 * (moves that would cross the polygon refused alike), and the crossing test near the moved
 * vertex agrees with the whole-polygon test.
 */
import type { Polygon, Position } from "geojson";
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode } from "terra-draw";
import { describe, expect, it } from "vitest";
import { crossesItself, movedEdges, speedUpDrags } from "../../src/map/terra-draw-speed";

type TerraDrawAdapter = ConstructorParameters<typeof TerraDraw>[0]["adapter"];
type TerraDrawCallbacks = Parameters<TerraDrawAdapter["register"]>[0];

/** Pixels per degree of the fake map: a plain plane, y down. */
const PX = 100_000;

function fakeAdapter(): TerraDrawAdapter & { callbacks: () => TerraDrawCallbacks } {
  let callbacks: TerraDrawCallbacks | null = null;
  return {
    callbacks: () => {
      if (!callbacks) throw new Error("not registered");
      return callbacks;
    },
    project: (lng: number, lat: number) => ({ x: lng * PX, y: -lat * PX }),
    unproject: (x: number, y: number) => ({ lng: x / PX, lat: -y / PX }),
    setCursor: () => {},
    getLngLatFromEvent: () => null,
    setDoubleClickToZoom: () => {},
    getMapEventElement: () => ({}) as HTMLElement,
    register: (c: TerraDrawCallbacks) => {
      callbacks = c;
      c.onReady?.();
    },
    unregister: () => {},
    render: () => {},
    clear: () => {},
    getCoordinatePrecision: () => 9,
  };
}

function makeDraw(fast: boolean) {
  const adapter = fakeAdapter();
  let n = 0;
  const draw = new TerraDraw({
    adapter,
    idStrategy: { isValidId: (id) => typeof id === "string", getId: () => `f${++n}` },
    modes: [
      new TerraDrawPolygonMode({ modeName: "parcel-polygon" }),
      new TerraDrawSelectMode({
        // Every move is handled (terra-draw skips every 5th by default): a move that changes
        // nothing is then a refused one.
        dragEventThrottle: 1000,
        flags: {
          "parcel-polygon": {
            feature: {
              draggable: true,
              coordinates: { draggable: true, deletable: true, midpoints: true, snappable: true },
            },
          },
        },
      }),
    ],
  });
  const fixes = fast ? speedUpDrags(draw) : [];
  draw.start();
  draw.setMode("select");
  return { draw, adapter, fixes };
}

/** A wobbly circle of n vertices (closed), rounded to 7 decimals. */
function wobbly(n: number, seed: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = 0.002 * (1 + 0.15 * Math.sin(5 * a + seed));
    ring.push([
      Number((127 + r * Math.cos(a)).toFixed(7)),
      Number((37 + r * Math.sin(a)).toFixed(7)),
    ]);
  }
  ring.push(ring[0] as Position);
  return ring;
}

function event(lng: number, lat: number) {
  return {
    lng,
    lat,
    containerX: lng * PX,
    containerY: -lat * PX,
    button: "left" as const,
    heldKeys: [],
    isContextMenu: false,
  };
}

/** Press on vertex k of P1, move through `path`, release: the store after each move. */
function dragRun(fast: boolean, ring: Position[], k: number, path: Position[]): unknown[] {
  const { draw, adapter } = makeDraw(fast);
  draw.addFeatures([
    {
      id: "P1",
      type: "Feature",
      properties: { mode: "parcel-polygon" },
      geometry: { type: "Polygon", coordinates: [ring] },
    },
  ]);
  draw.selectFeature("P1");
  const cb = adapter.callbacks();
  const [lng = 0, lat = 0] = ring[k] ?? [];
  const noop = () => {};
  cb.onDragStart(event(lng, lat), noop);
  const snapshots: unknown[] = [];
  for (const [x = 0, y = 0] of path) {
    cb.onDrag(event(x, y), noop);
    snapshots.push(
      draw
        .getSnapshot()
        .map((f) => [f.id, f.geometry, f.properties])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  }
  cb.onDragEnd(event(path.at(-1)?.[0] ?? lng, path.at(-1)?.[1] ?? lat), noop);
  snapshots.push(draw.getSnapshotFeature("P1")?.geometry);
  return snapshots;
}

describe("terra-draw's drag with the fixes", () => {
  it("finds the internals it fixes in this terra-draw", () => {
    expect(makeDraw(true).fixes).toEqual(["copies", "midpoints", "crossings"]);
  });

  it("leaves the same store as terra-draw after every move, crossing moves refused alike", () => {
    // Vertex 0 and vertex 7 (the first/last vertex and an inner one), dragged outwards, then
    // across the polygon (a crossing, refused), then back out.
    let refused = 0;
    let moved = 0;
    for (const k of [0, 7]) {
      const ring = wobbly(64, k);
      const [x = 0, y = 0] = ring[k] ?? [];
      const [cx, cy] = [127, 37];
      const path: Position[] = [];
      for (let i = 1; i <= 30; i++) {
        const t = i / 30;
        // Out, then straight through the centre and out past the far side (the edges at the
        // vertex cross the far boundary: refused), then back out where it started.
        const s = t < 0.3 ? 1 + t : t < 0.7 ? 1.3 - 7 * (t - 0.3) : 1.3 - 7 * (1 - t);
        path.push([Number((cx + (x - cx) * s).toFixed(7)), Number((cy + (y - cy) * s).toFixed(7))]);
      }
      const plain = dragRun(false, ring, k, path);
      const fast = dragRun(true, ring, k, path);
      expect(fast).toEqual(plain);
      // Some moves were refused (the polygon stayed as it was): the test covers the refusal.
      for (let i = 1; i < plain.length - 1; i++)
        if (JSON.stringify(plain[i]) === JSON.stringify(plain[i - 1])) refused++;
        else moved++;
      expect(plain.at(-1)).not.toEqual({ type: "Polygon", coordinates: [ring] });
    }
    expect(refused).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(10);
  });

  it("hands out snapshots the caller may change", () => {
    const { draw } = makeDraw(true);
    const ring = wobbly(16, 1);
    draw.addFeatures([
      {
        id: "P1",
        type: "Feature",
        properties: { mode: "parcel-polygon" },
        geometry: { type: "Polygon", coordinates: [ring] },
      },
    ]);
    const first = draw.getSnapshot()[0];
    if (!first) throw new Error("no snapshot");
    (first.geometry as Polygon).coordinates = [];
    const again = draw.getSnapshot()[0]?.geometry as Polygon | undefined;
    expect(again?.coordinates[0]).toHaveLength(17);
  });
});

describe("the crossing test near a moved vertex", () => {
  it("agrees with the whole-polygon test on random moves of a clean polygon", () => {
    let crossings = 0;
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let trial = 0; trial < 300; trial++) {
      const ring = wobbly(24, trial);
      expect(crossesItself([ring], null)).toBe(false);
      const k = Math.floor(random() * ring.length);
      const moved = ring.map((p) => [...p]);
      const to = [127 + (random() - 0.5) * 0.006, 37 + (random() - 0.5) * 0.006];
      moved[k] = to;
      if (k === 0) moved[moved.length - 1] = to;
      if (k === moved.length - 1) moved[0] = to;
      const whole = crossesItself([moved], null);
      expect(crossesItself([moved], movedEdges(moved, k))).toBe(whole);
      if (whole) crossings++;
    }
    // Enough of the moves cross for the agreement to mean something.
    expect(crossings).toBeGreaterThan(30);
  });

  it("finds a bow tie and passes a square", () => {
    const square = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const bowTie = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    expect(crossesItself([square], null)).toBe(false);
    expect(crossesItself([bowTie], null)).toBe(true);
  });
});
