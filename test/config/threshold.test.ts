import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { parseMetricSelector } from '../../src/config/metric-selector.js';
import {
  aggregationKey,
  evaluateThreshold,
  formatThreshold,
  parseThreshold,
  type Aggregation,
  type ThresholdExpression,
  type ThresholdOperator,
} from '../../src/config/threshold.js';

describe('parseThreshold: valid k6 thresholds', () => {
  it.each<{ what: string; input: string; aggregation: Aggregation; operator: ThresholdOperator; value: number }>([
    { what: 'percentile', input: 'p(95)<500', aggregation: { kind: 'percentile', p: 95 }, operator: '<', value: 500 },
    { what: 'decimal percentile', input: 'p(99.9)<1500', aggregation: { kind: 'percentile', p: 99.9 }, operator: '<', value: 1500 },
    { what: 'p(100) is the max', input: 'p(100)<=2000', aggregation: { kind: 'percentile', p: 100 }, operator: '<=', value: 2000 },
    { what: 'tiny percentile', input: 'p(0.1)>0', aggregation: { kind: 'percentile', p: 0.1 }, operator: '>', value: 0 },
    { what: 'spaces around the operator', input: 'p(95) < 500', aggregation: { kind: 'percentile', p: 95 }, operator: '<', value: 500 },
    { what: 'leading and trailing spaces', input: '  avg<=200  ', aggregation: { kind: 'avg' }, operator: '<=', value: 200 },
    { what: 'min', input: 'min>=1', aggregation: { kind: 'min' }, operator: '>=', value: 1 },
    { what: 'max', input: 'max<3000', aggregation: { kind: 'max' }, operator: '<', value: 3000 },
    { what: 'med', input: 'med<100', aggregation: { kind: 'med' }, operator: '<', value: 100 },
    { what: 'rate (fraction)', input: 'rate<0.01', aggregation: { kind: 'rate' }, operator: '<', value: 0.01 },
    { what: 'rate (throughput)', input: 'rate>100', aggregation: { kind: 'rate' }, operator: '>', value: 100 },
    { what: 'count', input: 'count>1000', aggregation: { kind: 'count' }, operator: '>', value: 1000 },
    { what: 'gauge value', input: 'value>1000', aggregation: { kind: 'value' }, operator: '>', value: 1000 },
    { what: 'passes (extension)', input: 'passes>=100', aggregation: { kind: 'passes' }, operator: '>=', value: 100 },
    { what: 'fails (extension)', input: 'fails==0', aggregation: { kind: 'fails' }, operator: '==', value: 0 },
    { what: '=== normalises to ==', input: 'count===0', aggregation: { kind: 'count' }, operator: '==', value: 0 },
    { what: '!=', input: 'value != 0', aggregation: { kind: 'value' }, operator: '!=', value: 0 },
    { what: 'exponent', input: 'rate<1e-3', aggregation: { kind: 'rate' }, operator: '<', value: 0.001 },
    { what: 'negative value', input: 'min>-5', aggregation: { kind: 'min' }, operator: '>', value: -5 },
    { what: 'leading dot', input: 'rate<.5', aggregation: { kind: 'rate' }, operator: '<', value: 0.5 },
  ])('$what: $input', ({ input, aggregation, operator, value }) => {
    expect(parseThreshold(input)).toEqual({ source: input, aggregation, operator, value, abortOnFail: false });
  });

  it('accepts k6 object form and keeps abortOnFail', () => {
    expect(parseThreshold({ threshold: 'p(95)<500', abortOnFail: true, delayAbortEval: '10s' })).toEqual({
      source: 'p(95)<500',
      aggregation: { kind: 'percentile', p: 95 },
      operator: '<',
      value: 500,
      abortOnFail: true,
    });
  });
});

