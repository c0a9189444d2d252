import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { distanceM, geodesicAreaM2, lineLengthM, ruleSetById } from "../../geo/index";
import { drawnDiff } from "../../src/store/drawn";
import { liveFigures, ringCircle, selectLiveFigures } from "../../src/store/live-figures";
import { activeZone, createAppStore } from "../../src/store/store";
import type { LiveShape } from "../../src/store/vocabulary";
import { createZone } from "../../src/store/zone-diff";
import { createParcel, createSquare } from "./factories";

const phase12 = ruleSetById("phase-1-2", []);
const phase3 = ruleSetById("phase-3", []);

/** A circle as terra-draw lays it out: evenly round the centre in Web Mercator. */
function mercatorCircle(center: Position, radiusDeg: number, steps = 64): Polygon {
  const [lon = 0, lat = 0] = center;
  const y0 = Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const r = (radiusDeg * Math.PI) / 180;
  const ring: Position[] = [];
  for (let i = 0; i < steps; i++) {
    const a = (2 * Math.PI * i) / steps;
    const y = y0 + r * Math.sin(a);
    ring.push([
      lon + radiusDeg * Math.cos(a),
      ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI,
    ]);
  }
  ring.push(ring[0] as Position);
  return { type: "Polygon", coordinates: [ring] };
}

const drawing = (tool: "parcel-polygon" | "parcel-circle", geometry: Polygon): LiveShape => ({
  kind: "drawing",
  tool,
  geometry,
  at: [0, 0],
});

describe("ringCircle", () => {
  it("finds the centre of a Web Mercator circle and its ground radius", () => {
    const { center, radiusKm } = ringCircle(
      mercatorCircle([127.9, 37.3], 0.02).coordinates[0] ?? [],
    );
    expect(center[0]).toBeCloseTo(127.9, 9);
    expect(center[1]).toBeCloseTo(37.3, 9);
    // Web Mercator is the sphere's, not the ellipsoid's: north-south the ground radius is ~0.4%
    // shorter than east-west at 37°N, and the mean lies between.
    const east = distanceM([127.9, 37.3], [127.92, 37.3]) / 1000;
    expect(radiusKm).toBeLessThan(east);
    expect(Math.abs(radiusKm - east) / east).toBeLessThan(0.004);
  });
});

describe("drawnDiff", () => {
  it("makes a parcel of a polygon and envelopes of a point or a line, with the rules' sizes", () => {
    const zone = createZone("Z1");
    const square = createSquare(127, 37, 0.01);
    expect(drawnDiff(zone, phase12, "parcel-polygon", square)?.put?.[0]?.id).toBe("P1");
    const point = { type: "Point" as const, coordinates: [127, 37] };
    expect(drawnDiff(zone, phase12, "envelope-circle", point)?.envelope).toEqual({
      shape: "circle",
      center: [127, 37],
      radiusKm: 20,
    });
    const line = {
      type: "LineString" as const,
      coordinates: [
        [127, 37],
        [127.1, 37],
      ],
    };
    expect(drawnDiff(zone, phase3, "envelope-belt", line)?.envelope).toMatchObject({
      shape: "belt",
      halfWidthKm: 5,
    });
    expect(drawnDiff(zone, phase12, "envelope-belt", square)).toBeNull();
  });
});

describe("liveFigures", () => {
  const zone = createZone("Z1", { parcels: [createParcel("P1", createSquare(127.9, 37.3, 0.01))] });

  it("measures a polygon in progress and the zone's total with it, as the checker does", () => {
    const sketch = createSquare(127.95, 37.3, 0.02);
    const figures = liveFigures(zone, phase12, drawing("parcel-polygon", sketch));
    expect(figures.shape.areaKm2).toBe(geodesicAreaM2(sketch) / 1e6);
    const total = (geodesicAreaM2(sketch) + geodesicAreaM2(createSquare(127.9, 37.3, 0.01))) / 1e6;
    expect(figures.zone?.totalKm2).toBeCloseTo(total, 6);
    // The inferred circle now holds both parcels.
    expect(figures.zone?.envelope.given).toBe(false);
    expect(figures.zone?.envelope.reachKm).toBeGreaterThan(3);
  });

  it("gives a parcel circle its radius", () => {
    const figures = liveFigures(
      zone,
      phase12,
      drawing("parcel-circle", mercatorCircle([128, 37.3], 0.01)),
    );
    expect(figures.shape.radiusKm).toBeGreaterThan(0.8);
    expect(figures.shape.radiusKm).toBeLessThan(0.9);
  });

  it("measures an envelope being edited: the belt's axis and half-width, the reach with it", () => {
    const axis = [
      [127.85, 37.3],
      [127.95, 37.3],
    ];
    const live: LiveShape = {
      kind: "envelope",
      envelope: { shape: "belt", axis, halfWidthKm: 2 },
      at: [0, 0],
    };
    const figures = liveFigures({ ...zone, ruleSetId: "phase-3" }, phase3, live);
    expect(figures.shape).toEqual({ axisLengthKm: lineLengthM(axis) / 1000, halfWidthKm: 2 });
    expect(figures.zone?.envelope).toMatchObject({ shape: "belt", given: true });
    expect(figures.zone?.envelope.reachKm).toBeGreaterThan(1);
  });

  it("is memoised on the shape and the zone", () => {
    const store = createAppStore();
    expect(selectLiveFigures(store.getState())).toBeNull();
    store.getState().setLive(drawing("parcel-polygon", createSquare(127.95, 37.3, 0.02)));
    const first = selectLiveFigures(store.getState());
    expect(selectLiveFigures(store.getState())).toBe(first);
    expect(activeZone(store.getState()).parcels).toEqual([]);
    store.getState().setLive(null);
    expect(selectLiveFigures(store.getState())).toBeNull();
  });
});
