import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { geodesicAreaOnce, tmAreaOnce } from "../../geo/check/area-memo";
import { geodesicAreaM2, tmAreaM2 } from "../../geo/measure/measure";

const square = (size: number): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [127, 37],
      [127 + size, 37],
      [127 + size, 37 + size],
      [127, 37 + size],
      [127, 37],
    ],
  ],
});

describe("areas remembered per geometry", () => {
  it("give exactly the measured figures, again on the second call", () => {
    const g = square(0.01);
    expect(geodesicAreaOnce(g)).toBe(geodesicAreaM2(g));
    expect(geodesicAreaOnce(g)).toBe(geodesicAreaM2(g));
    expect(tmAreaOnce(g, "EPSG:5186")).toBe(tmAreaM2(g, "EPSG:5186"));
    expect(tmAreaOnce(g, "EPSG:5179")).toBe(tmAreaM2(g, "EPSG:5179"));
  });

  it("measure a new geometry (an edit) afresh", () => {
    const small = square(0.01);
    const large = square(0.02);
    expect(geodesicAreaOnce(small)).toBeLessThan(geodesicAreaOnce(large));
    expect(tmAreaOnce(large, "EPSG:5186")).toBe(tmAreaM2(large, "EPSG:5186"));
  });
});
