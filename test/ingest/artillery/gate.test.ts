import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../../src/config/policy.js';
import { parseConfig } from '../../../src/config/schema.js';
import type { RunDocument } from '../../../src/document/run-document.js';
import { compareRuns } from '../../../src/gate/compare.js';
import type { StageReport } from '../../../src/gate/verdict.js';
import { ingestFiles } from '../../../src/ingest/index.js';
import { artilleryFixture } from './helpers.js';

const policy = resolvePolicy(parseConfig({}), 'smoke');
const cache = new Map<string, Promise<RunDocument>>();
const run = (name: string, kind: 'report' | 'requests'): Promise<RunDocument> => {
  const key = `${name}.${kind}`;
  if (!cache.has(key)) cache.set(key, ingestFiles([artilleryFixture(name, kind)], { stage: 'smoke' }));
  return cache.get(key)!;
};
const compare = async (current: string, kind: 'report' | 'requests'): Promise<StageReport> => compareRuns({ baseline: await run('baseline', kind), current: await run(current, kind), policy });
const latencyScopes = (r: StageReport, outcome: 'fail' | 'warn') => [...new Set(r.findings.filter((f) => f.outcome === outcome && f.kind === 'latency').map((f) => f.scope?.value ?? 'whole run'))].sort();

describe('the gate on recorded Artillery runs', () => {
  describe('per-request lines (artillery-plugin-perf-gate): the full verdict', () => {
    it('passes the A/A pair', async () => {
      const report = await compare('aa', 'requests');
      expect(report.findings.filter((f) => f.outcome === 'fail' || f.outcome === 'warn')).toEqual([]);
      expect(report.outcome).toBe('pass');
    });

    it('fails the slowed dashboard, naming GET /api/dashboard/metrics and no other endpoint', async () => {
      const report = await compare('slow', 'requests');
      expect(report.outcome).toBe('fail');
      // The dashboard is a twelfth of the requests but the slowest: the whole run's p95 rises with it.
      expect(latencyScopes(report, 'fail')).toEqual(['GET /api/dashboard/metrics', 'whole run']);
      const dashboard = report.findings.filter((f) => f.outcome === 'fail' && f.scope?.value === 'GET /api/dashboard/metrics');
      for (const f of dashboard) {
        expect(f.confidence.level).toBe('confirmed');
        expect(f.change!).toBeGreaterThan(1);
      }
    });

    it('fails the 500s on /api/alerts on error rate, with the new signature status 500', async () => {
      const report = await compare('errors', 'requests');
      expect(report.outcome).toBe('fail');
      const failing = report.findings.filter((f) => f.outcome === 'fail');
      expect(failing.some((f) => f.kind === 'error-rate' && f.scope?.value === 'POST /api/alerts')).toBe(true);
      expect(failing.find((f) => f.kind === 'failure-signature' && f.scope?.value === 'POST /api/alerts')?.details?.signature).toMatchObject({ status: '500', failed: 14 });
    });
  });

  describe('the --output report: aggregate only', () => {
    it('does not fail the A/A pair; what it flags are warnings, untested', async () => {
      const report = await compare('aa', 'report');
      expect(report.findings.filter((f) => f.outcome === 'fail')).toEqual([]);
      expect(report.outcome).not.toBe('fail');
      expect(report.notes.some((n) => n.includes("Artillery's report holds summaries only"))).toBe(true);
    });

    it('warns on the slowed dashboard by its reported change, without a test', async () => {
      const report = await compare('slow', 'report');
      expect(latencyScopes(report, 'warn')).toContain('GET /api/dashboard/metrics');
      const f = report.findings.find((x) => x.kind === 'latency' && x.scope?.value === 'GET /api/dashboard/metrics' && x.statistic === 'med')!;
      // Artillery's medians: 71.5 → 172.5 ms
      expect(f.change).toBeCloseTo(172.5 / 71.5 - 1, 10);
      expect(f.details?.aggregateOnly).toBe(true);
      expect(f.pValue).toBeUndefined();
    });
  });
});
