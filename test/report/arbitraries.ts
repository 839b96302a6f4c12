/** fast-check generators of Reports whose user text is as hostile as k6 allows (any Unicode, Markdown, HTML). */

import fc from 'fast-check';
import type { Confidence, Finding, Limit, Outcome, Reason, Report, ScopeComparison, ScopeSummary, StageReport, Unit } from '../../src/gate/verdict.js';

export const hostile = [
  'GET /a|b <script>alert(1)</script>',
  '`rm -rf /`',
  'line\nbreak\r\nand\ttab',
  '\\|',
  '&amp; & <b>',
  '@org/team',
  '**bold** _it_ ~~s~~',
  '[link](https://example.com) ![img](x)',
  '👩‍❤️‍👩 名前 é',
  '<!-- perf-gate:id=other -->',
  '</details><details open>',
  '\u001b[2J\u202e',
];

/** Any text a k6 script could put into a tag value, biased towards the dangerous. */
export const userText = (minLength = 0, maxLength = 40): fc.Arbitrary<string> =>
  fc
    .tuple(fc.string({ unit: 'binary', minLength, maxLength }), fc.constantFrom(...hostile), fc.nat(maxLength))
    .map(([s, h, at]) => {
      const cps = [...s];
      const i = Math.min(at, cps.length);
      return [...cps.slice(0, i), h, ...cps.slice(i)].join('');
    });

const number = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });
const fraction = fc.double({ min: -1, max: 5, noNaN: true, noDefaultInfinity: true });
export const outcome: fc.Arbitrary<Outcome> = fc.constantFrom('pass', 'warn', 'fail', 'inconclusive');

const summary: fc.Arbitrary<ScopeSummary> = fc.record(
  {
    count: fc.nat(100_000),
    p50: number,
    p95: number,
    p99: number,
    avg: number,
    throughput: number,
    errorRate: fc.double({ min: 0, max: 1, noNaN: true }),
  },
  { requiredKeys: ['count'] },
);

const confidence: fc.Arbitrary<Confidence> = fc.record(
  {
    level: fc.constantFrom('confirmed', 'suggestive', 'none', 'not-applicable'),
    interval: fc.record({ lower: fraction, upper: fraction, confidence: fc.constantFrom(0.9, 0.95, 0.99) }),
  },
  { requiredKeys: ['level'] },
);

export function scope(name: fc.Arbitrary<string>): fc.Arbitrary<ScopeComparison> {
  return fc.record({
    name,
    baseline: fc.option(summary, { nil: undefined }),
    current: summary,
    latencyChange: fc.option(fraction, { nil: undefined }),
    confidence,
    outcome,
  }).map(({ name: n, ...rest }) => ({ metric: `http_req_duration{name:${n}}`, scope: { tag: 'name', value: n }, ...rest }));
}

// User text reaches a finding's words through the endpoint, the metric, a threshold expression and the
// data's own explanation of what could not be judged: the renderers must escape all of them.
const reason: fc.Arbitrary<Reason> = fc.oneof(
  fc.constantFrom<Reason>({ code: 'confirmed' }, { code: 'unconfirmed' }, { code: 'noise' }, { code: 'multiplicity' }, { code: 'within-limit' }, { code: 'threshold-crossed' }, { code: 'threshold-holds' }, { code: 'leak' }, { code: 'no-leak' }),
  fc.record({ code: fc.constant('not-judged' as const), shortfall: fc.constantFrom('too-few-requests', 'too-short', 'missing', 'no-spread', 'other'), detail: userText(0, 80) }),
  fc.record({ code: fc.constant('threshold-lost' as const), baselineCount: fc.nat() }),
  fc.record({ code: fc.constant('lost-tag' as const), tag: userText(1, 20), baselineValues: fc.nat() }),
);
const limit: fc.Arbitrary<Limit> = fc.oneof(
  fc.record({ kind: fc.constant('max-increase' as const), max: fc.double({ min: 0, max: 5, noNaN: true }) }),
  fc.record({ kind: fc.constant('max-decrease' as const), max: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('threshold' as const), expression: userText(1, 40) }),
);

export const finding: fc.Arbitrary<Finding> = fc.record({
  outcome,
  severity: fc.constantFrom('fail', 'warn', 'info'),
  kind: fc.constantFrom('latency', 'throughput', 'error-rate', 'threshold', 'memory', 'leak', 'degradation', 'data'),
  endpoint: userText(),
  statistic: fc.constantFrom('p(95)', 'med', 'rate', 'count', 'slope'),
  unit: fc.constantFrom<Unit>('ms', 'req/s', 'per-second', 'fraction', 'bytes', 'MB/h', 'count', 'value'),
  baseline: number,
  current: number,
  change: fraction,
  limit,
  pValue: fc.double({ min: 0, max: 1, noNaN: true }),
  confidence,
  reason,
}).map(({ endpoint, ...f }) => ({ ...f, metric: `http_req_duration{name:${endpoint}}`, scope: { tag: 'name', value: endpoint } }));

const run = fc.record({
  start: fc.constantFrom('2026-11-25T14:40:51.004Z', 'not a date'),
  durationSeconds: fc.double({ min: 0, max: 100_000, noNaN: true }),
  partial: fc.boolean(),
  tool: fc.constant('k6'),
});

export function stage(scopes: fc.Arbitrary<ScopeComparison[]>, findings: fc.Arbitrary<Finding[]>): fc.Arbitrary<StageReport> {
  return fc.record({
    stage: userText(1, 20),
    outcome,
    baselineRun: run,
    currentRun: run,
    findings,
    scopes,
    notes: fc.array(userText(0, 80), { maxLength: 3 }),
  });
}

export function reportOf(stages: fc.Arbitrary<StageReport[]>): fc.Arbitrary<Report> {
  return fc.record({ stages, verdict: outcome }).map(({ stages: s, verdict }) => ({
    schema: 'perf-gate/report@1' as const,
    verdict,
    stages: s,
    findings: s.flatMap((x) => x.findings),
    generatedAt: '2026-11-25T14:47:12.345Z',
  }));
}

/** Small random reports: a few stages of a few scopes and findings. */
export const smallReport = reportOf(fc.array(stage(fc.array(scope(userText()), { maxLength: 6 }), fc.array(finding, { maxLength: 4 })), { maxLength: 3 }));
