/**
 * Issue 17: every firm accounted for, each by point-in-polygon on the embedded 시·도 boundaries,
 * and the circle's bound true over the named 시·도's real firms — with firms on both sides of
 * the 대구/경북 border and beside the capital region, where a grid square's majority got
 * hundreds of firms wrong.
 */
import fc from "fast-check";
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { firmSido } from "../../geo/propose/firm-sido";
import { createFirms } from "../../geo/propose/firms";
import { propose } from "../../geo/propose/propose";
import { loadRuleSet } from "../../geo/rules/load";
import { sidoBoundaryFile } from "../../geo/sido/boundary-index";
import { bruteBestCircle } from "../support/brute-circle";

const phase3 = loadRuleSet("phase-3");
const CAPITAL = new Set(["KR-11", "KR-28", "KR-41"]);

interface Feature {
  properties: { code: string };
  geometry: { type: string; coordinates: unknown };
}

/** Each point's 시·도 by a plain even-odd ray cast over every ring of the boundaries file. */
function bruteSido(points: Position[]): (string | null)[] {
  const features = (sidoBoundaryFile() as { features: Feature[] }).features;
  const polys = features.map((f) => ({
    code: f.properties.code,
    rings: (f.geometry.type === "Polygon"
      ? (f.geometry.coordinates as number[][][])
      : (f.geometry.coordinates as number[][][][]).flat()) as number[][][],
  }));
  return points.map(([x = 0, y = 0]) => {
    for (const p of polys) {
      let inside = false;
      for (const ring of p.rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi = 0, yi = 0] = ring[i] ?? [];
          const [xj = 0, yj = 0] = ring[j] ?? [];
          if (yi > y !== yj > y && x < xi + ((y - yi) * (xj - xi)) / (yj - yi)) inside = !inside;
        }
      }
      if (inside) return p.code;
    }
    return null;
  });
}

/** `n` seeded firms uniform over a box [west, south, east, north], weights 1–50. */
function createBoxFirms(seed: number, n: number, box: number[]) {
  let s = seed >>> 0 || 1;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const [w = 0, so = 0, e = 0, no = 0] = box;
  const points: Position[] = Array.from({ length: n }, () => [
    w + rand() * (e - w),
    so + rand() * (no - so),
  ]);
  const weights = points.map(() => 1 + Math.floor(rand() * 50));
  return { points, weights };
}

/** Around 대구 (its 군위 arm included), reaching well into 경북 on every side. */
const DAEGU_BOX = [128.3, 35.6, 128.9, 36.3];
/** 평택·안성 (경기) against 아산·천안 (충남) and 진천 (충북). */
const CAPITAL_EDGE_BOX = [126.9, 36.8, 127.5, 37.1];

describe("firms' 시·도", () => {
  it("is each firm's own by point-in-polygon, also along the 대구/경북 border", () => {
    for (const box of [DAEGU_BOX, CAPITAL_EDGE_BOX]) {
      const { points, weights } = createBoxFirms(5, 3_000, box);
      const placed = firmSido(createFirms(points, weights));
      const got = Array.from(placed.index, (k) => (k < 0 ? null : (placed.codes[k] ?? null)));
      expect(got).toEqual(bruteSido(points));
    }
  });
});

/**
 * 260 firms in DAEGU_BOX from `seed`: 대구's are counted, the rest accounted for, and the 10 km
 * circle covers at least 99% of the brute-force optimum, its bound never below it.
 */
function checkDaegu(seed: number): void {
  const { points, weights } = createBoxFirms(seed, 260, DAEGU_BOX);
  const truth = bruteSido(points);
  const p = propose(createFirms(points, weights), {
    shape: "circle",
    ruleSet: phase3,
    sido: "KR-27",
    capKm2: 2,
  });
  const daegu = points.filter((_, i) => truth[i] === "KR-27");
  const daeguW = weights.filter((_, i) => truth[i] === "KR-27");
  const f = p.firms;
  expect(f.counted).toBe(daegu.length);
  expect(f.read).toBe(points.length);
  expect(f.counted + f.otherSido + f.capitalRegion + f.outside + f.badRows).toBe(f.read);
  expect(p.weight.total).toBe(daeguW.reduce((a, b) => a + b, 0));
  const exact = bruteBestCircle(daegu, daeguW, 10_000).weight;
  expect(p.radius.radiusKm).toBe(10);
  expect(p.optimality.bound).toBeGreaterThanOrEqual(exact);
  expect(p.weight.covered).toBeGreaterThanOrEqual(0.99 * exact);
  expect(p.weight.covered).toBeLessThanOrEqual(exact);
}

