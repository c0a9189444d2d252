import { booleanPointInPolygon } from "@turf/turf";
import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { distanceToLineM } from "../../geo/envelope";
import { ringProblems } from "../../geo/geometry";
import {
  circleRing,
  destination,
  distanceM,
  envelopeOutline,
  geodesicAreaM2,
} from "../../geo/index";

/** Positions within `maxM` of the axis: along each segment, out to each side, and round each vertex. */
function pointsNearAxis(axis: Position[], maxM: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i + 1 < axis.length; i += 1) {
    const [ax = 0, ay = 0] = axis[i] ?? [];
    const [bx = 0, by = 0] = axis[i + 1] ?? [];
    for (let t = 0; t <= 1; t += 0.05) {
      const p: Position = [ax + (bx - ax) * t, ay + (by - ay) * t];
      for (const az of [0, 45, 90, 135, 180, 225, 270, 315]) out.push(destination(p, az, maxM));
    }
  }
  for (const v of axis) for (let az = 0; az < 360; az += 10) out.push(destination(v, az, maxM));
  return out.filter((p) => distanceToLineM(p, axis) <= maxM);
}

function expectOneCleanRing(outline: Polygon): Position[] {
  expect(outline.coordinates).toHaveLength(1);
  expect(ringProblems(outline)).toEqual([]);
  return outline.coordinates[0] ?? [];
}

describe("envelopeOutline", () => {
  it("draws a straight belt as one ring whose area is the buffer's, 2wL + πw²", () => {
    const axis: Position[] = [
      [128.0, 35.2],
      [128.2, 35.26],
    ];
    const halfWidthM = 2000;
    const outline = envelopeOutline({ shape: "belt", axis, halfWidthKm: halfWidthM / 1000 });
    expectOneCleanRing(outline);
    const lengthM = distanceM(axis[0] as Position, axis[1] as Position);
    const exactM2 = 2 * halfWidthM * lengthM + Math.PI * halfWidthM ** 2;
    expect(Math.abs(geodesicAreaM2(outline) / exactM2 - 1)).toBeLessThan(2e-4);
  });

  it("draws a bent belt as one ring holding its whole buffer, with no seam inside", () => {
    const axis: Position[] = [
      [127.9, 35.1],
      [128.05, 35.2],
      [128.1, 35.05],
      [128.3, 35.12],
    ];
    const halfWidthM = 3000;
    const outline = envelopeOutline({ shape: "belt", axis, halfWidthKm: halfWidthM / 1000 });
    const ring = expectOneCleanRing(outline);
    // Every vertex lies on the buffer's edge (a seam between pieces would lie inside it).
    for (const p of ring) {
      expect(Math.abs(distanceToLineM(p, axis) - halfWidthM)).toBeLessThan(halfWidthM * 1e-3);
    }
    for (const p of pointsNearAxis(axis, halfWidthM * 0.999)) {
      expect(booleanPointInPolygon(p, outline)).toBe(true);
    }
  });

  it("draws a circle as one geodesic ring at its radius, and a polygon as itself", () => {
    const center: Position = [129.05, 35.15];
    const ring = expectOneCleanRing(envelopeOutline({ shape: "circle", center, radiusKm: 10 }));
    for (const p of ring) expect(distanceM(center, p)).toBeCloseTo(10_000, 3);
    const polygon: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [128, 35],
          [128.1, 35],
          [128.1, 35.1],
          [128, 35],
        ],
      ],
    };
    expect(envelopeOutline({ shape: "polygon", polygon })).toBe(polygon);
  });

  it("draws every circle with the one circleRing: counter-clockwise (RFC 7946), from due north", () => {
    const center: Position = [127.38, 36.35];
    const ring = envelopeOutline({ shape: "circle", center, radiusKm: 5 }).coordinates[0] ?? [];
    expect(ring).toEqual(circleRing(center, 5000));
    expect(ring).toHaveLength(97);
    // Shoelace over lon/lat: positive for a counter-clockwise ring.
    let twiceArea = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x0 = 0, y0 = 0] = ring[i] ?? [];
      const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
      twiceArea += x0 * y1 - x1 * y0;
    }
    expect(twiceArea).toBeGreaterThan(0);
    expect(ring[0]).toEqual(destination(center, 0, 5000));
    expect(ring[1]).toEqual(destination(center, 360 - 360 / 96, 5000));
  });
});
