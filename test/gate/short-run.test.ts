import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { compareRuns } from '../../src/gate/compare.js';
import { MIN_WINDOWS_TO_FAIL } from '../../src/gate/detectors/latency.js';
import { buildReport } from '../../src/gate/report.js';
import { findingMessage, headlineOf } from '../../src/report/words.js';
import { lognormal, syntheticRun } from './synthetic.js';

const policy = resolvePolicy(parseConfig({}), 'smoke');
const runOf = (seconds: number, factor: number, seed: number) => syntheticRun({ seconds, endpoints: { 'GET /a': { latencies: lognormal(200, 20, 0.3, seed).map((v) => v * factor) } } });

describe('a run too short to measure how requests cluster', () => {
  it.each([
    // 1 s windows: a 4 s run has 4 of them, a 20 s run 20.
    { what: 'a 4 s run warns on a 2× slowdown', seconds: 4, outcome: 'warn', reason: 'confirmed-short' },
    { what: `a run of exactly ${MIN_WINDOWS_TO_FAIL} s fails on it`, seconds: MIN_WINDOWS_TO_FAIL, outcome: 'fail', reason: 'confirmed' },
    { what: 'a 20 s run fails on it', seconds: 20, outcome: 'fail', reason: 'confirmed' },
  ])('$what', ({ seconds, outcome, reason }) => {
    const report = compareRuns({ baseline: runOf(seconds, 1, 1), current: runOf(seconds, 2, 2), policy });
    const f = report.findings.find((x) => x.kind === 'latency' && x.scope?.value === 'GET /a' && x.statistic === 'med')!;
    expect(f.outcome).toBe(outcome);
    expect(f.reason.code).toBe(reason);
    expect(findingMessage(f)).not.toMatch(/NaN|undefined/);
    if (reason === 'confirmed-short') {
      expect(findingMessage(f)).toContain('only 4 time windows');
      expect(headlineOf(buildReport([report], new Date(0)))).toContain('on a run too short to fail on: all requests, GET /a');
    }
  });
});
