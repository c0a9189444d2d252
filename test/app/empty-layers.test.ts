/**
 * src/map/empty-layers.ts and adapter-empty.ts: a GeoJSON source's layers are hidden while it
 * holds no feature and shown when it holds some (each hidden layer spares MapLibre a stencil
 * pass over the whole map every frame), other sources' layers untouched, nothing rewritten when
 * nothing changes; terra-draw's three sources likewise, through its adapter's own writes.
 */
import type { Feature, FeatureCollection } from "geojson";
import type { Map as MlMap } from "maplibre-gl";
import { TerraDrawMapLibreGLAdapter } from "terra-draw-maplibre-gl-adapter";
import { describe, expect, it } from "vitest";
import { hideEmptyLayers } from "../../src/map/adapter-empty";
import { setSourceData, showLayersOf } from "../../src/map/empty-layers";

interface FakeLayer {
  id: string;
  source?: string;
  visibility?: "visible" | "none";
}

/** The part of MapLibre's map the two modules use, recording every visibility write. */
function fakeMap(layers: FakeLayer[]) {
  const data = new Map<string, unknown>();
  const writes: string[] = [];
  const handler = { isEnabled: () => true, enable: () => {}, disable: () => {} };
  const map = {
    getContainer: () => ({}),
    dragRotate: handler,
    dragPan: handler,
    getLayersOrder: () => layers.map((l) => l.id),
    getLayer: (id: string) => layers.find((l) => l.id === id),
    getLayoutProperty: (id: string) => layers.find((l) => l.id === id)?.visibility,
    setLayoutProperty: (id: string, _name: string, value: "visible" | "none") => {
      writes.push(`${id}=${value}`);
      const layer = layers.find((l) => l.id === id);
      if (layer) layer.visibility = value;
    },
    getSource: (id: string) =>
      data.has(id) || layers.some((l) => l.source === id)
        ? { setData: (d: unknown) => data.set(id, d) }
        : undefined,
    addSource: (id: string) => data.set(id, null),
    addLayer: (l: { id: string; source: string }) => layers.push({ id: l.id, source: l.source }),
  };
  const shown = (id: string) =>
    (layers.find((l) => l.id === id)?.visibility ?? "visible") === "visible";
  return { map: map as unknown as MlMap, writes, data, shown };
}

const point: Feature = {
  type: "Feature",
  properties: {},
  geometry: { type: "Point", coordinates: [128.1, 35.2] },
};
const collection = (features: Feature[]): FeatureCollection => ({
  type: "FeatureCollection",
  features,
});

describe("layers of an empty source", () => {
  const layers = (): FakeLayer[] => [
    { id: "bg" },
    { id: "hub-point", source: "hubs" },
    { id: "hub-label", source: "hubs" },
    { id: "parcel-fill", source: "parcels" },
  ];

  it("are hidden when the source is emptied and shown when it is filled, others untouched", () => {
    const { map, data, shown } = fakeMap(layers());
    setSourceData(map, "hubs", collection([]));
    expect([shown("hub-point"), shown("hub-label"), shown("parcel-fill"), shown("bg")]).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(data.get("hubs")).toEqual(collection([]));
    setSourceData(map, "hubs", collection([point]));
    expect([shown("hub-point"), shown("hub-label")]).toEqual([true, true]);
    expect(data.get("hubs")).toEqual(collection([point]));
  });

  it("are not written again when their visibility would not change", () => {
    const { map, writes } = fakeMap(layers());
    setSourceData(map, "hubs", collection([point]));
    expect(writes).toEqual([]);
    showLayersOf(map, "parcels", false);
    showLayersOf(map, "parcels", false);
    setSourceData(map, "parcels", collection([]));
    expect(writes).toEqual(["parcel-fill=none"]);
  });

  it("a source the map does not have is left alone", () => {
    const { map, writes, data } = fakeMap(layers());
    setSourceData(map, "nowhere", collection([]));
    expect(writes).toEqual([]);
    expect(data.has("nowhere")).toBe(false);
  });
});

describe("terra-draw's layers", () => {
  type Write = (type: string, features: Feature[]) => unknown;
  const inside = (adapter: object) =>
    adapter as unknown as { _setGeoJSONLayerData: Write; _addGeoJSONLayer: Write };

  it("are hidden when the adapter makes its sources empty and follow what it writes", () => {
    const { map, shown } = fakeMap([]);
    const adapter = new TerraDrawMapLibreGLAdapter({ map });
    expect(hideEmptyLayers(adapter, map)).toBe(true);
    inside(adapter)._addGeoJSONLayer("Polygon", []);
    inside(adapter)._addGeoJSONLayer("Point", []);
    expect(["td-polygon", "td-polygon-outline", "td-point", "td-point-marker"].map(shown)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    inside(adapter)._setGeoJSONLayerData("Point", [point]);
    expect([shown("td-point"), shown("td-point-marker"), shown("td-polygon")]).toEqual([
      true,
      true,
      false,
    ]);
    inside(adapter)._setGeoJSONLayerData("Point", []);
    expect(shown("td-point")).toBe(false);
  });

  it("are left as the adapter makes them when its methods are not where they were", () => {
    const { map } = fakeMap([]);
    expect(hideEmptyLayers({ _prefixId: "td" }, map)).toBe(false);
  });
});
