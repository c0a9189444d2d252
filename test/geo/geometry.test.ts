import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { kinks } from "@turf/turf";
import fc from "fast-check";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { findOverlaps, type RingProblemKind, ringProblems } from "../../geo/geometry/geometry";
import { createPolygon } from "../support/shapes";

const FIXTURES = join(__dirname, "../fixtures/geometry");

function readFixtures(folder: "pass" | "fail"): [string, Feature<Polygon | MultiPolygon>][] {
  const dir = join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".geojson"))
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8"))]);
}

/** Distance between two positions in degrees: NaN (so never "near") if either lacks a coordinate. */
function gap(a: Position, b: Position): number {
  return Math.hypot(
    (a[0] ?? Number.NaN) - (b[0] ?? Number.NaN),
    (a[1] ?? Number.NaN) - (b[1] ?? Number.NaN),
  );
}

/**
 * Metres per degree at a latitude on the WGS84 ellipsoid (meridian and prime-vertical radii):
 * an independent local frame to build parcels of known size, apart from geo/measure/.
 */
function metresPerDegree(latDeg: number): { lon: number; lat: number } {
  const a = 6378137;
  const e2 = 0.00669437999014;
  const phi = (latDeg * Math.PI) / 180;
  const w = 1 - e2 * Math.sin(phi) ** 2;
  const radian = Math.PI / 180;
  return {
    lat: ((a * (1 - e2)) / w ** 1.5) * radian,
    lon: (a / Math.sqrt(w)) * Math.cos(phi) * radian,
  };
}

/** A rectangle given in metres east/north of an origin near 진천, as lon/lat. */
function rectM(eastM: number, northM: number, widthM: number, heightM: number): Polygon {
  const [lon0, lat0] = [127.43, 36.86];
  const m = metresPerDegree(lat0);
  const x0 = lon0 + eastM / m.lon;
  const x1 = lon0 + (eastM + widthM) / m.lon;
  const y0 = lat0 + northM / m.lat;
  const y1 = lat0 + (northM + heightM) / m.lat;
  return createPolygon([
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ]);
}

describe("ringProblems on fixtures", () => {
  it.each(readFixtures("pass"))("%s has no problems", (_, f) => {
    expect(ringProblems(f.geometry)).toEqual([]);
  });

  it.each(readFixtures("fail"))("%s reports the kind its properties name", (_, f) => {
    const { expectedKind, part, ring, at } = f.properties as {
      expectedKind: RingProblemKind;
      part: number;
      ring: number;
      at?: Position;
    };
    const problems = ringProblems(f.geometry);
    const hits = problems.filter(
      (p) => p.kind === expectedKind && p.part === part && p.ring === ring,
    );
    expect(hits.length, JSON.stringify(problems)).toBeGreaterThan(0);
    if (at !== undefined) {
      const near = hits.some((p) => p.at !== undefined && gap(p.at, at) < 1e-9);
      expect(near, JSON.stringify(hits)).toBe(true);
    }
  });
});

describe("ringProblems", () => {
  const [x, y] = [127.0, 36.5];

  it("finds a bow-tie's crossing point", () => {
    const bowTie = createPolygon([
      [x, y],
      [x + 0.002, y + 0.002],
      [x + 0.002, y],
      [x, y + 0.002],
      [x, y],
    ]);
    const problems = ringProblems(bowTie);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.kind).toBe("SELF_CROSSING");
    expect(problems[0]?.at?.[0]).toBeCloseTo(x + 0.001, 12);
    expect(problems[0]?.at?.[1]).toBeCloseTo(y + 0.001, 12);
  });

  it("calls [a, b, a] too few positions and nothing else", () => {
    expect(
      ringProblems(
        createPolygon([
          [x, y],
          [x + 0.001, y],
          [x, y],
        ]),
      ),
    ).toEqual([{ kind: "TOO_FEW_POSITIONS", part: 0, ring: 0 }]);
  });

  it("calls a ring whose last position isn't its first unclosed", () => {
    const open = createPolygon([
      [x, y],
      [x + 0.001, y],
      [x + 0.001, y + 0.001],
      [x, y + 0.001],
    ]);
    expect(ringProblems(open)).toEqual([{ kind: "UNCLOSED", part: 0, ring: 0 }]);
  });

  it("doesn't count neighbouring edges meeting at their shared vertex", () => {
    expect(
      ringProblems(
        createPolygon([
          [x, y],
          [x + 0.001, y],
          [x + 0.001, y + 0.001],
          [x, y],
        ]),
      ),
    ).toEqual([]);
  });

  it("counts non-neighbouring edges that overlap along a line", () => {
    const d = 0.001;
    // (3,0)→(1,0) runs back over (0,0)→(4,0).
    const ring: Position[] = [
      [0, 0],
      [4, 0],
      [4, 2],
      [3, 2],
      [3, 0],
      [1, 0],
      [1, 2],
      [0, 2],
      [0, 0],
    ];
    const problems = ringProblems(
      createPolygon(ring.map(([u = 0, v = 0]) => [x + u * d, y + v * d])),
    );
    expect(problems.map((p) => p.kind)).toContain("SELF_CROSSING");
  });

  it("names the part of a MultiPolygon that is wrong", () => {
    const good: Position[] = [
      [x, y],
      [x + 0.001, y],
      [x + 0.001, y + 0.001],
      [x, y],
    ];
    const multi: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [
        [good],
        [
          [
            [x, y],
            [x + 0.001, y],
            [x, y],
          ],
        ],
      ],
    };
    expect(ringProblems(multi)).toEqual([{ kind: "TOO_FEW_POSITIONS", part: 1, ring: 0 }]);
  });
});

