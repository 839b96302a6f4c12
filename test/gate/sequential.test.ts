import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullRunFailChance, judgeLook, sequentialLooks, type LookContext } from '../../src/gate/sequential.js';
import type { Finding } from '../../src/gate/verdict.js';

describe('sequentialLooks', () => {
  it('looks every quarter up to the plan, then on to the budget; the final look keeps the rest of α', () => {
    const looks = sequentialLooks({ plannedSeconds: 120, maxSeconds: 180, alpha: 0.05 });
    expect(looks.map((l) => l.atSeconds)).toEqual([30, 60, 90, 120, 150, 180]);
    expect(looks.map((l) => l.final)).toEqual([false, false, false, false, false, true]);
    expect(looks.slice(0, 5).every((l) => l.alpha === 0.001)).toBe(true);
    expect(looks[5]!.alpha).toBeCloseTo(0.045, 12);
  });

  it('ends on the budget even when the step does not divide it', () => {
    expect(sequentialLooks({ plannedSeconds: 100, maxSeconds: 110, everySeconds: 40, alpha: 0.05 }).map((l) => l.atSeconds)).toEqual([40, 80, 110]);
  });

  it('refuses a budget below the plan and a plan of 0 s', () => {
    expect(() => sequentialLooks({ plannedSeconds: 60, maxSeconds: 30, alpha: 0.05 })).toThrow(RangeError);
    expect(() => sequentialLooks({ plannedSeconds: 0, maxSeconds: 30, alpha: 0.05 })).toThrow(RangeError);
  });
});

const LIMIT = { kind: 'max-increase', max: 0.2 } as const;
/** A latency finding with its 95 % interval from estimate ± 1.96·√(within² + noise²). */
function latency(change: number, outcome: Finding['outcome'], withinSe: number, noiseSe = 0.04, more: Partial<Finding> = {}): Finding {
  const x = Math.log1p(change);
  const se = Math.hypot(withinSe, noiseSe);
  return {
    outcome,
    severity: outcome === 'fail' ? 'fail' : 'info',
    kind: 'latency',
    metric: 'http_req_duration{name:GET /a}',
    scope: { tag: 'name', value: 'GET /a' },
    statistic: 'med',
    unit: 'ms',
    limit: LIMIT,
    change,
    pValue: 0.5,
    confidence: { level: outcome === 'fail' ? 'confirmed' : 'none', interval: { lower: Math.expm1(x - 1.96 * se), upper: Math.expm1(x + 1.96 * se), confidence: 0.95 } },
    reason: { code: outcome === 'fail' ? 'confirmed' : 'within-limit' },
    details: { detectable: { change: 0.3, power: 0.8, alpha: 0.05, withinSe, noiseSe } },
    ...more,
  };
}
const at = (atSeconds: number, final = false): LookContext => ({ look: { atSeconds, alpha: 0.001, final }, finalSeconds: 120, finalAlpha: 0.047, limitConfidence: 0.7 });

describe('judgeLook', () => {
  it.each([
    { what: 'a confirmed regression stops the stage', findings: [latency(0.5, 'fail', 0.05)], ctx: at(30), decision: { stop: true, because: 'regression' } },
    { what: 'an unchanged endpoint measured well stops it as a pass', findings: [latency(0.01, 'pass', 0.03)], ctx: at(60), decision: { stop: true, because: 'within-limits' } },
    { what: 'a change the rest of the run could still take past the limit holds it open', findings: [latency(0.15, 'pass', 0.15)], ctx: at(30), decision: { stop: false, open: ['GET /a med'] } },
    { what: 'an unjudged question holds it open', findings: [latency(0.01, 'pass', 0.03), latency(0, 'inconclusive', 0.03, 0.04, { statistic: 'p(95)' })], ctx: at(60), decision: { stop: false, open: ['GET /a p(95)'] } },
    { what: 'the last look decides whatever it finds', findings: [latency(0.15, 'pass', 0.08)], ctx: at(120, true), decision: { stop: true, because: 'final' } },
    {
      what: 'a crossed SLO does not stop the load (its semantics are the script\'s), and holds it open',
      findings: [{ ...latency(0.5, 'fail', 0.05), kind: 'threshold', reason: { code: 'threshold-crossed' } } as Finding],
      ctx: at(30),
      decision: { stop: false, open: ['GET /a threshold'] },
    },
    { what: 'the last third of the run so far holds nothing open', findings: [latency(0.01, 'pass', 0.03), latency(0.15, 'warn', 0.2, 0.07, { details: { compared: 'end-of-run' } })], ctx: at(60), decision: { stop: true, because: 'within-limits' } },
  ])('$what', ({ findings, ctx, decision }) => {
    expect(judgeLook(findings, ctx)).toEqual(decision);
  });
});

describe('fullRunFailChance', () => {
  it('is the chance the final estimate clears both the confirmation and the limit bound', () => {
    // t = ½: W = 0.5·0.08² = 0.0032, se_end = √(0.0032 + 0.04²) = 0.0693; threshold = max(1.675·0.0693, ln 1.2 + 0.524·0.0693) = 0.2186;
    // sd of the rest = √(0.5·0.0032) = 0.04; chance = 1 − Φ((0.2186 − ln 1.15)/0.04) = 1 − Φ(1.971) = 0.0244
    expect(fullRunFailChance(Math.log(1.15), 0.08, 0.04, Math.log(1.2), at(60))).toBeCloseTo(0.0244, 3);
  });

  it('rises with the estimate, stays in [0, 1], and is a step at the final look', () => {
    fc.assert(fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0.001, max: 0.5, noNaN: true }), fc.integer({ min: 1, max: 120 }), (x, dx, w, s) => {
      const ctx = at(s);
      const p = fullRunFailChance(x, w, 0.03, Math.log(1.2), ctx);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(fullRunFailChance(x + dx, w, 0.03, Math.log(1.2), ctx)).toBeGreaterThanOrEqual(p - 1e-12);
    }));
    expect(fullRunFailChance(0.5, 0.05, 0.03, Math.log(1.2), at(120))).toBe(1);
    expect(fullRunFailChance(0.1, 0.05, 0.03, Math.log(1.2), at(120))).toBe(0);
  });
});

describe('judgeLook: what more of this run cannot answer', () => {
  const look = { atSeconds: 30, alpha: 0.001, final: false };
  const ctx: LookContext = { look, finalSeconds: 120, finalAlpha: 0.047, limitConfidence: 0.7 };
  const notJudged = (side: 'baseline' | 'current' | undefined): Finding => ({
    ...latency(0.05, 'inconclusive', 0.05),
    confidence: { level: 'not-applicable' },
    reason: { code: 'not-judged', shortfall: 'too-few-requests', detail: 'too few requests to bound p(95)', ...(side ? { side } : {}) },
  });

  it.each([
    { side: 'baseline' as const, stop: true },
    { side: 'current' as const, stop: false },
    { side: undefined, stop: false },
  ])('a p(95) the $side run is too short for: stop = $stop', ({ side, stop }) => {
    expect(judgeLook([notJudged(side)], ctx).stop).toBe(stop);
  });
});
