/**
 * Turns request weights into a fixed cycle of request indexes that every connection walks through, so
 * the mix is exact over each cycle and even within it (smooth weighted round-robin, as nginx balances
 * upstreams). No randomness: two runs of one workload send the same sequence. Pure.
 */

/** Longest cycle; weights that need more slots are apportioned over this many (largest remainder). */
export const MAX_CYCLE = 1000;

/**
 * Whole slots per request: the weights themselves when they are whole numbers whose reduced sum fits in
 * `maxCycle`, else a largest-remainder apportionment over `maxCycle` slots (each request at least one).
 *
 * @throws {RangeError} when there are no weights or one is not positive and finite.
 * @example slotCounts([3, 1]) // [3, 1]
 * @example slotCounts([50, 25, 25]) // [2, 1, 1]
 * @example slotCounts([0.5, 0.25, 0.25], 8) // [4, 2, 2]
 */
export function slotCounts(weights: readonly number[], maxCycle = MAX_CYCLE): number[] {
  if (weights.length === 0) throw new RangeError('slotCounts: no weights');
  for (const w of weights) {
    if (!(Number.isFinite(w) && w > 0)) throw new RangeError(`slotCounts: weights must be positive numbers but got ${w}`);
  }
  if (weights.every(Number.isInteger)) {
    const g = weights.reduce((a, b) => gcd(a, b));
    const reduced = weights.map((w) => w / g);
    if (reduced.reduce((a, b) => a + b, 0) <= maxCycle) return reduced;
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const slots = Math.max(maxCycle, weights.length);
  const exact = weights.map((w) => (w / total) * slots);
  const counts = exact.map((e) => Math.max(1, Math.floor(e)));
  let left = slots - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) counts[byRemainder[k]!.i]!++;
  return counts;
}

/**
 * One cycle of request indexes in smooth weighted round-robin order.
 *
 * @example weightedCycle([3, 1]) // [0, 0, 1, 0]
 * @example weightedCycle([1, 1, 2]) // [2, 0, 1, 2]
 */
export function weightedCycle(weights: readonly number[], maxCycle = MAX_CYCLE): number[] {
  const counts = slotCounts(weights, maxCycle);
  const total = counts.reduce((a, b) => a + b, 0);
  const current = counts.map(() => 0);
  const cycle: number[] = [];
  for (let n = 0; n < total; n++) {
    let best = 0;
    for (let i = 0; i < counts.length; i++) {
      current[i]! += counts[i]!;
      if (current[i]! > current[best]!) best = i;
    }
    current[best]! -= total;
    cycle.push(best);
  }
  return cycle;
}

/**
 * How `total` (connections or requests per second) splits over `steps` ramp steps, larger shares first.
 *
 * @example splitEvenly(10, 3) // [4, 3, 3]
 */
export function splitEvenly(total: number, steps: number): number[] {
  return Array.from({ length: steps }, (_, i) => Math.floor(total / steps) + (i < total % steps ? 1 : 0));
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
