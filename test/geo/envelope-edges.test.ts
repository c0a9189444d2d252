/**
 * "Inside the envelope" is every point of the parcel (FILING.md, envelope.reachKm): a parcel's
 * edges are geodesics, and the farthest point of one from a bent axis can lie between its
 * corners. The fixtures in test/fixtures/envelope carry their expected findings; the property
 * tests hold the reach against dense sampling of every edge.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { checkFiling, zoneFigures } from "../../geo/check";
import {
  beltReachM,
  distanceToLineM,
  parcelRings,
  polygonContains,
  REACH_TOLERANCE_M,
  reachM,
} from "../../geo/envelope";
import { readFiling } from "../../geo/filing";
import { Geodesic, WGS84 } from "../../geo/measure/geodesic";
import { loadRuleSet } from "../../geo/rules/load";
import { offset } from "../support/zones";

const FIXTURES = join(__dirname, "../fixtures/envelope");

interface Expected {
  ruleSet: string;
  findings: { code: string; kind: string; parcels: string[] }[];
  reachKm?: number;
}

/** `n` + 1 evenly spaced points of the geodesic a → b, ends included. */
function alongEdge(a: Position, b: Position, n: number): Position[] {
  const line = WGS84.InverseLine(a[1] ?? 0, a[0] ?? 0, b[1] ?? 0, b[0] ?? 0);
  return Array.from({ length: n + 1 }, (_, k) => {
    const x = line.Position((line.s13 * k) / n, Geodesic.LATITUDE | Geodesic.LONGITUDE);
    return [x.lon2 ?? 0, x.lat2 ?? 0];
  });
}

/**
 * The farthest sampled distance (m) of `ring`'s edges by `distanceOf`: every edge at `n`
 * points, then `n` more around each edge's best sample, twice, so the spacing at the end is
 * the edge's length / n³ (a centimetre at most here).
 */
function sampledMaxM(ring: Position[], distanceOf: (p: Position) => number, n = 60): number {
  let best = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    let a = ring[i] as Position;
    let b = ring[i + 1] as Position;
    for (let level = 0; level < 3; level++) {
      const pts = alongEdge(a, b, n);
      const d = pts.map(distanceOf);
      const k = d.indexOf(Math.max(...d));
      best = Math.max(best, d[k] as number);
      a = pts[Math.max(0, k - 1)] as Position;
      b = pts[Math.min(n, k + 1)] as Position;
    }
  }
  return best;
}

function readFixture(dir: string, file: string) {
  const text = readFileSync(join(FIXTURES, dir, file), "utf8");
  const expected: Expected = JSON.parse(text).expected;
  return { zone: readFiling(text), expected };
}

describe("envelope fixtures: the report's findings and reach, over every edge", () => {
  for (const dir of ["fail", "pass"]) {
    for (const file of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith(".geojson"))) {
      it(`${dir}/${file}`, () => {
        const { zone, expected } = readFixture(dir, file);
        const ruleSet = loadRuleSet(expected.ruleSet);
        const report = checkFiling(zone, { ruleSet });
        const envelopeFindings = report.findings
          .filter((f) => f.code === "ENVELOPE")
          .map((f) => ({
            code: f.code,
            kind: (f.figures as { kind: string }).kind,
            parcels: f.parcels,
          }));
        expect(envelopeFindings).toEqual(expected.findings);
        expect(report.verdict).toBe(dir);
        // The app's live figures are the report's.
        expect(zoneFigures(zone, { ruleSet }).envelope).toEqual(report.envelope);
        const env = zone.envelope;
        if (env?.shape !== "belt") return;
        const sampled = Math.max(
          ...zone.parcels.flatMap((p) =>
            parcelRings([p.geometry]).map((ring) =>
              sampledMaxM(ring, (q) => distanceToLineM(q, env.axis)),
            ),
          ),
        );
        const reachKm = report.envelope.reachKm ?? Number.NaN;
        // Reported to the metre: within half a metre of the sampled farthest point, above it.
        expect(reachKm * 1000).toBeGreaterThanOrEqual(sampled - 0.5);
        expect(reachKm * 1000).toBeLessThanOrEqual(sampled + 0.5 + REACH_TOLERANCE_M);
        expect(reachKm).toBeCloseTo(expected.reachKm ?? Number.NaN, 1);
      });
    }
  }

  it("the Λ and cut-corner parcels have every corner on the axis or near it: only their edges fail", () => {
    for (const file of [
      "lambda-axis-corners-on-both-arms-ochang.geojson",
      "cut-corner-strip-inside-bend-changwon.geojson",
    ]) {
      const { zone } = readFixture("fail", file);
      const env = zone.envelope;
      if (env?.shape !== "belt") throw new Error("a belt fixture");
      const failing = zone.parcels.at(-1)?.geometry as Polygon;
      const corners = failing.coordinates[0] ?? [];
      const farthestCornerM = Math.max(...corners.map((p) => distanceToLineM(p, env.axis)));
      expect(farthestCornerM).toBeLessThan(env.halfWidthKm * 1000);
      expect(beltReachM(env.axis, parcelRings([failing]))).toBeGreaterThan(
        env.halfWidthKm * 1000 + 3_000,
      );
    }
  });
});

