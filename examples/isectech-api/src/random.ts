/**
 * A seeded pseudo-random source (mulberry32), so a run's latencies and injected errors can be replayed.
 *
 * @example
 * const rng = seededRandom(42);
 * rng(); // 0.6011037519201636, the same on every run with seed 42
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A log-normal sample with the given median (ms) and shape `sigma`, capped at `10 × median` so one
 * unlucky draw cannot stall a short test. Returns 0 when the median is 0.
 *
 * @example
 * logNormal(seededRandom(1), 20, 0); // 20: with sigma 0 every draw is the median
 */
export function logNormal(random: () => number, median: number, sigma: number): number {
  if (median <= 0) return 0;
  const u1 = Math.max(random(), Number.MIN_VALUE);
  const u2 = random();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.min(median * Math.exp(sigma * z), median * 10);
}
