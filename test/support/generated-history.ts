/**
 * A generated history of a stage on the default branch, as the baseline stores keep it: 20 runs (their
 * default length) whose whole-run p95 (~150 ms) and GET /api/alerts (~20 ms) rise by +10 % in three steps of
 * ×1.1^(1/3) on consecutive commits (runs 8, 9 and 10), each under a +5 % limit, while GET /api/tenants
 * (~8 ms) stays; 1.5 % run-to-run noise, seeded.
 */
import type { HistoryEntry } from '../../src/document/history-entry.js';
import { seededRng } from '../../src/stats/random.js';

export const RUNS = 20;
export const FIRST_STEP = 8;
export const sha = (i: number): string => `${String(i).padStart(2, '0')}${'c0ffee'.repeat(6)}ab`.slice(0, 40);

function gauss(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** The history: p95 ~150 ms and GET /api/alerts ~20 ms step up ×1.1^(1/3) at runs 8, 9 and 10; GET /api/tenants stays at 8 ms. */
export function history(seed: number): HistoryEntry[] {
  const rng = seededRng(seed);
  const steps = (i: number): number => [FIRST_STEP, FIRST_STEP + 1, FIRST_STEP + 2].filter((at) => i >= at).length;
  return Array.from({ length: RUNS }, (_, i) => {
    const rise = 1.1 ** (steps(i) / 3);
    const noisy = (x: number): number => x * Math.exp(0.015 * gauss(rng));
    return {
      sha: sha(i),
      start: new Date(Date.UTC(2026, 10, 1 + i, 2, 17)).toISOString(),
      end: new Date(Date.UTC(2026, 10, 1 + i, 2, 27)).toISOString(),
      durationSeconds: 600,
      p50: noisy(40 * rise),
      p95: noisy(150 * rise),
      p99: noisy(240 * rise),
      throughput: 100,
      errorRate: 0,
      levels: [
        { scope: { tag: 'name', value: 'GET /api/alerts' }, count: 6000, logMean: Math.log(noisy(20 * rise)), se: 0.01 },
        { scope: { tag: 'name', value: 'GET /api/tenants' }, count: 6000, logMean: Math.log(noisy(8)), se: 0.01 },
      ],
    };
  });
}

