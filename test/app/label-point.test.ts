import type { Feature } from "geojson";
import { describe, expect, it } from "vitest";
import { labelPoint } from "../../src/map/label-point";

describe("labelPoint", () => {
  it("keeps a ring-shaped province's label out of its hole (경기도 around 서울)", () => {
    const donut: Feature = {
      type: "Feature",
      properties: {},
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [10, 0],
            [10, 10],
            [0, 10],
            [0, 0],
          ],
          [
            [3, 3],
            [3, 7],
            [7, 7],
            [7, 3],
            [3, 3],
          ],
        ],
      },
    };
    const [x = 0, y = 0] = labelPoint(donut) ?? [];
    const inHole = x > 3 && x < 7 && y > 3 && y < 7;
    expect(inHole).toBe(false);
    expect(x >= 0 && x <= 10 && y >= 0 && y <= 10).toBe(true);
  });

  it("puts a square's label at its middle", () => {
    const square: Feature = {
      type: "Feature",
      properties: {},
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [4, 0],
            [4, 4],
            [0, 4],
            [0, 0],
          ],
        ],
      },
    };
    expect(labelPoint(square)).toEqual([2, 2]);
  });
});
