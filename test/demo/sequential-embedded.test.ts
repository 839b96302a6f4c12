/**
 * A sequential stage on the embedded engine: the example API measured once as the baseline, then the same
 * stage sequential (planned 12 s, budget 16 s, a look every 4 s) with the dashboard 3× slower — the engine
 * looks at the run so far while it loads, a look stops the load (a whole run, not a partial one) and the
 * stage fails, naming the dashboard. Latencies ×3, as in end-to-end.test.ts: the server shares this process.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/schema.js';
import { measureExampleApi, runExampleApi } from '../../scripts/demo/example-api.js';
import { fakeStore } from '../pipeline/fakes.js';

const quiet = { info: () => undefined, warning: () => undefined };
const SEQUENTIAL = parseConfig({ stages: { smoke: { sequential: { duration: '12s', maxDuration: '16s', lookEvery: '4s' } } } });

describe('a sequential stage on the embedded engine', () => {
  it('stops a 3× slower dashboard at a look and fails it, the run whole', async () => {
    const baseline = await measureExampleApi({}, { seconds: 12, stage: 'smoke', log: quiet, latencyScale: 3 });
    const { runs } = await runExampleApi({ latency: { '/api/dashboard': 3 } }, { seconds: 12, stage: 'smoke', log: quiet, latencyScale: 3, config: SEQUENTIAL, baselines: fakeStore({ smoke: { baseline, history: [] } }) });
    const run = runs[0]!;
    const sequential = run.report.sequential!;
    expect(sequential.end, JSON.stringify(sequential)).toBe('regression');
    // Stopped at a look (4, 8 or 12 s), before the 16 s budget.
    expect(sequential.ranSeconds).toBeLessThan(14);
    expect(run.report.outcome).toBe('fail');
    expect(run.current.meta.partial).toBe(false);
    const named = run.report.findings.filter((f) => (f.outcome === 'fail' || f.outcome === 'warn') && f.kind === 'latency' && (f.change ?? 0) > 1).map((f) => f.scope?.value ?? 'whole run');
    expect(named).toContain('GET /api/dashboard/metrics');
  }, 90_000);
});