/**
 * Firms from this seed put the only centres covering the optimum (665) in a sliver about 0.3 m
 * across beside a firm's rim: the circle search's sub-metre cells kept the ellipse bound, metres
 * loose, and stopped at 655 of 665 (0.985).
 */
const SLIVER_OPTIMUM_SEED = 1016481513;

describe("propose: every firm accounted for", () => {
  it(`reaches 99% of 대구's optimum where it lies in a sub-metre sliver (seed ${SLIVER_OPTIMUM_SEED})`, () => {
    checkDaegu(SLIVER_OPTIMUM_SEED);
  }, 120_000);

  it("counts 대구's real firms, and its circle bound is never below their brute-force optimum", () => {
    // A fixed fast-check seed: the same four instances every run, so CI can't flake.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => checkDaegu(seed)),
      { numRuns: 4, seed: 20_261_206 },
    );
  }, 240_000);

  it("leaves the capital region's firms out and says how many, bound true for the 시·도 chosen", () => {
    const { points, weights } = createBoxFirms(3, 300, CAPITAL_EDGE_BOX);
    const truth = bruteSido(points);
    const p = propose(createFirms(points, weights), { shape: "circle", ruleSet: phase3 });
    const code = p.radius.sido;
    expect(CAPITAL.has(code)).toBe(false);
    expect(p.firms.capitalRegion).toBe(truth.filter((c) => c !== null && CAPITAL.has(c)).length);
    expect(p.firms.counted).toBe(truth.filter((c) => c === code).length);
    const mine = points.filter((_, i) => truth[i] === code);
    const mineW = weights.filter((_, i) => truth[i] === code);
    const exact = bruteBestCircle(mine, mineW, 20_000).weight;
    expect(p.optimality.bound).toBeGreaterThanOrEqual(exact);
    expect(p.weight.covered).toBeGreaterThanOrEqual(0.99 * exact);
  }, 120_000);

  it("proposes for one firm, and for many firms at one point", () => {
    const one = propose(createFirms([[128.6, 35.87]], [7]), { shape: "circle", ruleSet: phase3 });
    expect(one.weight).toMatchObject({ covered: 7, inParcels: 7, total: 7 });
    expect(one.optimality.bound).toBe(7);
    expect(one.parcels.count).toBeGreaterThan(0);
    const pile = createFirms(
      Array.from({ length: 40 }, () => [128.1, 35.18]),
      Array.from({ length: 40 }, () => 2),
    );
    const p = propose(pile, { shape: "circle", ruleSet: phase3 });
    expect(p.radius).toMatchObject({ sido: "KR-48", radiusKm: 20, metro: false });
    expect(p.weight).toMatchObject({ covered: 80, inParcels: 80, total: 80 });
    expect(p.optimality.bound).toBe(80);
  }, 60_000);
});

describe("propose without --sido", () => {
  it("searches each 시·도 under its own radius: a 구미→대구 corridor gets 경북's 20 km", () => {
    // Firms along the road from 구미 (경북) to 대구: most in 경북, a share in 대구.
    const points: Position[] = [];
    const weights: number[] = [];
    let s = 11;
    const rand = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
    for (let i = 0; i < 400; i++) {
      const t = rand();
      points.push([
        128.34 + t * 0.26 + (rand() - 0.5) * 0.04,
        36.12 - t * 0.25 + (rand() - 0.5) * 0.04,
      ]);
      weights.push(1 + Math.floor(rand() * 100));
    }
    const truth = bruteSido(points);
    const p = propose(createFirms(points, weights), { shape: "circle", ruleSet: phase3 });
    for (const c of p.candidates) {
      expect(c.radiusKm).toBe(c.sido === "KR-27" ? 10 : 20);
    }
    const searched = p.candidates.filter((c) => c.outcome === "searched");
    expect(searched.map((c) => c.sido)).toContain(p.radius.sido);
    for (const c of searched) expect(p.weight.covered).toBeGreaterThanOrEqual(c.covered ?? 0);
    expect(p.radius).toEqual({
      sido: p.radius.sido,
      radiusKm: p.radius.sido === "KR-27" ? 10 : 20,
      metro: p.radius.sido === "KR-27",
    });
    // The winner's envelope covers more than 대구's firms could weigh under any 10 km circle.
    const daeguW = weights.filter((_, i) => truth[i] === "KR-27").reduce((a, b) => a + b, 0);
    expect(p.radius.sido).toBe("KR-47");
    expect(p.weight.covered).toBeGreaterThan(daeguW);
  }, 120_000);
});
