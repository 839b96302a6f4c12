import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../../src/config/policy.js';
import { parseConfig } from '../../../src/config/schema.js';
import type { RunDocument } from '../../../src/document/run-document.js';
import { compareRuns } from '../../../src/gate/compare.js';
import { errorRate } from '../../../src/gate/detectors/error-rate.js';
import { failureSignatures } from '../../../src/gate/detectors/failure-signatures.js';
import { seededRng } from '../../../src/stats/random.js';
import { syntheticRun, withoutSignatures } from '../synthetic.js';
import { contextOf, run } from './context.js';

const latencies = (n: number) => Array.from({ length: n }, (_, i) => 10 + (i % 13));
/** One endpoint `GET /a` of n requests; `failing` lists the failed requests and their status. */
function runOf(n: number, failing: Readonly<Record<number, number>> = {}, name = 'GET /a'): RunDocument {
  return syntheticRun({ endpoints: { [name]: { latencies: latencies(n), failed: (i) => failing[i] !== undefined, status: (i) => failing[i] ?? 200 } } });
}
/** k requests failing with `status`, spread evenly over the run (every n/k-th), or `burst`: all in a row. */
function failing(n: number, k: number, status: number, burst = false): Record<number, number> {
  const out: Record<number, number> = {};
  for (let j = 0; j < k; j++) out[burst ? Math.floor(n / 2) + j : Math.floor(((j + 0.5) * n) / k)] = status;
  return out;
}
const outcomeOf = (a: ReturnType<typeof run>[number]) => (a.deterministic ? (a.beyond ? 'fail' : 'pass') : a.beyond ? 'warn' : 'pass');

describe('failure-signature detector', () => {
  it.each([
    { what: 'nothing failed in either run', b: runOf(220), c: runOf(220), expected: [] },
    { what: 'the same signature in both runs is not new', b: runOf(220, failing(220, 3, 500)), c: runOf(220, failing(220, 9, 500)), expected: [] },
    { what: 'the first occurrence of a new signature warns', b: runOf(220), c: runOf(220, failing(220, 1, 500)), expected: [{ status: '500', failed: 1, outcome: 'warn' }] },
    { what: '2 new 500s of 220 (0.9 %) warn', b: runOf(220), c: runOf(220, failing(220, 2, 500)), expected: [{ status: '500', failed: 2, outcome: 'warn' }] },
    // 14 of 220 = 6.4 % ≥ 1 %, 14 ≥ 10, and none of 220 baseline requests had it: p = ½¹⁴
    { what: '14 new 500s of 220 fail', b: runOf(220), c: runOf(220, failing(220, 14, 500)), expected: [{ status: '500', failed: 14, outcome: 'fail' }] },
    { what: '500s are new where the baseline had only 404s', b: runOf(220, failing(220, 5, 404)), c: runOf(220, failing(220, 12, 500)), expected: [{ status: '500', failed: 12, outcome: 'fail' }] },
    { what: '12 new 500s of 2000 (0.6 %) are under the 1 % fail rate: a warning', b: runOf(2000), c: runOf(2000, failing(2000, 12, 500)), expected: [{ status: '500', failed: 12, outcome: 'warn' }] },
    // π = 220/240: a baseline of 20 requests had (220/240)¹² = 35 % chance to show none
    { what: 'a baseline of 20 requests is too small to say it never had them: a warning', b: runOf(20), c: runOf(220, failing(220, 12, 500)), expected: [{ status: '500', failed: 12, outcome: 'warn' }] },
    // one outage: 12 failures in one second, the design effect makes them about one event
    { what: '12 new 500s in one burst are one event: a warning', b: runOf(220), c: runOf(220, failing(220, 12, 500, true)), expected: [{ status: '500', failed: 12, outcome: 'warn' }] },
  ])('$what', ({ b, c, expected }) => {
    const out = run(failureSignatures, contextOf(c, b));
    expect(out.map((a) => ({ status: a.details?.signature?.status, failed: a.current, outcome: outcomeOf(a) }))).toEqual(expected);
    for (const a of out) expect(a).toMatchObject({ kind: 'failure-signature', metric: 'http_req_failed{name:GET /a}', scope: { tag: 'name', value: 'GET /a' }, baseline: 0, unit: 'count' });
  });

  it.each([
    { what: 'warnCount 3: two are not yet a warning', config: { warnCount: 3 }, k: 2, outcome: 'pass' },
    { what: 'failCount 2 and failRate 0: two only warn (p = ¼ is not below α)', config: { failCount: 2, failRate: 0 }, k: 2, outcome: 'warn' },
    { what: 'failCount 2 and failRate 0: five fail', config: { failCount: 2, failRate: 0 }, k: 5, outcome: 'fail' },
  ])('policy: $what', ({ config, k, outcome }) => {
    // Two of 220 against none of 220: p = ¼, not below α, so even failCount 2 only warns.
    const ctx = contextOf(runOf(220, failing(220, k, 500)), runOf(220), { stages: { smoke: { regression: { failureSignatures: config } } } });
    expect(run(failureSignatures, ctx).map(outcomeOf)).toEqual([outcome]);
  });

  it('names the status and error_code, the share and the chance the baseline missed it', () => {
    const [a] = run(failureSignatures, contextOf(runOf(220, failing(220, 14, 500)), runOf(220)));
    expect(a?.details?.signature).toMatchObject({ status: '500', errorCode: '1500', failed: 14, share: 14 / 220 });
    expect(a?.details?.signature?.pChance).toBeCloseTo(0.5 ** 14, 8);
    expect(a?.limit).toEqual({ kind: 'failure-signature', warnCount: 1, failCount: 10, failRate: 0.01 });
  });

  it('judges endpoints, and the whole run only when the stage groups by nothing', () => {
    const c = runOf(220, failing(220, 3, 500));
    expect(run(failureSignatures, contextOf(c, runOf(220))).map((a) => a.scope?.value ?? 'all')).toEqual(['GET /a']);
    expect(run(failureSignatures, contextOf(c, runOf(220), { groupBy: [] })).map((a) => a.scope?.value ?? 'all')).toEqual(['all']);
  });

  it('says nothing about documents without signatures, and compare notes why', () => {
    const c = runOf(220, failing(220, 14, 500));
    expect(run(failureSignatures, contextOf(c, withoutSignatures(runOf(220))))).toEqual([]);
    const report = compareRuns({ baseline: withoutSignatures(runOf(220)), current: c, policy: resolvePolicy(parseConfig({}), 'load') });
    expect(report.notes.some((n) => n.startsWith('Failure signatures (status codes, k6 error codes) are not recorded in the baseline'))).toBe(true);
    // Judged as before: the error rate still fails the endpoint.
    expect(report.findings.filter((f) => f.outcome === 'fail').map((f) => `${f.kind} ${f.scope?.value ?? 'all'}`)).toContain('error-rate GET /a');
    expect(report.findings.some((f) => f.kind === 'failure-signature')).toBe(false);
  });

  it('names the endpoint in its report row', () => {
    const report = compareRuns({ baseline: runOf(220), current: runOf(220, failing(220, 2, 500)), policy: resolvePolicy(parseConfig({}), 'load') });
    const row = report.scopes.find((r) => r.scope?.value === 'GET /a')!;
    expect(row.outcome).toBe('warn');
    expect(row.decidedBy?.kind).toBe('failure-signature');
    expect(report.outcome).toBe('warn');
  });
});

