import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import {
  beltReachM,
  distanceToLineM,
  parcelPositions,
  polygonContains,
  reachM,
  smallestEnclosingCircle,
} from "../../geo/envelope";
import { reprojectGeometry, toLonLat } from "../../geo/measure/crs";
import { Geodesic, WGS84 } from "../../geo/measure/geodesic";
import { EXAMPLES } from "../support/paths";
import { createPolygon, createRect } from "../support/shapes";

const expected: Record<string, { mecRadiusKm: number }> = JSON.parse(
  readFileSync(`${EXAMPLES}/expected.json`, "utf8"),
);

function readExample(name: string): (Polygon | MultiPolygon)[] {
  const fcIn: FeatureCollection<Polygon | MultiPolygon> & { crs?: unknown } = JSON.parse(
    readFileSync(`${EXAMPLES}/${name}`, "utf8"),
  );
  const toWgs84 = fcIn.crs === undefined ? null : toLonLat("EPSG:5179");
  return fcIn.features.map((f) => (toWgs84 ? reprojectGeometry(f.geometry, toWgs84) : f.geometry));
}

/** GeographicLib's inverse distance, m: the oracle for every distance below. */
function oracleDistanceM(a: Position, b: Position): number {
  return WGS84.Inverse(a[1] ?? 0, a[0] ?? 0, b[1] ?? 0, b[0] ?? 0, Geodesic.DISTANCE).s12 ?? 0;
}

function createDirect(from: Position, azimuthDeg: number, distanceM: number): Position {
  const r = WGS84.Direct(from[1] ?? 0, from[0] ?? 0, azimuthDeg, distanceM);
  return [r.lon2 ?? 0, r.lat2 ?? 0];
}

