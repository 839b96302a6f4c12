import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import type { Assessment } from '../../src/gate/assessment.js';
import { compareRuns } from '../../src/gate/compare.js';
import type { Detector } from '../../src/gate/detector.js';
import { lognormal, syntheticRun } from './synthetic.js';

const run = syntheticRun({ endpoints: { 'GET /a': { latencies: lognormal(200, 50, 0.3, 1) } } });
const policy = resolvePolicy(parseConfig({}), 'smoke');
const limit = { kind: 'max-increase' as const, max: 0.2 };

/** One latency question at raw p 0.004, beyond its limit, and `n` error-rate questions with given smallest attainable p. */
function family(n: number, minAttainableP: number | undefined): Detector {
  const latency: Assessment = { kind: 'latency', metric: 'http_req_duration', statistic: 'med', unit: 'ms', limit, change: 0.35, beyond: true, pValue: 0.004, interval: { lower: 0.1, upper: 0.6 }, intervalExcludesNoChange: true };
  const errors = Array.from({ length: n }, (_, i): Assessment => ({
    kind: 'error-rate', metric: `http_req_failed{name:e${i}}`, statistic: 'rate', unit: 'fraction', limit: { kind: 'error-rate', maxIncrease: 0.5, absoluteFloor: 0.001 },
    baseline: 0, current: 0, beyond: false, pValue: 1, ...(minAttainableP !== undefined ? { minAttainableP } : {}),
  }));
  return { id: 'family', each: 'run', needs: 'current', detect: () => [latency, ...errors] };
}

/** The same latency question beside `n` warn-only latency questions (an end of the run) at raw p 0.5. */
function withWarnOnly(n: number): Detector {
  const latency: Assessment = { kind: 'latency', metric: 'http_req_duration', statistic: 'med', unit: 'ms', limit, change: 0.35, beyond: true, pValue: 0.004, interval: { lower: 0.1, upper: 0.6 }, intervalExcludesNoChange: true };
  const ends = Array.from({ length: n }, (_, i): Assessment => ({ ...latency, metric: `http_req_duration{name:e${i}}`, scope: { tag: 'name', value: `e${i}` }, change: 0.01, beyond: false, pValue: 0.5, atMost: 'warn', details: { compared: 'end-of-run' } }));
  return { id: 'warn-only', each: 'run', needs: 'current', detect: () => [latency, ...ends] };
}

describe('the multiple-comparison family', () => {
  it('keeps questions that can at most warn in a family of their own: they do not cost a fail its power', () => {
    const report = compareRuns({ current: run, policy, detectors: [withWarnOnly(12)] });
    expect(report.findings.find((f) => f.scope === undefined && f.kind === 'latency')?.outcome).toBe('fail');
  });

  it.each([
    // Holm over 13 questions: 0.004 × 13 = 0.052 ≥ α, so the latency question is not confirmed.
    { what: 'counts tests that could confirm something', n: 12, minP: 0.01, outcome: 'warn' },
    { what: 'counts tests with no discrete minimum (continuous tests)', n: 12, minP: undefined, outcome: 'warn' },
    // Twelve endpoints without a failure in either run cannot confirm anything: they stay out, 0.004 < α.
    { what: 'leaves out tests whose smallest attainable p is not below α', n: 12, minP: 1, outcome: 'fail' },
    { what: 'leaves them out at exactly α too', n: 12, minP: 0.05, outcome: 'fail' },
  ])('$what', ({ n, minP, outcome }) => {
    const report = compareRuns({ current: run, policy, detectors: [family(n, minP)] });
    expect(report.findings.find((f) => f.kind === 'latency')?.outcome).toBe(outcome);
    // The left-out questions keep their raw p and pass.
    for (const f of report.findings.filter((x) => x.kind === 'error-rate')) expect(f.outcome).toBe('pass');
  });
});