describe('parseThreshold: invalid thresholds', () => {
  const examples = `expected e.g. 'p(95)<500', 'rate<0.01', 'count>1000'`;
  it.each<{ what: string; input: string; message: string }>([
    { what: 'p95 without parentheses', input: 'p95<500', message: `'p95<500' is not a k6 threshold — ${examples}` },
    { what: 'no operator', input: 'p(95) 500', message: `'p(95) 500' is not a k6 threshold — ${examples}` },
    { what: 'empty', input: '', message: `'' is not a k6 threshold — ${examples}` },
    { what: 'no value', input: 'p(95)<', message: `'p(95)<' is not a k6 threshold — ${examples}` },
    { what: 'no aggregation', input: '<500', message: `'<500' is not a k6 threshold — ${examples}` },
    { what: 'single =', input: 'count=0', message: `'count=0' is not a k6 threshold — use '==' to compare for equality; ${examples}` },
    { what: 'percentile 0', input: 'p(0)<5', message: `'p(0)<5' is not a k6 threshold — the percentile must be greater than 0 and at most 100, got p(0)` },
    { what: 'percentile above 100', input: 'p(101)<5', message: `'p(101)<5' is not a k6 threshold — the percentile must be greater than 0 and at most 100, got p(101)` },
    { what: 'percentile not a number', input: 'p(x)<5', message: `'p(x)<5' is not a k6 threshold — 'p(x)' is not a percentile; expected e.g. 'p(95)<500', 'p(99.9)<1500'` },
    { what: 'space inside p()', input: 'p( 95 )<5', message: `'p( 95 )<5' is not a k6 threshold — 'p( 95 )' is not a percentile; expected e.g. 'p(95)<500', 'p(99.9)<1500'` },
    { what: 'unit on the value', input: 'p(95)<500ms', message: `'p(95)<500ms' is not a k6 threshold — '500ms' is not a number; k6 compares plain numbers (durations in milliseconds, rates as fractions), e.g. 'p(95)<500', 'rate<0.01'` },
    { what: 'percent value', input: 'rate<1%', message: `'rate<1%' is not a k6 threshold — '1%' is not a number; k6 compares plain numbers (durations in milliseconds, rates as fractions), e.g. 'p(95)<500', 'rate<0.01'` },
    { what: 'two comparisons', input: 'p(95)<500<600', message: `'p(95)<500<600' is not a k6 threshold — '500<600' is not a number; ${examples}` },
    { what: 'misspelt aggregation', input: 'cout>5', message: `'cout>5' is not a k6 threshold — unknown aggregation 'cout' — did you mean 'count'? ${examples}` },
    { what: 'uppercase aggregation', input: 'AVG<5', message: `'AVG<5' is not a k6 threshold — unknown aggregation 'AVG' — did you mean 'avg'? ${examples}` },
    { what: 'NaN value', input: 'avg<NaN', message: `'avg<NaN' is not a k6 threshold — 'NaN' is not a number; ${examples}` },
    { what: 'infinite value', input: 'avg<1e999', message: `'avg<1e999' is not a k6 threshold — '1e999' is too large; ${examples}` },
  ])('$what: $input', ({ input, message }) => {
    expect(() => parseThreshold(input)).toThrow(new ConfigError([message]));
  });

  it('prefixes the config path and keeps it on the error', () => {
    const path = 'stages.smoke.thresholds["http_req_duration"][0]';
    let error: unknown;
    try {
      parseThreshold('p95<500', path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      `stages.smoke.thresholds["http_req_duration"][0]: 'p95<500' is not a k6 threshold — expected e.g. 'p(95)<500', 'rate<0.01', 'count>1000'`,
    );
    expect((error as ConfigError).path).toBe(path);
    expect((error as ConfigError).issues).toHaveLength(1);
  });

  it('rejects a bad delayAbortEval in object form', () => {
    expect(() => parseThreshold({ threshold: 'p(95)<500', delayAbortEval: 'soon' })).toThrow(
      `delayAbortEval 'soon' is not a k6 duration — expected e.g. '10s', '1m30s'`,
    );
  });
});

describe('aggregationKey and formatThreshold', () => {
  it.each<{ aggregation: Aggregation; key: string }>([
    { aggregation: { kind: 'avg' }, key: 'avg' },
    { aggregation: { kind: 'min' }, key: 'min' },
    { aggregation: { kind: 'max' }, key: 'max' },
    { aggregation: { kind: 'med' }, key: 'med' },
    { aggregation: { kind: 'percentile', p: 95 }, key: 'p(95)' },
    { aggregation: { kind: 'percentile', p: 99.9 }, key: 'p(99.9)' },
    { aggregation: { kind: 'percentile', p: 99.99 }, key: 'p(99.99)' },
    { aggregation: { kind: 'count' }, key: 'count' },
    { aggregation: { kind: 'rate' }, key: 'rate' },
    { aggregation: { kind: 'value' }, key: 'value' },
    { aggregation: { kind: 'passes' }, key: 'passes' },
    { aggregation: { kind: 'fails' }, key: 'fails' },
  ])('$key', ({ aggregation, key }) => {
    expect(aggregationKey(aggregation)).toBe(key);
  });

  it.each([
    { input: 'p(95) < 500', formatted: 'p(95)<500' },
    { input: 'p(95.0)<500', formatted: 'p(95)<500' },
    { input: 'count === 0', formatted: 'count==0' },
    { input: 'rate<1e-3', formatted: 'rate<0.001' },
  ])('formats $input as $formatted', ({ input, formatted }) => {
    expect(formatThreshold(parseThreshold(input))).toBe(formatted);
  });

  it('format → parse gives the expression back (property)', () => {
    const aggregation: fc.Arbitrary<Aggregation> = fc.oneof(
      fc.constantFrom<Aggregation>(
        { kind: 'avg' },
        { kind: 'min' },
        { kind: 'max' },
        { kind: 'med' },
        { kind: 'count' },
        { kind: 'rate' },
        { kind: 'value' },
        { kind: 'passes' },
        { kind: 'fails' },
      ),
      fc
        .double({ min: Number.MIN_VALUE, max: 100, noNaN: true, noDefaultInfinity: true })
        .map((p): Aggregation => ({ kind: 'percentile', p })),
    );
    const operator = fc.constantFrom<ThresholdOperator>('<', '<=', '>', '>=', '==', '!=');
    const value = fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v));
    fc.assert(
      fc.property(aggregation, operator, value, (agg, op, v) => {
        const expression = { aggregation: agg, operator: op, value: v };
        const text = formatThreshold(expression);
        const parsed: ThresholdExpression = parseThreshold(text);
        expect(parsed).toEqual({ ...expression, source: text, abortOnFail: false });
      }),
      { seed: 20240601, numRuns: 2000 },
    );
  });
});