describe("smallestEnclosingCircle", () => {
  for (const name of Object.keys(expected)) {
    it(`${name}: radius within 20 m of the oracle's, over every parcel vertex`, () => {
      const points = parcelPositions(readExample(name));
      const { center, radiusM } = smallestEnclosingCircle(points);
      const wantM = (expected[name]?.mecRadiusKm ?? Number.NaN) * 1000;
      expect(Math.abs(radiusM - wantM)).toBeLessThan(20);
      // The radius is the exact reach from the centre it reports.
      const reach = Math.max(...points.map((p) => oracleDistanceM(center, p)));
      expect(radiusM).toBeCloseTo(reach, 6);
    });
  }

  it("points on a 20 km geodesic circle give that circle: radius ± 10 m, centre within 10 m", () => {
    const c: Position = [127.38, 36.35];
    const points = Array.from({ length: 72 }, (_, i) => createDirect(c, i * 5 + 1, 20_000));
    const got = smallestEnclosingCircle(points);
    expect(Math.abs(got.radiusM - 20_000)).toBeLessThan(10);
    expect(oracleDistanceM(got.center, c)).toBeLessThan(10);
  });

  it("two points: the circle on their geodesic midpoint, radius half their distance", () => {
    const a: Position = [126.9, 37.5];
    const b: Position = [127.2, 37.3];
    const got = smallestEnclosingCircle([a, b]);
    expect(got.radiusM).toBeCloseTo(oracleDistanceM(a, b) / 2, 2);
  });

  it("one point: radius 0 at that point; none: a FilingError", () => {
    expect(smallestEnclosingCircle([[128, 35]])).toEqual({ center: [128, 35], radiusM: 0 });
    expect(() => smallestEnclosingCircle([])).toThrowError(/no points/);
  });

  const pointSet = fc
    .tuple(
      fc.double({ min: 125.8, max: 129.2, noNaN: true }),
      fc.double({ min: 33.5, max: 38.2, noNaN: true }),
      fc.array(
        fc.tuple(
          fc.double({ min: 0, max: 360, noNaN: true }),
          fc.double({ min: 0, max: 25_000, noNaN: true }),
        ),
        { minLength: 1, maxLength: 300 },
      ),
    )
    .map(([lon, lat, polar]) => polar.map(([az, d]) => createDirect([lon, lat], az, d)));

  it("holds every point (within 1 m), is no bigger than the bbox-centre circle, and is a local minimum", () => {
    fc.assert(
      fc.property(pointSet, (points) => {
        const { center, radiusM } = smallestEnclosingCircle(points);
        const reachFrom = (c: Position) => Math.max(...points.map((p) => oracleDistanceM(c, p)));
        expect(reachFrom(center)).toBeLessThanOrEqual(radiusM + 1);
        const lons = points.map((p) => p[0] ?? 0);
        const lats = points.map((p) => p[1] ?? 0);
        const boxCentre: Position = [
          (Math.min(...lons) + Math.max(...lons)) / 2,
          (Math.min(...lats) + Math.max(...lats)) / 2,
        ];
        expect(radiusM).toBeLessThanOrEqual(reachFrom(boxCentre) + 1e-6);
        // No step of 2 m in any of 8 directions shrinks the circle by more than a centimetre.
        for (let az = 0; az < 360; az += 45) {
          expect(reachFrom(createDirect(center, az, 2))).toBeGreaterThan(radiusM - 0.01);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("reachM", () => {
  it("is the farthest exact distance, even past the fast ranking's range", () => {
    const c: Position = [127, 37];
    const points = [
      createDirect(c, 10, 5_000),
      createDirect(c, 200, 250_000),
      createDirect(c, 90, 9),
    ];
    expect(reachM(c, points)).toBeCloseTo(250_000, 6);
    expect(reachM(c, [])).toBe(0);
  });
});

describe("distanceToLineM and beltReachM", () => {
  const a: Position = [127.0, 36.6];
  const line = WGS84.InverseLine(36.6, 127.0, 36.9, 127.35);

  /** A point `offsetM` to the side of the axis a→b, at `alongM` from a, perpendicular to it. */
  function createOffset(alongM: number, offsetM: number, side: 1 | -1): Position {
    const x = line.Position(alongM, Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.AZIMUTH);
    return createDirect([x.lon2 ?? 0, x.lat2 ?? 0], (x.azi2 ?? 0) + 90 * side, offsetM);
  }
  const b: Position = (() => {
    const x = line.Position(line.s13, Geodesic.LATITUDE | Geodesic.LONGITUDE);
    return [x.lon2 ?? 0, x.lat2 ?? 0];
  })();

  it("a point offset perpendicular to a geodesic axis by d measures d (within 1 m at 10 km)", () => {
    for (const [along, off, side] of [
      [5_000, 10_000, 1],
      [20_000, 5_000, -1],
      [30_000, 1_234.5, 1],
      [12_000, 0.5, -1],
    ] as const) {
      expect(Math.abs(distanceToLineM(createOffset(along, off, side), [a, b]) - off)).toBeLessThan(
        0.01,
      );
    }
  });

  it("past an end of the axis the distance is to that end", () => {
    const p = createDirect(a, 200, 3_000);
    expect(distanceToLineM(p, [a, b])).toBeCloseTo(oracleDistanceM(p, a), 3);
  });

  it("a bent axis: the nearer segment counts", () => {
    const c = createDirect(b, 0, 20_000);
    const p = createDirect(c, 270, 4_000);
    expect(distanceToLineM(p, [a, b, c])).toBeCloseTo(4_000, 0);
  });

  it("beltReachM is the farthest point's distance from the axis", () => {
    const points = [
      createOffset(1_000, 300, 1),
      createOffset(10_000, 4_321, -1),
      createOffset(25_000, 4_000, 1),
      createOffset(40_000, 10, -1),
    ];
    // Each point its own one-position ring: no edges between them.
    const rings = points.map((p) => [p]);
    expect(Math.abs(beltReachM([a, b], rings) - 4_321)).toBeLessThan(0.01);
    expect(beltReachM([a, b], [])).toBe(0);
  });
});

describe("parcelPositions", () => {
  it("takes outer rings only, from polygons and multipolygons", () => {
    const outer = createRect(127, 37, 127.1, 37.1);
    const hole = createRect(127.04, 37.04, 127.06, 37.06);
    const multi: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [[createRect(128, 35, 128.1, 35.1)]],
    };
    expect(parcelPositions([createPolygon(outer, hole), multi])).toHaveLength(10);
  });
});

describe("polygonContains", () => {
  const envelope = createPolygon(createRect(127.0, 37.0, 127.2, 37.2));

  it("a parcel well inside is inside; one crossing the edge is not", () => {
    expect(polygonContains(envelope, createPolygon(createRect(127.05, 37.05, 127.1, 37.1)))).toBe(
      true,
    );
    expect(polygonContains(envelope, createPolygon(createRect(127.15, 37.05, 127.25, 37.1)))).toBe(
      false,
    );
    expect(polygonContains(envelope, createPolygon(createRect(128, 37.05, 128.1, 37.1)))).toBe(
      false,
    );
  });

  it("a parcel sharing an envelope edge or corner counts as inside", () => {
    // The envelope carries the parcel's corner (127.05, 37.0), so the shared southern edge is
    // the same geodesic in both; the western edges lie on one meridian.
    const withVertex = createPolygon([
      [127.0, 37.0],
      [127.05, 37.0],
      [127.2, 37.0],
      [127.2, 37.2],
      [127.0, 37.2],
      [127.0, 37.0],
    ]);
    expect(polygonContains(withVertex, createPolygon(createRect(127.0, 37.0, 127.05, 37.05)))).toBe(
      true,
    );
    // At the north-east corner: the meridian is shared, and the envelope's 18 km northern
    // geodesic bows farther north than the parcel's 9 km one.
    expect(polygonContains(envelope, createPolygon(createRect(127.1, 37.1, 127.2, 37.2)))).toBe(
      true,
    );
  });

  it("a parcel along a long lon/lat-straight edge is judged by the geodesic: outside in the south", () => {
    // The envelope's 18 km southern geodesic bows ~4.7 m north of the parallel 37°N, so a
    // parcel whose edge follows the parallel pokes out.
    expect(polygonContains(envelope, createPolygon(createRect(127.0, 37.0, 127.05, 37.05)))).toBe(
      false,
    );
  });

  it("a multipolygon with one part outside is not inside", () => {
    const multi: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [
        [createRect(127.05, 37.05, 127.1, 37.1)],
        [createRect(127.3, 37.05, 127.35, 37.1)],
      ],
    };
    expect(polygonContains(envelope, multi)).toBe(false);
  });

  it("an envelope hole: a parcel in it or around it is not inside", () => {
    const holed = createPolygon(
      createRect(127.0, 37.0, 127.2, 37.2),
      createRect(127.08, 37.08, 127.12, 37.12),
    );
    expect(polygonContains(holed, createPolygon(createRect(127.09, 37.09, 127.11, 37.11)))).toBe(
      false,
    );
    expect(polygonContains(holed, createPolygon(createRect(127.05, 37.05, 127.15, 37.15)))).toBe(
      false,
    );
    expect(polygonContains(holed, createPolygon(createRect(127.01, 37.01, 127.05, 37.05)))).toBe(
      true,
    );
  });

  it("follows the geodesic of a 40 km edge, not the straight lon/lat line ~23 m south of it", () => {
    const big = createPolygon(createRect(127.0, 36.9, 127.45, 37.2));
    // The northern edge's geodesic bows poleward: its midpoint, from GeographicLib.
    const north = WGS84.InverseLine(37.2, 127.45, 37.2, 127.0);
    const mid = north.Position(north.s13 / 2, Geodesic.LATITUDE | Geodesic.LONGITUDE);
    const bowM = oracleDistanceM([mid.lon2 ?? 0, 37.2], [mid.lon2 ?? 0, mid.lat2 ?? 0]);
    expect(bowM).toBeGreaterThan(15);
    // A 10 m square between the straight line and the geodesic.
    const sw = createDirect([mid.lon2 ?? 0, 37.2], 0, 2);
    const ne = createDirect(createDirect(sw, 0, 10), 90, 10);
    const parcel = createPolygon(createRect(sw[0] ?? 0, sw[1] ?? 0, ne[0] ?? 0, ne[1] ?? 0));
    expect(polygonContains(big, parcel)).toBe(true);
    const beyond = createDirect([mid.lon2 ?? 0, mid.lat2 ?? 0], 0, 3);
    const nePast = createDirect(createDirect(beyond, 0, 10), 90, 10);
    const past = createPolygon(
      createRect(beyond[0] ?? 0, beyond[1] ?? 0, nePast[0] ?? 0, nePast[1] ?? 0),
    );
    expect(polygonContains(big, past)).toBe(false);
  });
});
