import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import './helpers.js'; // seeds fast-check
import { seededRng } from '../../src/stats/random.js';

describe('seededRng', () => {
  it.each([
    { what: 'seed 42', seed: 42, expected: [0.6011037519201636, 0.44829055899754167] },
    { what: 'fractional seed truncates', seed: 42.9, expected: [0.6011037519201636, 0.44829055899754167] },
    { what: 'seed 2^32 + 42 wraps to 42', seed: 2 ** 32 + 42, expected: [0.6011037519201636, 0.44829055899754167] },
  ])('$what gives the reference mulberry32 stream', ({ seed, expected }) => {
    const rng = seededRng(seed);
    expect([rng(), rng()]).toEqual(expected);
  });

  it('is reproducible and stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = seededRng(seed);
        const b = seededRng(seed);
        for (let i = 0; i < 50; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });

  it('is roughly uniform: mean ≈ 1/2 and variance ≈ 1/12 over 100 000 draws', () => {
    const rng = seededRng(2024);
    let sum = 0;
    let sumSq = 0;
    const n = 100_000;
    const deciles = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) {
      const x = rng();
      sum += x;
      sumSq += x * x;
      deciles[Math.floor(x * 10)]!++;
    }
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005); // sd of the mean ≈ 0.0009
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.003);
    for (const d of deciles) expect(Math.abs(d - n / 10)).toBeLessThan(600); // sd ≈ 95
  });

  it('different seeds give different streams', () => {
    expect(seededRng(1)()).not.toBe(seededRng(2)());
  });

  it.each([NaN, Infinity, -Infinity])('rejects seed %s', (seed) => {
    expect(() => seededRng(seed)).toThrow(RangeError);
  });
});
