import { readFileSync } from "node:fs";
import { area as turfArea } from "@turf/turf";
import fc from "fast-check";
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { reprojectGeometry, toLonLat } from "../../geo/measure/crs";
import { Geodesic, WGS84 } from "../../geo/measure/geodesic";
import {
  azimuthDeg,
  destination,
  distanceM,
  geodesicAreaM2,
  lineLengthM,
  ringAreaM2,
  tmAreaM2,
} from "../../geo/measure/measure";
import { EXAMPLES } from "../support/paths";
import { createPolygon } from "../support/shapes";

type Parcels = FeatureCollection<Polygon | MultiPolygon> & { crs?: unknown };

const expected: Record<
  string,
  { totalKm2: number; parcelKm2: number[]; tmKm2: Record<string, number> }
> = JSON.parse(readFileSync(`${EXAMPLES}/expected.json`, "utf8"));

/** An example's parcels in WGS84 (jinju-epsg5179 is written in EPSG:5179). */
function readExample(name: string): (Polygon | MultiPolygon)[] {
  const fcIn: Parcels = JSON.parse(readFileSync(`${EXAMPLES}/${name}`, "utf8"));
  const toWgs84 = fcIn.crs === undefined ? null : toLonLat("EPSG:5179");
  return fcIn.features.map((f) => (toWgs84 ? reprojectGeometry(f.geometry, toWgs84) : f.geometry));
}

function readFixture(name: string): { geometry: Polygon; expectedM2: number } {
  const fcIn: FeatureCollection<Polygon, { expectedM2: number }> = JSON.parse(
    readFileSync(new URL(`../fixtures/measure/${name}`, import.meta.url), "utf8"),
  );
  const f = fcIn.features[0];
  if (!f) throw new Error(`fixture ${name} has no feature`);
  return { geometry: f.geometry, expectedM2: f.properties.expectedM2 };
}

/** GeographicLib's own PolygonArea: the independent oracle for every area here. */
function oracleRingM2(ring: Position[]): number {
  const poly = WGS84.Polygon(false);
  const open = ring.slice(0, -1);
  for (const p of open) poly.AddPoint(p[1] ?? 0, p[0] ?? 0);
  return Math.abs(poly.Compute(false, true).area ?? 0);
}

/** A closed ring on a geodesic circle of `radiusM` about `center`, azimuths in order. */
function createRing(center: Position, radiusM: number, azimuths: number[]): Position[] {
  const ring = azimuths.map((az) => {
    const r = WGS84.Direct(center[1] ?? 0, center[0] ?? 0, az, radiusM);
    return [r.lon2 ?? 0, r.lat2 ?? 0];
  });
  return [...ring, ring[0] as Position];
}

function createRegularRing(center: Position, radiusM: number, n: number): Position[] {
  return createRing(
    center,
    radiusM,
    Array.from({ length: n }, (_, i) => (i * 360) / n),
  );
}

describe("geodesicAreaM2 against the oracle examples", () => {
  for (const name of Object.keys(expected)) {
    it(`${name}: each parcel and the total within 10 m²`, () => {
      const parcels = readExample(name);
      const want = expected[name];
      if (!want) throw new Error(name);
      const got = parcels.map(geodesicAreaM2);
      got.forEach((m2, i) => {
        expect(Math.abs(m2 - (want.parcelKm2[i] ?? Number.NaN) * 1e6)).toBeLessThan(10);
      });
      const total = got.reduce((a, b) => a + b, 0);
      expect(Math.abs(total - want.totalKm2 * 1e6)).toBeLessThan(10);
    });

    for (const crs of ["EPSG:5186", "EPSG:5179", "EPSG:5187"]) {
      it(`${name}: planar area in ${crs} within 1 m²`, () => {
        const total = readExample(name).reduce((sum, g) => sum + tmAreaM2(g, crs), 0);
        const want = expected[name]?.tmKm2[crs] ?? Number.NaN;
        expect(Math.abs(total - want * 1e6)).toBeLessThan(1);
      });
    }
  }

  it("tmAreaM2 defaults to EPSG:5186", () => {
    const [g] = readExample("jinju-two-parcels.geojson");
    if (!g) throw new Error("no parcel");
    expect(tmAreaM2(g)).toBe(tmAreaM2(g, "EPSG:5186"));
  });
});

describe("the 15 km² cap, where Turf's spherical area gets the verdict wrong", () => {
  it("15.004 km² at 37°N (256-gon) measures over 15 km²; Turf puts it under", () => {
    const { geometry, expectedM2 } = readFixture("cap-15004-37n.geojson");
    expect(oracleRingM2(geometry.coordinates[0] ?? [])).toBeCloseTo(expectedM2, 3);
    const m2 = geodesicAreaM2(geometry);
    expect(Math.abs(m2 - expectedM2)).toBeLessThan(0.01);
    expect(m2).toBeGreaterThan(15e6);
    expect(turfArea(geometry)).toBeLessThanOrEqual(15e6);
  });

  it("14.996 km² at 33°N (a square of ~3.9 km edges) measures under 15 km²; Turf puts it over", () => {
    const { geometry, expectedM2 } = readFixture("cap-14996-33n.geojson");
    expect(oracleRingM2(geometry.coordinates[0] ?? [])).toBeCloseTo(expectedM2, 3);
    const m2 = geodesicAreaM2(geometry);
    expect(Math.abs(m2 - expectedM2)).toBeLessThan(0.01);
    expect(m2).toBeLessThan(15e6);
    expect(turfArea(geometry)).toBeGreaterThan(15e6);
  });
});

