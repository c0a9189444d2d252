/** The map's own style (src/map/basemap.ts): what it must hold for the first render to come soon. */
import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import { baseStyle } from "../../src/map/basemap";

describe("the base style", () => {
  it("is a valid MapLibre style, with and without a VWorld key", () => {
    for (const key of [undefined, "KEY"])
      expect(validateStyleMin(baseStyle(key)).map((e) => e.message)).toEqual([]);
  });

  it("fades no paint property: a transition keeps the map from idling, and so the first render waits", () => {
    // MapLibre's default is 300 ms: the cadastre's raster opacity, set as the map loads, kept the
    // map repainting that long after its land was ready (docs/benchmarks.md, section (11)).
    expect(baseStyle(undefined).transition).toEqual({ duration: 0, delay: 0 });
  });
});
