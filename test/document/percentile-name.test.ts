import { describe, expect, it } from 'vitest';
import { percentileName, percentileOf } from '../../src/document/percentile-name.js';
import { percentileKey } from '../../src/document/run-view.js';
import { parseLatencyStatistic } from '../../src/config/latency-statistic.js';
import { tryParseThreshold } from '../../src/config/threshold.js';

// `p(N)` is read in one place; the thresholds, the latency statistics and the run view agree on it.
describe('percentileOf, the one reader of p(N)', () => {
  it.each([
    { text: 'p(95)', n: 95 },
    { text: 'p(99.9)', n: 99.9 },
    { text: 'p(95.0)', n: 95 },
    { text: 'p(1e1)', n: 10 },
    { text: 'p(-0)', n: 0 },
    { text: 'p95', n: undefined },
    { text: 'p(x)', n: undefined },
    { text: 'p()', n: undefined },
    { text: 'med', n: undefined },
  ])('$text → $n', ({ text, n }) => {
    expect(percentileOf(text)).toBe(n);
  });

  it.each(['p(95)', 'p(99.9)', 'p(95.0)', 'p(50)'])('%s means the same to the config, the thresholds and the run view', (text) => {
    const n = percentileOf(text)!;
    expect(parseLatencyStatistic(text)).toBe(percentileName(n));
    expect(tryParseThreshold(`${text}<1`)).toMatchObject({ aggregation: { kind: 'percentile', p: n } });
    expect(percentileKey(text)).toBeCloseTo(n / 100, 12);
  });
});
