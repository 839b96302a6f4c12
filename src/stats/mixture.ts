import { assertDistribution } from './assert-distribution.js';
import type { Distribution } from './distribution.js';
import { totalCount } from './distribution.js';
import { insufficient, type InsufficientData } from './insufficient.js';

/** One component of a mixture: a distribution and the share of the mixture it should make up. */
export interface MixturePart {
  readonly distribution: Distribution;
  /** ≥ 0; the shares are normalised to sum to 1. */
  readonly share: number;
}

/**
 * A mixture of distributions with chosen shares, as one histogram of `total` observations: each part is
 * rescaled to its share of `total` (part sizes by largest remainder, so they add up to `total` exactly),
 * and within a part the rescaled counts are rounded along its cumulative distribution, so every quantile
 * of a part moves by less than one observation. Used to re-form a run's whole-run latency as the mix of
 * endpoints the baseline had.
 *
 * Contract: the result is a valid Distribution; its total count is `total`; each part's rescaled
 * cumulative count at any value differs from share·total·F(value) by at most 1; a single part with its
 * own size as total comes back unchanged. InsufficientData when no part has a positive share and
 * observations, or `total` is 0.
 *
 * @throws {RangeError} for a negative or non-finite share, a total that is not a whole number ≥ 0, or an invalid distribution
 * @example
 * // two endpoints: 1 ms ×3 and 10 ms ×1, mixed half and half into 4 observations
 * mixture([{ distribution: [{ value: 1, count: 3 }], share: 0.5 }, { distribution: [{ value: 10, count: 1 }], share: 0.5 }], 4);
 * // => [{ value: 1, count: 2 }, { value: 10, count: 2 }]
 */
export function mixture(parts: readonly MixturePart[], total: number): Distribution | InsufficientData {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`mixture: total must be a whole number ≥ 0 but got ${total}`);
  parts.forEach((p, i) => {
    if (!(p.share >= 0 && Number.isFinite(p.share))) throw new RangeError(`mixture: part ${i} has share ${p.share} (must be finite and ≥ 0)`);
    assertDistribution(p.distribution, `mixture part ${i}`);
  });
  const used = parts.filter((p) => p.share > 0 && p.distribution.length > 0);
  const shareSum = used.reduce((s, p) => s + p.share, 0);
  if (used.length === 0 || !(shareSum > 0) || total === 0) return insufficient('no observations to mix', 'too-few');
  // Largest remainder: the part sizes add up to total exactly.
  const exact = used.map((p) => (p.share / shareSum) * total);
  const sizes = exact.map(Math.floor);
  let left = total - sizes.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    sizes[i]!++;
    left--;
  }
  const counts = new Map<number, number>();
  used.forEach((p, k) => {
    const n = totalCount(p.distribution);
    const factor = sizes[k]! / n;
    let cumulative = 0;
    let placed = 0;
    for (const b of p.distribution) {
      cumulative += b.count;
      const upTo = Math.round(cumulative * factor);
      const c = upTo - placed;
      placed = upTo;
      if (c > 0) counts.set(b.value, (counts.get(b.value) ?? 0) + c);
    }
  });
  return [...counts].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }));
}
