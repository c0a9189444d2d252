/**
 * src/map/adapter-diff.ts on terra-draw's real MapLibre adapter over a fake map: after every
 * write the source holds exactly the features the adapter wrote (as a plain `setData` would
 * leave it), a drag-like change reaches MapLibre as an `updateData` of the changed features only,
 * and a whole `setData` is still sent where a diff can't be trusted.
 */
import type { Feature, Point, Polygon } from "geojson";
import type { Map as MlMap } from "maplibre-gl";
import { TerraDrawMapLibreGLAdapter } from "terra-draw-maplibre-gl-adapter";
import { describe, expect, it } from "vitest";
import {
  diffFeatures,
  holding,
  type SourceDiff,
  writeChangesOnly,
} from "../../src/map/adapter-diff";

/** A GeoJSON source that keeps what it was given, the way MapLibre applies setData and diffs. */
class FakeSource {
  held = new Map<string | number, string>();
  calls: ("setData" | "updateData")[] = [];
  lastDiff: SourceDiff | null = null;
  setData(data: { features: Feature[] }): Promise<void> {
    this.calls.push("setData");
    this.held = new Map(data.features.map((f) => [f.id ?? "?", JSON.stringify(f)]));
    return Promise.resolve();
  }
  updateData(diff: SourceDiff): Promise<void> {
    this.calls.push("updateData");
    this.lastDiff = diff;
    for (const id of diff.remove) this.held.delete(id);
    for (const f of diff.add) this.held.set(f.id ?? "?", JSON.stringify(f));
    return Promise.resolve();
  }
}

function fakeMap(sources: Map<string, FakeSource>): MlMap {
  const handler = { isEnabled: () => true, enable: () => {}, disable: () => {} };
  return {
    getContainer: () => ({}),
    dragRotate: handler,
    dragPan: handler,
    getSource: (id: string) => sources.get(id),
  } as unknown as MlMap;
}

type Write = (type: string, features: Feature[]) => unknown;

function setUp() {
  const sources = new Map([["td-point", new FakeSource()]]);
  const map = fakeMap(sources);
  const adapter = new TerraDrawMapLibreGLAdapter({ map });
  const patched = writeChangesOnly(adapter, map);
  const write = (features: Feature[]) =>
    (adapter as unknown as { _setGeoJSONLayerData: Write })._setGeoJSONLayerData("Point", features);
  return { sources, patched, write, source: () => sources.get("td-point") as FakeSource };
}

/** 513 handles of a 256-vertex parcel: vertices and midpoints, styled as the adapter styles them. */
function handles(shift = 0, moved = -1): Feature<Point>[] {
  return Array.from({ length: 513 }, (_, i) => ({
    type: "Feature",
    id: `h${i}`,
    properties: { mode: "select", pointColor: "#f00", pointWidth: 4, zIndex: 30 },
    geometry: { type: "Point", coordinates: [128 + i * 1e-4 + (i === moved ? shift : 0), 35.18] },
  }));
}

function expectHolds(source: FakeSource, features: Feature[]): void {
  expect(source.held).toEqual(new Map(features.map((f) => [f.id, JSON.stringify(f)])));
}

describe("terra-draw's adapter writes only what changed", () => {
  it("hands a drag's moved handles to MapLibre as a diff, and the source holds every handle", () => {
    const { patched, write, source } = setUp();
    expect(patched).toBe(true);
    const first = handles();
    write(first);
    expect(source().calls).toEqual(["setData"]);
    expectHolds(source(), first);
    // Fresh objects each write, as terra-draw hands the adapter copies: compared by value.
    for (let step = 1; step <= 5; step++) {
      const next = handles(step * 1e-5, 10);
      const mid = next[11] as Feature<Point>;
      mid.geometry = { type: "Point", coordinates: [128.5, 35.2 + step * 1e-5] };
      write(next);
      expect(source().calls.at(-1)).toBe("updateData");
      expect(source().lastDiff?.remove).toEqual([]);
      expect(source().lastDiff?.add.map((f) => f.id)).toEqual(["h10", "h11"]);
      expectHolds(source(), next);
    }
  });

  it("removes features gone and restyles those whose properties changed", () => {
    const { write, source } = setUp();
    write(handles());
    const next = handles().slice(0, 510);
    (next[3] as Feature).properties = { mode: "select", pointColor: "#00f", pointWidth: 6 };
    write(next);
    expect(source().calls.at(-1)).toBe("updateData");
    expect(source().lastDiff?.remove).toEqual(["h510", "h511", "h512"]);
    expect(source().lastDiff?.add.map((f) => f.id)).toEqual(["h3"]);
    expectHolds(source(), next);
  });

  it("writes nothing when nothing changed", () => {
    const { write, source } = setUp();
    write(handles());
    write(handles());
    expect(source().calls).toEqual(["setData"]);
  });

  it("sends the whole set when most features changed, a feature has no id or ids repeat", () => {
    const { write, source } = setUp();
    write(handles());
    const restyled = handles().map((f) => ({
      ...f,
      properties: { ...f.properties, pointWidth: 8 },
    }));
    write(restyled);
    expect(source().calls.at(-1)).toBe("setData");
    expectHolds(source(), restyled);
    const noId = handles();
    delete (noId[5] as Feature).id;
    write(noId);
    expect(source().calls.at(-1)).toBe("setData");
    const twice = handles();
    (twice[6] as Feature).id = "h7";
    write(twice);
    expect(source().calls.at(-1)).toBe("setData");
  });

  it("starts again with a whole set when the source was made anew", () => {
    const { sources, write, source } = setUp();
    write(handles());
    sources.set("td-point", new FakeSource());
    const next = handles(1e-5, 0);
    write(next);
    expect(source().calls).toEqual(["setData"]);
    expectHolds(source(), next);
  });

  it("leaves an adapter without that write alone", () => {
    expect(writeChangesOnly({}, fakeMap(new Map()))).toBe(false);
  });

  it("compares polygons by value and dash arrays by value", () => {
    const ring = [
      [128, 35],
      [128.1, 35],
      [128.1, 35.1],
      [128, 35],
    ];
    const parcel = (x: number): Feature<Polygon> => ({
      type: "Feature",
      id: "P1",
      properties: { lineStringDash: [2, 1] },
      geometry: {
        type: "Polygon",
        coordinates: [ring.map(([a = 0, b = 0], i) => [i === 1 ? x : a, b])],
      },
    });
    const held = holding([parcel(128.1)]);
    expect(diffFeatures(held, [parcel(128.1)])).toEqual({ remove: [], add: [] });
    expect(diffFeatures(held, [parcel(128.2)])?.add.map((f) => f.id)).toEqual(["P1"]);
    expect(diffFeatures(null, [parcel(128.1)])).toBeNull();
  });
});