/** Vertices at increasing angles round a centre, gaps under 180°, so the ring is simple. */
function starRing(n: number, radii: number[], jitter: number[]): Position[] {
  const [cx, cy] = [127.5, 36.0];
  const ring: Position[] = [];
  for (let k = 0; k < n; k++) {
    const angle = ((k + 0.45 * (jitter[k] ?? 0)) / n) * 2 * Math.PI;
    const r = 0.005 * (radii[k] ?? 1);
    ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  ring.push(ring[0] as Position);
  return ring;
}

const unit = fc.double({ min: 0, max: 1, noNaN: true });

describe("ringProblems properties", () => {
  it("never reports SELF_CROSSING on a random star-shaped ring", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 300 }),
        fc.array(unit, { minLength: 300, maxLength: 300 }),
        fc.array(unit, { minLength: 300, maxLength: 300 }),
        (n, radii, jitter) => {
          const ring = starRing(
            n,
            radii.map((r) => 0.2 + 0.8 * r),
            jitter,
          );
          expect(ringProblems(createPolygon(ring))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reports SELF_CROSSING where Turf's kinks does when two neighbouring vertices swap", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 300 }),
        fc.array(unit, { minLength: 300, maxLength: 300 }),
        unit,
        (n, jitter, where) => {
          // Points on one circle are in convex position: swapping neighbours must cross.
          const ring = starRing(n, [], jitter).slice(0, n);
          const i = Math.min(n - 2, Math.floor(where * (n - 1)));
          [ring[i], ring[i + 1]] = [ring[i + 1] as Position, ring[i] as Position];
          ring.push(ring[0] as Position);
          const crossings = ringProblems(createPolygon(ring)).filter(
            (p) => p.kind === "SELF_CROSSING",
          );
          expect(crossings.length).toBeGreaterThan(0);
          const turfPoints = kinks(createPolygon(ring)).features.map((f) => f.geometry.coordinates);
          for (const c of crossings) {
            const near = turfPoints.some((t) => c.at !== undefined && gap(t, c.at) < 1e-9);
            expect(near).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("findOverlaps", () => {
  it("doesn't count squares that share an edge or a corner", () => {
    const a = rectM(0, 0, 1000, 1000);
    const east = rectM(1000, 0, 1000, 1000);
    const northEast = rectM(1000, 1000, 1000, 1000);
    // Shared edges must be the very same numbers for a fair test.
    expect(east.coordinates[0]?.[0]).toEqual(a.coordinates[0]?.[1]);
    expect(findOverlaps([a, east, northEast])).toEqual([]);
  });

  it("sizes a 100 m × 1 km overlap at 0.1 km² within 0.5%", () => {
    const overlaps = findOverlaps([rectM(0, 0, 1000, 1000), rectM(900, 0, 1000, 1000)]);
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]).toMatchObject({ a: 0, b: 1 });
    expect(Math.abs((overlaps[0]?.areaM2 ?? 0) / 100_000 - 1)).toBeLessThan(0.005);
  });

  it("gives a parcel inside another the inner parcel's area", () => {
    const inner = rectM(300, 400, 200, 300);
    const overlaps = findOverlaps([rectM(5000, 0, 100, 100), rectM(0, 0, 1000, 1000), inner]);
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]).toMatchObject({ a: 1, b: 2 });
    expect(Math.abs((overlaps[0]?.areaM2 ?? 0) / 60_000 - 1)).toBeLessThan(0.005);
  });

  it("doesn't count a parcel that sits in another's hole", () => {
    const holed = rectM(0, 0, 1000, 1000);
    const hole = rectM(200, 200, 400, 400).coordinates[0] ?? [];
    holed.coordinates.push([...hole].reverse());
    expect(findOverlaps([holed, rectM(300, 300, 100, 100)])).toEqual([]);
    expect(findOverlaps([holed, rectM(100, 300, 100, 100)])).toHaveLength(1);
  });

  it("finds an overlap with one part of a MultiPolygon", () => {
    const [far, near] = [rectM(5000, 5000, 100, 100), rectM(0, 0, 1000, 1000)];
    const multi: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [far.coordinates, near.coordinates],
    };
    const overlaps = findOverlaps([multi, rectM(0, 500, 1000, 1000)]);
    expect(overlaps).toHaveLength(1);
    expect(Math.abs((overlaps[0]?.areaM2 ?? 0) / 500_000 - 1)).toBeLessThan(0.005);
  });

  it("skips a parcel with bad rings instead of failing", () => {
    const [x0, y0] = [127.43, 36.86];
    const bowTie = createPolygon([
      [x0, y0],
      [x0 + 0.01, y0 + 0.01],
      [x0 + 0.01, y0],
      [x0, y0 + 0.01],
      [x0, y0],
    ]);
    const unclosed = createPolygon([
      [x0, y0],
      [x0 + 0.01, y0],
      [x0, y0 + 0.01],
    ]);
    expect(findOverlaps([rectM(0, 0, 1000, 1000), bowTie, unclosed])).toEqual([]);
  });

  it("finds nothing among empty or single inputs", () => {
    expect(findOverlaps([])).toEqual([]);
    expect(findOverlaps([rectM(0, 0, 10, 10)])).toEqual([]);
  });
});
