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

describe('a small endpoint (below minSamples) that changed grossly is flagged, at most as a warning', () => {
  const withRare = (seed: number, scale: number) =>
    syntheticRun({
      endpoints: {
        ...Object.fromEntries(['GET /a', 'GET /b'].map((n, i) => [n, { latencies: lognormal(220, 50 + 10 * i, 0.35, seed + i) }])),
        'GET /rare': { latencies: lognormal(15, 60 * scale, 0.35, seed + 9) },
      },
    });

  it('3× slower on 15 requests: warn, named in the headline', () => {
    const { stage, headline } = judge({}, withRare(1, 1), withRare(100, 3));
    expect(stage.outcome).toBe('warn');
    const f = stage.findings.find((x) => x.scope?.value === 'GET /rare' && x.statistic === 'med')!;
    expect(f).toMatchObject({ outcome: 'warn', severity: 'warn', reason: { code: 'confirmed-few', baselineCount: 15, currentCount: 15, minSamples: 20 } });
    expect(findingMessage(f)).toMatch(/^GET \/rare: typical response time \+\d+(\.\d)? % \(.* → .*\) is beyond the \+20 % limit and an exact rank test on 15 and 15 requests supports it, 95 % CI .*; below minSamples \(20\) it is a warning, not a fail\.$/);
    expect(headline).toBe('1 change beyond a limit in load on fewer requests than minSamples: GET /rare');
  });

  it('the same code on 15 requests: a pass that still counts the endpoint as judged only in part', () => {
    const { stage, headline } = judge({}, withRare(1, 1), withRare(100, 1));
    expect(stage.outcome).toBe('pass');
    expect(headline).toMatch(/; 1 of 3 endpoints could be judged only in part \(too few requests\)$/);
  });

  it('the stage says what its least-powered endpoint can detect and how long it would have to run', () => {
    const { stage } = judge({}, withRare(1, 1), withRare(100, 1));
    expect(stage.power).toMatchObject({ scope: { tag: 'name', value: 'GET /rare' }, limit: 0.2, durationSeconds: stage.currentRun.durationSeconds });
    expect(stage.power!.detectable).toBeGreaterThan(0.3);
    // 15 requests a side: far more than the run's length is needed to see +20 %.
    expect(stage.power!.neededSeconds! / stage.power!.durationSeconds).toBeGreaterThan(3);
    const row = stage.scopes.find((s) => s.scope?.value === 'GET /rare')!;
    expect(row.detectable).toBe(stage.power!.detectable);
  });
});
