/** The vector PMTiles basemap's style: valid MapLibre layers, known schema names coloured, the rest generic. */
import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import { ARCHIVE_SOURCE, drawingOrder, GENERIC, vectorLayers } from "../../src/map/archive-style";

const NAMES = [
  "earth",
  "water",
  "landuse",
  "roads",
  "transportation",
  "buildings",
  "places",
  "sigungu",
];

describe("the archive basemap's vector style", () => {
  it("makes valid MapLibre layers with unique ids for any layer names", () => {
    const layers = NAMES.flatMap((n) => vectorLayers(n));
    const errors = validateStyleMin({
      version: 8,
      sources: { [ARCHIVE_SOURCE]: { type: "vector", url: "pmtiles://test" } },
      layers,
    });
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(new Set(layers.map((l) => l.id)).size).toBe(layers.length);
  });

  it("colours OpenMapTiles/Protomaps names and draws any other layer generically", () => {
    const water = vectorLayers("water");
    expect(water.map((l) => l.type)).toEqual(["fill"]);
    expect(water[0]?.paint).toEqual({ "fill-color": "#bcd7e8" });
    expect(vectorLayers("roads").map((l) => l.type)).toEqual(["line"]);
    const other = vectorLayers("sigungu");
    expect(other.map((l) => l.type)).toEqual(["fill", "line", "line", "circle"]);
    expect(other[0]?.paint).toEqual({ "fill-color": GENERIC.fill });
    for (const l of other)
      expect((l as { "source-layer"?: string })["source-layer"]).toBe("sigungu");
  });

  it("draws land under water and lines over fills, other layers on top in the archive's order", () => {
    expect(drawingOrder(["roads", "sigungu", "water", "places", "earth", "buildings"])).toEqual([
      "earth",
      "water",
      "buildings",
      "roads",
      "sigungu",
      "places",
    ]);
  });
});
