/**
 * The coarse 시·도 file ships where each 시·도's name goes (`labelAt`, written by
 * scripts/build-boundaries.ts) so the first render does not compute them. Those points must stay
 * what the map's labelPoint gives for the shipped geometry: a change to either the code or the file
 * that is not rebuilt fails here (test/geo/boundaries-build.test.ts rebuilds the file itself).
 */
import { readFileSync } from "node:fs";
import type { Feature, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { labelPoint, shippedLabelPoint } from "../../src/map/label-point";

type Shipped = Feature & { labelAt?: unknown };
const lite = JSON.parse(readFileSync("public/data/sido-lite.json", "utf8")) as {
  features: Shipped[];
};

describe("the 시·도 label points shipped in the coarse file", () => {
  it("are on every one of the 17 시·도", () => {
    expect(lite.features).toHaveLength(17);
    for (const f of lite.features) expect(f.labelAt, String(f.properties?.code)).toBeDefined();
  });

  it.each(lite.features.map((f): [string, Shipped] => [String(f.properties?.name), f]))(
    "%s: exactly the point labelPoint computes from its geometry",
    (_name, f) => {
      const { labelAt, ...plain } = f;
      expect(labelAt).toEqual(labelPoint(plain));
      expect(shippedLabelPoint(f)).toEqual(labelAt);
    },
  );
});

describe("shippedLabelPoint", () => {
  const square: Feature<Polygon> = {
    type: "Feature",
    properties: {},
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    },
  };

  it("takes the shipped point as it is", () => {
    expect(shippedLabelPoint({ ...square, labelAt: [0.5, 0.25] })).toEqual([0.5, 0.25]);
  });

  it("computes the point where none is shipped, or what is shipped is not [lon, lat]", () => {
    const computed = labelPoint(square);
    expect(computed).toEqual([1, 1]);
    expect(shippedLabelPoint(square)).toEqual(computed);
    expect(shippedLabelPoint({ ...square, labelAt: "1,1" })).toEqual(computed);
    expect(shippedLabelPoint({ ...square, labelAt: [1] })).toEqual(computed);
  });
});
