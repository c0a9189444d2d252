import { describe, expect, it } from "vitest";
import { firstAbove, firstAtLeast, sortWeights } from "../../geo/propose/sorted-weights";

/** The plain way the belt ranked positions before: a stable comparator sort of the pairs. */
function plain(t: number[], w: number[]): { t: number[]; prefix: number[] } {
  const order = t.map((_, i) => i).sort((a, b) => (t[a] as number) - (t[b] as number));
  const prefix = [0];
  for (const i of order) prefix.push((prefix[prefix.length - 1] as number) + (w[i] as number));
  return { t: order.map((i) => (t[i] as number) + 0), prefix };
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

describe("sortWeights (radix sort of positions with their weights)", () => {
  it("gives the stable comparator sort's order and prefix sums, ties, signs and −0 included", () => {
    const r = random(7);
    for (const n of [0, 1, 2, 17, 1000, 70_000]) {
      const t = Array.from({ length: n }, (_, i) =>
        i % 7 === 0 ? Math.round(r() * 20 - 10) : i % 11 === 0 ? -0 : (r() - 0.5) * 2e5,
      );
      // Fractional weights: the sums match only if the order matches, ties included.
      const w = Array.from({ length: n }, () => r() * 3.7);
      const got = sortWeights(Float64Array.from(t), Float64Array.from(w), n);
      const want = plain(t, w);
      expect(Array.from(got.t)).toEqual(want.t);
      expect(Array.from(got.prefix)).toEqual(want.prefix);
    }
  });

  it("reads only the first n entries and leaves its inputs alone", () => {
    const t = Float64Array.from([3, -1, 2, 99, -99]);
    const w = Float64Array.from([1, 2, 4, 8, 16]);
    const got = sortWeights(t, w, 3);
    expect(Array.from(got.t)).toEqual([-1, 2, 3]);
    expect(Array.from(got.prefix)).toEqual([0, 2, 6, 7]);
    expect(Array.from(t)).toEqual([3, -1, 2, 99, -99]);
    expect(firstAtLeast(got.t, 2)).toBe(1);
    expect(firstAbove(got.t, 2)).toBe(2);
  });
});
