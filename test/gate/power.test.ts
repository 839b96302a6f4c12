import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { stagePower } from '../../src/gate/power.js';
import type { Finding } from '../../src/gate/verdict.js';

const med = (value: string, change: number, withinSe: number, noiseSe: number): Finding => ({
  outcome: 'pass',
  severity: 'info',
  kind: 'latency',
  metric: `http_req_duration{name:${value}}`,
  scope: { tag: 'name', value },
  statistic: 'med',
  unit: 'ms',
  limit: { kind: 'max-increase', max: 0.2 },
  confidence: { level: 'none' },
  reason: { code: 'within-limit' },
  details: { detectable: { change, power: 0.8, alpha: 0.05, withinSe, noiseSe } },
});
const policy = resolvePolicy(parseConfig({}), 'smoke');
const floor = Math.SQRT2 * 0.03;

describe('stagePower', () => {
  it.each([
    // within 0.12, floor 0.04243: factor 4.026 (sampleSizeFactor's example) → 80.5 s of a 20 s run
    { what: 'the least-powered endpoint, and the run length that reaches the limit', findings: [med('GET /a', 0.16, 0.05, floor), med('GET /rare', 0.35, 0.12, floor)], scope: 'GET /rare', needed: 80.52, unreachable: undefined },
    { what: 'a noise floor above what the limit allows: no length reaches it', findings: [med('GET /a', 0.9, 0.1, 0.2)], scope: 'GET /a', needed: undefined, unreachable: true },
  ])('$what', ({ findings, scope, needed, unreachable }) => {
    const p = stagePower(findings, policy, 20)!;
    expect(p.scope.value).toBe(scope);
    expect(p.unreachable).toBe(unreachable);
    if (needed === undefined) expect(p.neededSeconds).toBeUndefined();
    else expect(p.neededSeconds).toBeCloseTo(needed, 1);
  });

  it('nothing tested: nothing to say', () => {
    expect(stagePower([], policy, 20)).toBeUndefined();
  });
});
