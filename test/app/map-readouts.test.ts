/** The status bar's pointer readout and the measure tool's figures (issue 21). */
import { describe, expect, it } from "vitest";
import {
  format5186,
  formatArea,
  formatLength,
  formatLonLat,
  measureFigures,
} from "../../src/panels/map-readouts";

describe("pointer readout", () => {
  it("names hemispheres in WGS84 and gives TM metres in EPSG:5186 (its origin: 38°N 127°E)", () => {
    expect(formatLonLat([128.08, 35.18])).toBe("35.18000°N 128.08000°E");
    expect(format5186([127, 38])).toBe("EPSG:5186 x 200000.0 y 600000.0");
  });
});

describe("measure tool figures", () => {
  it("a degree of latitude at 37.5°N is about 110,987 m (the meridian arc)", () => {
    const { lengthM, areaM2 } = measureFigures(
      [
        [127, 37],
        [127, 38],
      ],
      true,
    );
    expect(Math.abs(lengthM - 110_987)).toBeLessThan(5);
    expect(areaM2).toBeNull();
  });

  it("an ended line of three points or more closes: the length comes back, and an area", () => {
    const square: [number, number][] = [
      [127, 37],
      [127.01, 37],
      [127.01, 37.01],
      [127, 37.01],
    ];
    const open = measureFigures(square, false);
    const closed = measureFigures(square, true);
    expect(open.areaM2).toBeNull();
    expect(closed.lengthM).toBeGreaterThan(open.lengthM * 1.3);
    // About 889 m × 1,111 m near 37°N: roughly 0.99 km².
    expect(closed.areaM2).toBeGreaterThan(0.95e6);
    expect(closed.areaM2).toBeLessThan(1.03e6);
  });

  it("formats metres and kilometres, m² and ㎢ (km² in English)", () => {
    expect(formatLength(850.4)).toBe("850 m");
    expect(formatLength(12_345.6)).toBe("12.346 km");
    expect(formatArea(4500, "ko")).toBe("4,500 m²");
    expect(formatArea(1_234_567, "ko")).toBe("1.2346 ㎢");
    expect(formatArea(1_234_567, "en")).toBe("1.2346 km²");
  });
});
