import type { Distribution } from '../stats/distribution.js';

/** Relative accuracy of a window sketch: every value is represented within ±1 %. */
const GAMMA = 1.02;
const LOG_GAMMA = Math.log(GAMMA);
/** Key for zero and negative values, which have no logarithm. */
const ZERO_KEY = -0x7fffffff;

/**
 * A small mergeable sketch of one time window's values: logarithmic buckets (±1 % relative error),
 * sparse, so a 10-second window of a busy endpoint costs a few hundred numbers. Windows are the units
 * of the within-run statistics, where 1 % resolution is far below the noise.
 */
export class WindowSketch {
  private readonly buckets = new Map<number, number>();

  record(value: number, count = 1): void {
    const key = value > 0 ? Math.ceil(Math.log(value) / LOG_GAMMA) : ZERO_KEY;
    this.buckets.set(key, (this.buckets.get(key) ?? 0) + count);
  }

  add(other: WindowSketch): void {
    for (const [k, c] of other.buckets) this.buckets.set(k, (this.buckets.get(k) ?? 0) + c);
  }

  /** Buckets ascending, each at the value it stands for. */
  distribution(): Distribution {
    return [...this.buckets.entries()].sort((a, b) => a[0] - b[0]).map(([k, count]) => ({ value: keyValue(k), count }));
  }

  /** Flat `[key, count, key, count, …]`, keys ascending: compact in JSON and exact to merge. */
  encode(): number[] {
    const out: number[] = [];
    for (const [k, c] of [...this.buckets.entries()].sort((a, b) => a[0] - b[0])) out.push(k, c);
    return out;
  }

  static decode(flat: readonly number[]): WindowSketch {
    const s = new WindowSketch();
    for (let i = 0; i + 1 < flat.length; i += 2) s.buckets.set(flat[i]!, flat[i + 1]!);
    return s;
  }
}

function keyValue(key: number): number {
  if (key === ZERO_KEY) return 0;
  // The midpoint (in relative terms) of (γ^(k-1), γ^k].
  return (2 * GAMMA ** key) / (GAMMA + 1);
}
