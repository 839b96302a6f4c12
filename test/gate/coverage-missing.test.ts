import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { compareRuns } from '../../src/gate/compare.js';
import { buildReport } from '../../src/gate/report.js';
import { findingMessage, headlineOf } from '../../src/report/words.js';
import { lognormal, syntheticRun } from './synthetic.js';

const three = (seed: number, names = ['GET /a', 'GET /b', 'GET /c']) =>
  syntheticRun({ endpoints: Object.fromEntries(names.map((n, i) => [n, { latencies: lognormal(200, 50 + 10 * i, 0.3, seed + i) }])) });

function judge(config: unknown, baseline: ReturnType<typeof syntheticRun>, current: ReturnType<typeof syntheticRun>) {
  const stage = compareRuns({ baseline, current, policy: resolvePolicy(parseConfig(config), 'load') });
  return { stage, headline: headlineOf(buildReport([stage], new Date(0))) };
}

describe('an endpoint of the baseline missing from the current run is never a silent pass', () => {
  it.each([
    {
      what: 'default: warn, the headline names it',
      config: {},
      outcome: 'warn',
      headline: 'warn',
      text: '1 endpoint of the baseline missing from the current run in load: GET /c; 1 of 3 endpoints could not be judged (missing from a run); throughput could not be judged (the request mix changed)',
    },
    { what: 'coverage.missing: fail', config: { coverage: { missing: 'fail' } }, outcome: 'fail', headline: 'fail', text: '1 breach in load: GET /c; 1 of 3 endpoints could not be judged (missing from a run); throughput could not be judged (the request mix changed)' },
    { what: 'coverage.missing: ignore: a pass, the headline still counts it', config: { coverage: { missing: 'ignore' } }, outcome: 'pass', headline: 'pass', text: 'load: no regression beyond the limits, thresholds hold; 1 of 3 endpoints could not be judged (missing from a run); throughput could not be judged (the request mix changed)' },
  ])('$what', ({ config, outcome, text }) => {
    const { stage, headline } = judge(config, three(1), three(100, ['GET /a', 'GET /b']));
    expect(stage.outcome).toBe(outcome);
    expect(headline).toBe(text);
    const lost = stage.findings.filter((f) => f.reason.code === 'lost-scope');
    expect(lost.length).toBe(outcome === 'pass' ? 0 : 1);
    for (const f of lost) expect(findingMessage(f)).toBe('GET /c: no request of the current run, while the baseline had 200 — nothing about it could be judged (coverage.missing).');
  });

  it('the same endpoints in both runs: no coverage finding', () => {
    const { stage } = judge({}, three(1), three(100));
    expect(stage.findings.filter((f) => f.kind === 'data')).toEqual([]);
  });

  it('a lost grouping tag fails once, not once per endpoint as well', () => {
    const current = syntheticRun({ endpoints: { 'GET /a': { latencies: lognormal(600, 50, 0.3, 9) } }, nameTag: false });
    const { stage } = judge({}, three(1), current);
    expect(stage.findings.filter((f) => f.kind === 'data').map((f) => f.reason.code)).toEqual(['lost-tag']);
  });
});