describe('same code twice (A/A) with equal small failure rates', () => {
  it('rarely fails: at most 1 % of 400 seeded pairs, for rates 0 … 5 % on two endpoints of 220 requests', () => {
    const rng = seededRng(2026);
    const rates = [0, 0.002, 0.005, 0.01, 0.02, 0.05];
    const policy = resolvePolicy(parseConfig({}), 'load');
    const trials = 400;
    let fails = 0;
    let warns = 0;
    for (let t = 0; t < trials; t++) {
      const rate = rates[t % rates.length]!;
      const make = () => {
        const endpoints: Record<string, { latencies: number[]; failed: (i: number) => boolean; status: (i: number) => number }> = {};
        for (const name of ['GET /a', 'POST /b']) {
          const failedAt = Array.from({ length: 220 }, () => rng() < rate);
          // Failures are 500s or 503s at random: equal mixes in both runs.
          const statusAt = failedAt.map((f) => (f ? (rng() < 0.5 ? 500 : 503) : 200));
          endpoints[name] = { latencies: latencies(220), failed: (i) => failedAt[i]!, status: (i) => statusAt[i]! };
        }
        return syntheticRun({ endpoints });
      };
      // Only the error questions, so the multiplicity correction is over few tests (stricter than the full gate).
      const report = compareRuns({ baseline: make(), current: make(), policy, detectors: [errorRate, failureSignatures] });
      if (report.outcome === 'fail') fails++;
      if (report.outcome === 'warn') warns++;
    }
    expect(fails).toBeLessThanOrEqual(trials * 0.01);
    // Warnings are the price of naming a first 500: a new signature warns whenever the baseline happened to show none.
    expect(warns).toBeLessThan(trials * 0.5);
  });
});
