/**
 * Positions along a line with their weights, sorted, and the running sum of the weights: the
 * shape every belt ranking needs (windows along an axis, gains along an arm). Sorted by a stable
 * radix sort of the positions' bits (16 bits a pass, passes every key agrees on skipped) — no
 * comparator called per pair, which cost the 1,000,000-firm belt most of its time — so the
 * order, ties included, and every prefix sum are exactly those of a stable comparator sort.
 */
export interface SortedWeights {
  /** Positions, ascending (the first `length` entries of a reused buffer). */
  t: Float64Array;
  /** prefix[i] = weight of the first i positions; length t.length + 1. */
  prefix: Float64Array;
}

/** Index of the first entry of `t` at least `v`. */
export function firstAtLeast(t: Float64Array, v: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((t[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first entry of `t` above `v`. */
export function firstAbove(t: Float64Array, v: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((t[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Scratch reused between calls (grown as needed): keys, two permutations, a histogram. */
let keys = new Uint32Array(0);
let permA = new Uint32Array(0);
let permB = new Uint32Array(0);
const count = new Uint32Array(65_537);

/**
 * The first `n` positions `t` with weights `w`, sorted, and their prefix sums. `t` and `w` are
 * left as they were; the result is new arrays (its own, so callers may keep it). −0 sorts as 0.
 */
export function sortWeights(t: Float64Array, w: Float64Array, n: number): SortedWeights {
  if (keys.length < 2 * n) {
    keys = new Uint32Array(2 * n);
    permA = new Uint32Array(n);
    permB = new Uint32Array(n);
  }
  // Each double's bits made to sort as unsigned integers: negatives flipped, positives' sign set.
  const bits = new Float64Array(keys.buffer, 0, n);
  for (let i = 0; i < n; i++) bits[i] = (t[i] as number) + 0;
  const little = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
  const loAt = little ? 0 : 1;
  const hiAt = 1 - loAt;
  for (let i = 0; i < n; i++) {
    const hi = keys[2 * i + hiAt] as number;
    if (hi & 0x8000_0000) {
      keys[2 * i + hiAt] = ~hi >>> 0;
      keys[2 * i + loAt] = ~(keys[2 * i + loAt] as number) >>> 0;
    } else keys[2 * i + hiAt] = (hi | 0x8000_0000) >>> 0;
  }
  let from = permA;
  let to = permB;
  for (let i = 0; i < n; i++) from[i] = i;
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? loAt : hiAt;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const d = ((keys[2 * i + word] as number) >>> shift) & 0xffff;
      count[d + 1] = (count[d + 1] as number) + 1;
    }
    let single = false;
    for (let d = 1; d <= 65_536; d++) {
      if (count[d] === n) single = true;
      count[d] = (count[d] as number) + (count[d - 1] as number);
    }
    if (single) continue;
    for (let i = 0; i < n; i++) {
      const j = from[i] as number;
      const d = ((keys[2 * j + word] as number) >>> shift) & 0xffff;
      const at = count[d] as number;
      to[at] = j;
      count[d] = at + 1;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  const ts = new Float64Array(n);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const j = from[i] as number;
    ts[i] = (t[j] as number) + 0;
    prefix[i + 1] = (prefix[i] as number) + (w[j] as number);
  }
  return { t: ts, prefix };
}