/** A centre somewhere over Korea. */
const koreaCenter = fc.tuple(
  fc.double({ min: 125.5, max: 129.5, noNaN: true }),
  fc.double({ min: 33.0, max: 38.5, noNaN: true }),
);
/** Sorted distinct azimuths: on a geodesic circle they make a convex polygon. */
const azimuthSet = fc
  .uniqueArray(fc.integer({ min: 0, max: 3599 }), { minLength: 4, maxLength: 60 })
  .map((a) => a.sort((x, y) => x - y).map((t) => t / 10));

describe("geodesicAreaM2 agrees with GeographicLib's PolygonArea", () => {
  it("within 0.01 m² for polygons of 4–60 vertices, 20 m – 8 km edges, anywhere in Korea", () => {
    fc.assert(
      fc.property(
        koreaCenter,
        fc.double({ min: 50, max: 4000, noNaN: true }),
        azimuthSet,
        (c, r, az) => {
          const ring = createRing(c, r, az);
          expect(Math.abs(ringAreaM2(ring) - oracleRingM2(ring))).toBeLessThan(0.01);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("within 0.01 m² on a 15 km² zone of 20 × 256-vertex parcels", () => {
    const parcels = Array.from({ length: 20 }, (_, k) =>
      createRegularRing([127.0 + 0.03 * k, 36.5 + 0.01 * k], 488.6, 256),
    );
    const mine = parcels.reduce((s, ring) => s + geodesicAreaM2(createPolygon(ring)), 0);
    const oracle = parcels.reduce((s, ring) => s + oracleRingM2(ring), 0);
    expect(oracle).toBeGreaterThan(14.9e6);
    expect(Math.abs(mine - oracle)).toBeLessThan(0.01);
  });
});

describe("geodesicAreaM2 properties", () => {
  it("a convex polygon split by a chord: the pieces add up to the whole (1e-6 relative)", () => {
    fc.assert(
      fc.property(
        koreaCenter,
        fc.double({ min: 100, max: 5000, noNaN: true }),
        azimuthSet,
        fc.nat(),
        fc.nat(),
        (c, r, az, s1, s2) => {
          const ring = createRing(c, r, az).slice(0, -1);
          const n = ring.length;
          const i = s1 % n;
          const j = (i + 2 + (s2 % (n - 3))) % n;
          const [lo, hi] = i < j ? [i, j] : [j, i];
          const a = ring.slice(lo, hi + 1);
          const b = [...ring.slice(hi), ...ring.slice(0, lo + 1)];
          const whole = ringAreaM2(ring);
          const sum = ringAreaM2(a) + ringAreaM2(b);
          expect(Math.abs(sum - whole)).toBeLessThanOrEqual(1e-6 * whole);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a hole subtracts exactly its own area, and orientation never matters", () => {
    fc.assert(
      fc.property(
        koreaCenter,
        fc.double({ min: 500, max: 4000, noNaN: true }),
        azimuthSet,
        (c, r, az) => {
          const outer = createRing(c, r, az);
          const hole = createRegularRing(c, r / 4, 12);
          const withHole = geodesicAreaM2(createPolygon(outer, hole));
          const expectedM2 = oracleRingM2(outer) - oracleRingM2(hole);
          expect(Math.abs(withHole - expectedM2)).toBeLessThan(0.01);
          const flipped = geodesicAreaM2(createPolygon([...outer].reverse(), [...hole].reverse()));
          expect(Math.abs(flipped - withHole)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a ring without its closing position measures the same", () => {
    const ring = createRegularRing([128.1, 35.2], 1500, 40);
    expect(ringAreaM2(ring.slice(0, -1))).toBeCloseTo(ringAreaM2(ring), 6);
  });

  it("a multipolygon is the sum of its parts; degenerate rings are 0", () => {
    const a = createRegularRing([127.1, 37.5], 800, 30);
    const b = createRegularRing([127.2, 37.5], 600, 30);
    const multi: MultiPolygon = { type: "MultiPolygon", coordinates: [[a], [b]] };
    expect(geodesicAreaM2(multi)).toBeCloseTo(oracleRingM2(a) + oracleRingM2(b), 2);
    expect(ringAreaM2([])).toBe(0);
    expect(
      ringAreaM2([
        [127, 37],
        [127.1, 37],
        [127, 37],
      ]),
    ).toBe(0);
  });
});

describe("distances", () => {
  it("a degree of latitude from the equator is 110,574.389 m (meridian arc, WGS84)", () => {
    expect(distanceM([0, 0], [0, 1])).toBeCloseTo(110574.389, 2);
  });

  it("destination and azimuthDeg undo each other", () => {
    const a: Position = [126.978, 37.5665];
    const b = destination(a, 63.5, 12_345.678);
    expect(distanceM(a, b)).toBeCloseTo(12_345.678, 6);
    expect(azimuthDeg(a, b)).toBeCloseTo(63.5, 8);
  });

  it("lineLengthM adds geodesic legs; a single position has no length", () => {
    const a: Position = [129.0, 35.1];
    const b = destination(a, 0, 1000);
    const c = destination(b, 90, 2000);
    expect(lineLengthM([a, b, c])).toBeCloseTo(3000, 6);
    expect(lineLengthM([a])).toBe(0);
  });

  it("distanceM matches GeographicLib's Inverse", () => {
    const r = WGS84.Inverse(35, 128, 35.2, 128.3, Geodesic.DISTANCE);
    expect(distanceM([128, 35], [128.3, 35.2])).toBe(r.s12);
  });
});
