import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abSchedule, AUTO_PAIRS } from '../../src/ab/schedule.js';

const letters = (pairs: number): string => abSchedule(pairs).map((r) => (r.arm === 'baseline' ? 'A' : 'B')).join('');

describe('abSchedule', () => {
  it.each([
    { pairs: 1, order: 'AB' },
    { pairs: 2, order: 'ABBA' },
    { pairs: 3, order: 'ABBAAB' },
    { pairs: 4, order: 'ABBAABBA' },
    { pairs: AUTO_PAIRS, order: 'ABBAABBAABBA' },
  ])('$pairs pairs run $order', ({ pairs, order }) => {
    expect(letters(pairs)).toBe(order);
  });

  it('numbers the pairs: pair k is rounds 2k and 2k+1', () => {
    expect(abSchedule(3).map((r) => r.pair)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s pairs', (pairs) => {
    expect(() => abSchedule(pairs)).toThrow(RangeError);
  });

  it('every pair has one round of each arm, the first arm alternating, and the counts are balanced', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (pairs) => {
        const rounds = abSchedule(pairs);
        expect(rounds).toHaveLength(2 * pairs);
        for (let k = 0; k < pairs; k++) {
          const [first, second] = [rounds[2 * k]!, rounds[2 * k + 1]!];
          expect([first.pair, second.pair]).toEqual([k, k]);
          expect(new Set([first.arm, second.arm])).toEqual(new Set(['baseline', 'candidate']));
          expect(first.arm).toBe(k % 2 === 0 ? 'baseline' : 'candidate');
        }
        const count = (arm: string): number => rounds.filter((r) => r.arm === arm).length;
        expect(count('baseline')).toBe(pairs);
        expect(count('candidate')).toBe(pairs);
      }),
    );
  });

  it('cancels a linear drift: over every two pairs, the mean round position of each arm is the same', () => {
    // The position of a round stands for the drift when it ran; ABBA gives each arm positions 0+3 and 1+2.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), (half) => {
        const rounds = abSchedule(2 * half);
        const sum = (arm: string): number => rounds.reduce((s, r, i) => (r.arm === arm ? s + i : s), 0);
        expect(sum('baseline')).toBe(sum('candidate'));
      }),
    );
  });
});