/** A bent axis of 2–4 segments and a ring of 3–7 corners, all within ~25 km of a centre. */
const beltCase = fc
  .record({
    lon: fc.double({ min: 126.2, max: 129.2, noNaN: true }),
    lat: fc.double({ min: 34.6, max: 37.8, noNaN: true }),
    axis: fc.array(
      fc.tuple(
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 20_000, noNaN: true }),
      ),
      { minLength: 2, maxLength: 5 },
    ),
    ring: fc.array(
      fc.tuple(
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 25_000, noNaN: true }),
      ),
      { minLength: 3, maxLength: 7 },
    ),
  })
  .map(({ lon, lat, axis, ring }) => {
    const at = ([az, d]: [number, number]) => offset([lon, lat], az, d);
    const corners = ring.map(at);
    return { axis: axis.map(at), ring: [...corners, corners[0] as Position] };
  });

describe("beltReachM against dense sampling of the parcel's edges", () => {
  it("is never below the farthest sampled point and at most the stated bound above it", () => {
    fc.assert(
      fc.property(beltCase, ({ axis, ring }) => {
        const reach = beltReachM(axis, [ring]);
        const sampled = sampledMaxM(ring, (p) => distanceToLineM(p, axis));
        // distanceToLineM is exact to a millimetre; the last sampling step is under 1 cm.
        expect(reach).toBeGreaterThanOrEqual(sampled - 0.002);
        expect(reach).toBeLessThanOrEqual(sampled + REACH_TOLERANCE_M + 0.02);
      }),
      { numRuns: 40, seed: 17 },
    );
  });

  it("a ring left open is closed: its last edge counts", () => {
    const v: Position = [127.0, 36.5];
    const axis = [offset(v, 225, 20_000), v, offset(v, 135, 20_000)];
    const open = [offset(v, 225, 12_000), offset(v, 200, 8_000), offset(v, 135, 12_000)];
    const closed = [...open, open[0] as Position];
    expect(beltReachM(axis, [open])).toBeCloseTo(beltReachM(axis, [closed]), 6);
    expect(beltReachM(axis, [open])).toBeGreaterThan(5_990);
  });
});

describe("a circle's reach and a polygon's containment along edges", () => {
  it("the circle's reach over vertices is its reach over every edge point (no geodesic bulge)", () => {
    fc.assert(
      fc.property(beltCase, ({ axis, ring }) => {
        const center = axis[0] as Position;
        const sampled = sampledMaxM(ring, (p) => reachM(center, [p]));
        expect(reachM(center, ring)).toBeGreaterThanOrEqual(sampled - 0.001);
      }),
      { numRuns: 30, seed: 1917 },
    );
  });

  it("a parcel is outside a polygon envelope when any sampled edge point is", () => {
    const c: Position = [127.38, 36.35];
    const k = (e: number, n: number) => offset(offset(c, 90, e * 1000), 0, n * 1000);
    // A U: two prongs 4 km apart; the notch runs from 3 km up.
    const u: Position[] = [k(0, 0), k(12, 0), k(12, 10), k(8, 10), k(8, 3), k(4, 3), k(4, 10)];
    const envelope: Polygon = { type: "Polygon", coordinates: [[...u, k(0, 10), k(0, 0)]] };
    const inNotch = (p: Position) => {
      const m = WGS84.Inverse(c[1] ?? 0, c[0] ?? 0, p[1] ?? 0, p[0] ?? 0);
      const az = ((m.azi1 ?? 0) * Math.PI) / 180;
      const e = ((m.s12 ?? 0) * Math.sin(az)) / 1000;
      const n = ((m.s12 ?? 0) * Math.cos(az)) / 1000;
      return e > 4.05 && e < 7.95 && n > 3.05;
    };
    let crossing = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0.5, max: 11.5, noNaN: true }),
            fc.double({ min: 0.5, max: 9.5, noNaN: true }),
          ),
          { minLength: 3, maxLength: 6 },
        ),
        (corners) => {
          const ring = corners.map(([e, n]) => k(e, n));
          const closed = [...ring, ring[0] as Position];
          const parcel: Polygon = { type: "Polygon", coordinates: [closed] };
          const sampledOut = closed.some((p, i) => {
            const q = closed[i + 1];
            return q !== undefined && alongEdge(p, q, 400).some(inNotch);
          });
          if (sampledOut) {
            crossing += 1;
            expect(polygonContains(envelope, parcel)).toBe(false);
          }
        },
      ),
      { numRuns: 80, seed: 19 },
    );
    // The property is not vacuous: many of the parcels cross the notch.
    expect(crossing).toBeGreaterThan(10);
  });
});
