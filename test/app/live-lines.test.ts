import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../src/i18n";
import { liveLines } from "../../src/panels/LiveMeasures";
import type { LiveFigures } from "../../src/store/live-figures";

const figures: LiveFigures = {
  shape: { areaKm2: 1.23456, radiusKm: 0.6266 },
  zone: {
    totalKm2: 4.5,
    capKm2: 15,
    envelope: { shape: "circle", given: false, radiusKm: 3.2, reachKm: 3.2, limitKm: 20 },
  },
};

describe("liveLines", () => {
  it("formats the figures as the panel does, in Korean and in English", () => {
    expect(liveLines(MESSAGES.ko, figures).map((l) => l.text)).toEqual([
      "면적 1.235 ㎢",
      "반경 0.63 km",
      "완성 시 총면적 4.500 ㎢ / 상한 15 ㎢",
      "완성 시 도달 거리 3.20 km / 한도 20 km",
    ]);
    expect(liveLines(MESSAGES.en, figures).map((l) => l.id)).toEqual([
      "area",
      "radius",
      "total",
      "reach",
    ]);
    expect(liveLines(MESSAGES.en, figures)[0]?.text).toBe("Area 1.235 km²");
  });

  it("shows no reach for a polygon envelope, and only the shape's figures when unchecked", () => {
    const polygon: LiveFigures = {
      shape: { areaKm2: 300 },
      zone: { totalKm2: 1, capKm2: 15, envelope: { shape: "polygon", given: true, areaKm2: 300 } },
    };
    expect(liveLines(MESSAGES.ko, polygon).map((l) => l.id)).toEqual(["area", "total"]);
    const belt: LiveFigures = { shape: { axisLengthKm: 12.3456, halfWidthKm: 5 }, zone: null };
    expect(liveLines(MESSAGES.en, belt).map((l) => l.text)).toEqual([
      "Axis length 12.35 km",
      "Half-width 5.00 km",
    ]);
  });
});
