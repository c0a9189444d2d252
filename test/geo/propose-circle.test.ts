import fc from "fast-check";
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { distanceM } from "../../geo/measure/measure";
import { proposeCircle } from "../../geo/propose/circle";
import { createFirms } from "../../geo/propose/firms";
import { bruteBestCircle } from "../support/brute-circle";

/** Weighted firms in clumps around 대구, so the best circle is a real choice. */
function createInstance(
  seed: number,
  n: number,
  spanDeg: number,
): { points: Position[]; weights: number[] } {
  let s = seed >>> 0 || 1;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const clumps = Array.from({ length: 4 }, () => [
    128.4 + rand() * spanDeg,
    35.7 + rand() * spanDeg,
  ]);
  const points: Position[] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = clumps[Math.floor(rand() * clumps.length)] as number[];
    const spread = spanDeg / 4;
    points.push([(c[0] ?? 0) + (rand() - 0.5) * spread, (c[1] ?? 0) + (rand() - 0.5) * spread]);
    weights.push(1 + Math.floor(rand() * 20));
  }
  return { points, weights };
}

describe("proposeCircle", () => {
  it("is within 1% of the brute-force optimum and its bound is never below it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(3_000, 8_000),
        (seed, radiusM) => {
          const { points, weights } = createInstance(seed, 200, 0.4);
          const exact = bruteBestCircle(points, weights, radiusM);
          const p = proposeCircle(createFirms(points, weights), { radiusM });
          expect(p.covered).toBeGreaterThanOrEqual(0.99 * exact.weight);
          expect(p.bound).toBeGreaterThanOrEqual(exact.weight);
          expect(p.covered).toBeLessThanOrEqual(exact.weight);
        },
      ),
      // A fixed seed: the same twelve instances every run, so CI can't flake.
      { numRuns: 12, seed: 20_261_206 },
    );
  }, 120_000);

  it("covers exactly the weight its circle holds", () => {
    const { points, weights } = createInstance(7, 300, 0.5);
    const p = proposeCircle(createFirms(points, weights), { radiusM: 10_000 });
    const inside = points.reduce(
      (w, q, i) => (distanceM(p.center, q) <= 10_000 ? w + (weights[i] ?? 0) : w),
      0,
    );
    expect(p.covered).toBe(inside);
    expect(p.covered / p.bound).toBeGreaterThanOrEqual(0.99);
  });

  it("finds a lone heavy firm over a crowd of light ones when it weighs more", () => {
    const crowd: Position[] = Array.from({ length: 50 }, (_, i) => [
      127 + (i % 10) * 0.05,
      36 + Math.floor(i / 10) * 0.05,
    ]);
    const points = [...crowd, [129, 35.5]];
    const weights = [...crowd.map(() => 1), 1000];
    const p = proposeCircle(createFirms(points, weights), { radiusM: 5_000 });
    expect(distanceM(p.center, [129, 35.5])).toBeLessThanOrEqual(5_000);
    expect(p.covered).toBeGreaterThanOrEqual(1000);
  });
});
