import { describe, expect, it } from 'vitest';
import { bencherRule, k6StaticRule, kayentaRule, mannWhitneyRule, ratioRule, type Samples } from '../../scripts/bench-accuracy/rules.js';

const run = (endpoints: Record<string, number[]>): Samples => new Map(Object.entries(endpoints).map(([k, v]) => [k, Float64Array.from(v).sort()]));

describe('github-action-benchmark ratio', () => {
  it('alerts on p95 above 1.2× the previous run, endpoint by endpoint', () => {
    // p95 of [10,10,10,10,13] = 10 + 0.8·3 = 12.4: 1.24×.
    const previous = run({ a: [10, 10, 10, 10, 10], b: [10, 10, 10, 10, 10] });
    const current = run({ a: [10, 10, 10, 10, 13], b: [10, 10, 10, 10, 10] });
    expect(ratioRule('p95', 1.2).alerts({ history: [previous], current })).toEqual(['a']);
    expect(ratioRule('p95', 2).alerts({ history: [previous], current })).toEqual([]);
  });

  it('compares with the last run of the history and ignores endpoints only one run has', () => {
    const old = run({ a: [1, 2, 3] });
    const previous = run({ a: [1, 2, 3], lost: [5] });
    // Mean 4.1667 against 2: 2.08×.
    const current = run({ a: [4, 4, 4.5], added: [100] });
    expect(ratioRule('mean', 2).alerts({ history: [old, previous], current })).toEqual(['a']);
    expect(ratioRule('mean', 2).alerts({ history: [old, run({ a: [3, 3, 3] })], current })).toEqual([]);
  });
});

describe('Bencher t-test', () => {
  // History p95s 10, 11, 9, 10, 10: mean 10, s = √0.5; limits 10 + 2.132·0.7071 = 11.508 and 10 + 3.747·0.7071 = 12.650.
  const history = [10, 11, 9, 10, 10].map((v) => run({ a: [v] }));
  it.each([
    [11.4, [], []],
    [11.6, ['a'], []],
    [12.7, ['a'], ['a']],
  ])('current p95 %f → %j at 0.95, %j at 0.99', (p95, at95, at99) => {
    expect(bencherRule(0.95).alerts({ history, current: run({ a: [p95] }) })).toEqual(at95);
    expect(bencherRule(0.99).alerts({ history, current: run({ a: [p95] }) })).toEqual(at99);
  });
});

describe('k6 static threshold', () => {
  it('holds p(95) under 1.2× the oldest run, not the last one', () => {
    const history = [run({ a: [10] }), run({ a: [20] })];
    expect(k6StaticRule.alerts({ history, current: run({ a: [11.9] }) })).toEqual([]);
    // p(95)<12 is crossed at exactly 12.
    expect(k6StaticRule.alerts({ history, current: run({ a: [12] }) })).toEqual(['a']);
  });
});

describe('Mann–Whitney per endpoint', () => {
  // Each endpoint: U = 9 of 9, p = 0.0404.
  const previous = run({ a: [1, 2, 3], b: [1, 2, 3] });
  const current = run({ a: [4, 5, 6], b: [4, 5, 6] });
  it('alerts at α 0.05 but not at 0.05/2 (Bonferroni over two endpoints)', () => {
    expect(mannWhitneyRule(0.05, false).alerts({ history: [previous], current })).toEqual(['a', 'b']);
    expect(mannWhitneyRule(0.05, true).alerts({ history: [previous], current })).toEqual([]);
  });
});

describe('Kayenta Mann–Whitney classifier', () => {
  it('is High when the interval lies above a quarter of the shift', () => {
    // Differences 8..12: the 98 % interval is [8, 12], 8 > 0.25·10.
    expect(kayentaRule.alerts({ history: [run({ a: [1, 2, 3] })], current: run({ a: [11, 12, 13] }) })).toEqual(['a']);
  });

  it('passes when the interval reaches below it', () => {
    // Shift 0.1: differences −1.9..2.1, the lower end is below 0.025.
    expect(kayentaRule.alerts({ history: [run({ a: [1, 2, 3] })], current: run({ a: [1.1, 2.1, 3.1] }) })).toEqual([]);
  });
});
