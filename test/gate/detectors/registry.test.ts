import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../../src/config/policy.js';
import { parseConfig } from '../../../src/config/schema.js';
import { compareRuns } from '../../../src/gate/compare.js';
import type { Detector } from '../../../src/gate/detector.js';
import { DETECTORS } from '../../../src/gate/detectors/index.js';
import { syntheticRun } from '../synthetic.js';

// A new detector is one object (one file in src/gate/detectors) and one line in the registry: here, one
// that fails any endpoint whose slowest request took over a second.
const slowest: Detector = {
  id: 'slowest-request',
  each: 'scope',
  needs: 'current',
  detect({ current }, s) {
    const max = current.value(s.name, 'max');
    return max === undefined ? [] : [{ kind: 'latency', metric: s.name, ...(s.scope ? { scope: s.scope } : {}), statistic: 'max', unit: 'ms', current: max, limit: { kind: 'threshold', expression: 'max<1000' }, beyond: max >= 1000, deterministic: true }];
  },
};

describe('the detector registry', () => {
  it('lists every detector once, in report order', () => {
    expect(DETECTORS.map((d) => d.id)).toEqual(['thresholds', 'coverage', 'latency', 'end-of-run', 'error-rate', 'failure-signatures', 'throughput', 'memory-level', 'memory-growth', 'degradation']);
  });

  it('takes a new detector with no change elsewhere', () => {
    const run = syntheticRun({ endpoints: { 'GET /fast': { latencies: [5, 6, 7] }, 'GET /slow': { latencies: [5, 1200, 7] } } });
    const report = compareRuns({ current: run, policy: resolvePolicy(parseConfig({}), 'stress'), detectors: [...DETECTORS, slowest] });
    const failed = report.findings.filter((f) => f.outcome === 'fail');
    expect(failed.map((f) => f.scope?.value ?? 'all')).toEqual(['all', 'GET /slow']);
    expect(report.outcome).toBe('fail');
  });
});
