import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { armRun } from '../../src/document/arm-run.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { compareRuns, type AbInput } from '../../src/gate/compare.js';
import { buildReport } from '../../src/gate/report.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { findingMessage, headlineOf, stageNotes } from '../../src/report/words.js';
import { lognormal, syntheticRun } from './synthetic.js';

const policy = resolvePolicy(parseConfig({}), 'smoke');
const ROUND_S = 20;
const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);

/** The machine's speed during pair k: what a CPU hog or a noisy neighbour does to both services alike. */
const DRIFT = [1, 1.3, 0.8, 1.5, 1.1, 0.9];

/** A round of about 200 requests to each of GET /a and GET /b, its latencies × drift (and × slowdown on GET /a). */
function round(index: number, drift: number, slowdownA: number): RunDocument {
  // Rounds serve a few more or fewer requests, as real ones do (the same count every time has no spread to judge).
  const n = 200 + ((index * 37) % 21) - 10;
  return syntheticRun({
    seconds: ROUND_S,
    startMs: T0 + index * ROUND_S * 1000,
    endpoints: {
      'GET /a': { latencies: lognormal(n, 20, 0.3, 100 + index).map((v) => v * drift * slowdownA) },
      'GET /b': { latencies: lognormal(n, 40, 0.3, 200 + index).map((v) => v * drift) },
    },
  });
}

/** ABBA rounds of `drifts.length` pairs; the candidate's GET /a × slowdownA. */
function abRun(drifts: readonly number[], slowdownA: number) {
  const pairs = drifts.map((drift, k) => {
    const first = 2 * k;
    const [bi, ci] = k % 2 === 0 ? [first, first + 1] : [first + 1, first];
    return { pair: k, baseline: round(bi, drift, 1), current: round(ci, drift, slowdownA) };
  });
  const ab: AbInput = { pairs, plannedRounds: 2 * drifts.length, failedRounds: [], roundSeconds: ROUND_S };
  return { ab, baseline: armRun(pairs.map((p) => p.baseline)), current: armRun(pairs.map((p) => p.current)) };
}

describe('ab mode: latency and throughput judged from interleaved round pairs', () => {
  it('passes the same code on a machine whose speed drifts by ±50 % between pairs', () => {
    const { ab, baseline, current } = abRun(DRIFT, 1);
    const report = compareRuns({ baseline, current, policy, ab });
    expect(report.outcome).toBe('pass');
    expect(report.ab).toMatchObject({ pairs: 6, plannedRounds: 12, failedRounds: [], roundSeconds: 20 });
    expect(report.ab!.ratios).toHaveLength(6);
    for (const r of report.ab!.ratios) expect(Math.abs(Math.log(r))).toBeLessThan(0.1);
    expect(report.noise).toBeUndefined();
    // What the pairs could see, said in pairs: the MDE of the weakest endpoint from the pairs' own t.
    expect(stageNotes(report).join('\n')).toMatch(/The least-powered endpoint, GET \/(a|b), can detect ≥ \+\d+(\.\d)? % from 6 round pairs(; enough to detect the \+20 % limit with 80 % power\.|; detecting the \+20 % limit with 80 % power would take about \d+ pairs of these rounds \(--rounds \d+\)\.)/);
    // The same code against a stored baseline measured while the machine was fast (0.8) and judged while it
    // was slow (1.3): a false fail, on every endpoint.
    const stored = compareRuns({ baseline: round(0, 0.8, 1), current: round(1, 1.3, 1), policy });
    expect(stored.outcome).toBe('fail');
  });

  it('fails a +30 % endpoint and names only it, with every pair\'s ratio', () => {
    const { ab, baseline, current } = abRun(DRIFT, 1.3);
    const report = compareRuns({ baseline, current, policy, ab });
    expect(report.outcome).toBe('fail');
    const failed = report.findings.filter((f) => f.outcome === 'fail');
    expect(new Set(failed.map((f) => f.scope?.value))).toEqual(new Set(['GET /a']));
    const med = failed.find((f) => f.statistic === 'med')!;
    expect(med.change!).toBeGreaterThan(0.25);
    expect(med.change!).toBeLessThan(0.35);
    expect(med.details?.paired?.ratios).toHaveLength(6);
    for (const r of med.details!.paired!.ratios) expect(r).toBeGreaterThan(1.15);
    const text = findingMessage(med);
    expect(text).toMatch(/from 6 round pairs, candidate\/baseline ×1\.\d\d ×1\.\d\d/);
    expect(text).not.toMatch(/NaN|undefined/);
  });

  it('says it cannot judge with two pairs, instead of passing', () => {
    const { ab, baseline, current } = abRun(DRIFT.slice(0, 2), 1.3);
    const report = compareRuns({ baseline, current, policy, ab });
    const med = report.findings.find((f) => f.kind === 'latency' && f.statistic === 'med' && f.scope?.value === 'GET /a')!;
    expect(med.outcome).toBe('inconclusive');
    expect(med.reason).toMatchObject({ code: 'not-judged' });
    expect(report.outcome).not.toBe('pass');
  });

  it('reports failed rounds and leaves their pairs out', () => {
    const { ab, baseline, current } = abRun(DRIFT.slice(0, 5), 1);
    const withFailure: AbInput = { ...ab, plannedRounds: 12, failedRounds: [{ round: 11, arm: 'baseline', reason: 'the baseline service refused connections in round 12' }] };
    const report = compareRuns({ baseline, current, policy, ab: withFailure });
    expect(report.ab!.failedRounds).toHaveLength(1);
    expect(stageNotes(report)[0]).toMatch(/^A\/B rounds against the baseline service, in ABBA order: 5 of 6 pairs of 20 s rounds judged; typical latency of the whole run, candidate\/baseline per pair: (×\d\.\d\d ?){5}; the pairs differ by ± \d+(\.\d)? % \(the noise these rounds measured\)\. 1 round failed and its pair was left out: round 12 \(baseline\): the baseline service refused connections in round 12\.$/);
    const md = renderMarkdown(buildReport([report], new Date(0)));
    expect(md).toContain('A/B rounds');
    expect(md).not.toMatch(/NaN|undefined/);
    expect(headlineOf(buildReport([report], new Date(0)))).not.toMatch(/NaN|undefined/);
  });

  it('gives each arm its own request rate: durations add, the other arm\'s rounds do not dilute it', () => {
    const { baseline } = abRun(DRIFT, 1);
    const rounds = abRun(DRIFT, 1).ab.pairs.map((p) => p.baseline.meta.durationSeconds);
    expect(baseline.meta.durationSeconds).toBeCloseTo(rounds.reduce((a, b) => a + b, 0), 9);
    expect(baseline.meta.durationSeconds).toBeGreaterThan(5.9 * ROUND_S);
    const report = compareRuns({ ...abRun(DRIFT, 1), policy });
    const tp = report.findings.find((f) => f.kind === 'throughput');
    expect(tp?.outcome ?? 'pass').toBe('pass');
    expect(tp?.reason.code ?? 'within-limit').not.toBe('not-judged');
    expect(report.scopes[0]!.baseline!.throughput! / (400 / ROUND_S)).toBeCloseTo(1, 1);
  });
});
