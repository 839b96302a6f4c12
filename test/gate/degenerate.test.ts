import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { compareRuns } from '../../src/gate/compare.js';
import { buildReport } from '../../src/gate/report.js';
import { findingMessage, headlineOf, renderJson, renderMarkdown, renderText } from '../../src/report/index.js';
import type { MemorySample } from '../../src/document/run-document.js';
import { syntheticRun } from './synthetic.js';

// Degenerate data must never crash the gate or put NaN in a report. renderJson throws on any non-finite
// number, so rendering every report is the check.
function judge(config: unknown, stage: string, baseline: ReturnType<typeof syntheticRun>, current: ReturnType<typeof syntheticRun>) {
  const report = buildReport([compareRuns({ baseline, current, policy: resolvePolicy(parseConfig(config), stage) })], new Date(0));
  renderJson(report);
  renderText(report);
  renderMarkdown(report);
  return report;
}

const integerMs = (min: number, max: number, n: number) => fc.array(fc.integer({ min, max }), { minLength: n, maxLength: n });
const policies = fc.record({
  runToRunNoise: fc.constantFrom(0, 0.01, 0.03),
  alpha: fc.double({ min: 0.001, max: 0.2, noNaN: true }),
  multipleComparisons: fc.constantFrom('holm', 'bh', 'none'),
  minSamples: fc.integer({ min: 1, max: 30 }),
});

describe('degenerate data never crashes the gate and never yields NaN', () => {
  it('property: integer-millisecond latencies (as JMeter writes them) under any policy, noise 0 included', () => {
    fc.assert(
      fc.property(policies, integerMs(0, 3, 60), integerMs(0, 3, 60), fc.integer({ min: 0, max: 3 }), (policy, b, c, failures) => {
        const base = syntheticRun({ endpoints: { 'GET /a': { latencies: b } } });
        const cur = syntheticRun({ endpoints: { 'GET /a': { latencies: c, failed: (i) => i < failures } } });
        judge({ ...policy, stages: { smoke: { regression: { latency: { statistics: ['med', 'p(95)', 'p(99)', 'avg'] } } } } }, 'smoke', base, cur);
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    { what: 'identical constant latencies, no noise floor', b: Array(100).fill(5), c: Array(100).fill(5), shortfall: 'no-spread', headline: /could not be judged \(no spread to measure against\)/ },
    { what: 'constant latencies 5 ms → 6 ms, no noise floor', b: Array(100).fill(5), c: Array(100).fill(6), shortfall: 'no-spread', headline: /could not be judged \(no spread to measure against\)/ },
    { what: 'all latencies 0 ms (no ratio to take)', b: Array(100).fill(0), c: Array(100).fill(0), shortfall: 'other', headline: /could not be judged \(see the findings\)/ },
  ])('$what: the latency questions are inconclusive, not NaN', ({ b, c, shortfall, headline }) => {
    const report = judge({ runToRunNoise: 0, runToRunNoiseMs: 0 }, 'smoke', syntheticRun({ endpoints: { 'GET /a': { latencies: b } } }), syntheticRun({ endpoints: { 'GET /a': { latencies: c } } }));
    const latency = report.stages[0]!.findings.filter((f) => f.kind === 'latency');
    expect(latency.length).toBeGreaterThan(0);
    for (const f of latency) {
      expect(f.outcome).toBe('inconclusive');
      expect(f.shortfall).toBe(shortfall);
      expect(findingMessage(f)).not.toMatch(/0\.69|1\.79|-13\.8/); // no log-latency value leaks into the words
    }
    expect(headlineOf(report)).toMatch(headline);
  });

  const memory = (n: number, bytes: (i: number) => number): MemorySample[] => Array.from({ length: n }, (_, i) => ({ t: Date.UTC(2026, 10, 27, 9) + i * 1000, rssBytes: bytes(i) }));
  const requests = { 'GET /a': { latencies: Array.from({ length: 200 }, (_, i) => 10 + (i % 7)) } };

  it('a 0-byte memory sample is set aside and said so, not taken as a log of 0', () => {
    const samples = memory(120, (i) => (i === 50 ? 0 : 80e6 + (i % 5) * 1e5));
    const report = judge({}, 'endurance', syntheticRun({ endpoints: requests, memory: samples, seconds: 120 }), syntheticRun({ endpoints: requests, memory: samples, seconds: 120 }));
    expect(report.stages[0]!.notes.join('\n')).toMatch(/1 sample of 0 bytes set aside/);
    expect(report.stages[0]!.findings.some((f) => f.kind === 'memory')).toBe(true);
  });

  it('a two-day soak at 1 Hz (172 800 memory samples) does not overflow the stack', () => {
    const samples = memory(172_800, (i) => 80e6 + (i % 13) * 1e5);
    expect(() => judge({}, 'endurance', syntheticRun({ endpoints: requests, memory: samples, seconds: 120 }), syntheticRun({ endpoints: requests, memory: samples, seconds: 120 }))).not.toThrow();
  });

  it('a current run that served nothing fails on throughput instead of dividing by zero', () => {
    const base = syntheticRun({ endpoints: requests });
    const empty = syntheticRun({ endpoints: { 'GET /a': { latencies: [] } } });
    expect(() => judge({}, 'smoke', base, empty)).not.toThrow();
  });
});

describe('the error-rate test uses the policy’s α', () => {
  // 0 → 4 of 400 failed: one-sided p ≈ 0.06 — confirmed at α = 0.1, not at 0.05 (it once hard-coded 0.05).
  const base = syntheticRun({ endpoints: { 'GET /a': { latencies: Array.from({ length: 400 }, (_, i) => 10 + (i % 9)) } } });
  const cur = syntheticRun({ endpoints: { 'GET /a': { latencies: Array.from({ length: 400 }, (_, i) => 10 + (i % 9)), failed: (i) => i % 100 === 0 } } });
  const errorFinding = (alpha: number) =>
    compareRuns({ baseline: base, current: cur, policy: resolvePolicy(parseConfig({ alpha, multipleComparisons: 'none', groupBy: [] }), 'stress') }).findings.find((f) => f.kind === 'error-rate');
  it.each([
    { alpha: 0.05, outcome: 'warn' },
    { alpha: 0.1, outcome: 'fail' },
  ])('α = $alpha → $outcome', ({ alpha, outcome }) => {
    expect(errorFinding(alpha)?.outcome).toBe(outcome);
  });
});
