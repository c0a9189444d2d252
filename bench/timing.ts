/** Timing for the benches: the median of a list, and the median wall time of repeated calls. */

/** The middle value (the upper of the two middles for an even count); NaN for none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Median wall time in ms of `reps` calls of `run`, after `warmup` untimed calls (JIT warm-up). */
export function medianMs(run: () => unknown, reps: number, warmup = 1): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}