describe('evaluateThreshold', () => {
  const stats: Record<string, number> = { 'p(95)': 155.5, med: 20.1, rate: 0.004, count: 2119, passes: 0, fails: 2119, value: 5 };
  const lookup = (key: string): number | undefined => stats[key];

  it.each([
    { input: 'p(95)<500', expected: { ok: true, actual: 155.5 } },
    { input: 'p(95)<155.5', expected: { ok: false, actual: 155.5 } },
    { input: 'p(95)<=155.5', expected: { ok: true, actual: 155.5 } },
    { input: 'med>20.1', expected: { ok: false, actual: 20.1 } },
    { input: 'med>=20.1', expected: { ok: true, actual: 20.1 } },
    { input: 'rate<0.001', expected: { ok: false, actual: 0.004 } },
    { input: 'count>1000', expected: { ok: true, actual: 2119 } },
    { input: 'passes==0', expected: { ok: true, actual: 0 } },
    { input: 'fails!=2119', expected: { ok: false, actual: 2119 } },
    { input: 'value===5', expected: { ok: true, actual: 5 } },
  ])('$input', ({ input, expected }) => {
    expect(evaluateThreshold(parseThreshold(input), lookup)).toEqual(expected);
  });

  it('is unknown, never a pass, when the statistic is missing', () => {
    const result = evaluateThreshold(parseThreshold('p(99)<500'), lookup);
    expect(result.ok).toBe('unknown');
    expect(result).toMatchObject({ reason: expect.stringContaining(`'p(99)'`) as unknown });
  });

  it('is unknown when the statistic is NaN', () => {
    expect(evaluateThreshold(parseThreshold('avg<5'), () => Number.NaN)).toEqual({ ok: 'unknown', reason: `'avg' is not a number in the results` });
  });
});

describe('on real k6 output: agrees with k6 on every threshold it evaluated', () => {
  const dir = join(import.meta.dirname, '../fixtures/k6');
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith('.handle-summary.json'))
    .flatMap((file) => {
      const summary = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        metrics: Record<string, { values: Record<string, number>; thresholds?: Record<string, { ok: boolean }> }>;
      };
      return Object.entries(summary.metrics).flatMap(([metric, m]) =>
        Object.entries(m.thresholds ?? {}).map(([source, verdict]) => ({ file, metric, source, k6ok: verdict.ok, values: m.values })),
      );
    });

  it('has fixtures with passed and crossed thresholds', () => {
    expect(rows.some((r) => r.k6ok)).toBe(true);
    expect(rows.some((r) => !r.k6ok)).toBe(true);
  });

  it.each(rows)('$file $metric $source → ok=$k6ok', ({ metric, source, k6ok, values }) => {
    const selector = parseMetricSelector(metric);
    expect(selector.metric.length).toBeGreaterThan(0);
    const result = evaluateThreshold(parseThreshold(source), (key) => values[key]);
    expect(result).toEqual({ ok: k6ok, actual: expect.any(Number) as unknown });
  });
});
