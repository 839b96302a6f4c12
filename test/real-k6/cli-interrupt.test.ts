/**
 * `perf-gate run` stopped by SIGTERM while a real k6 runs examples/k6/isectech.js against the example
 * API: k6 is stopped (not left running), the part that ran is reported, marked partial, exit 143.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../examples/isectech-api/src/index.js';
import { childrenOf, isRunning, startCli } from '../support/processes.js';
import { binWith, K6_TEST_ENV, MAIN_K6, SKIPPED, warnIfSkipped } from '../support/real-k6.js';

let server: RunningServer;

warnIfSkipped('real k6: perf-gate run interrupted');

describe.skipIf(MAIN_K6 === undefined)(`perf-gate run interrupted, real k6 ${MAIN_K6 ? `v${MAIN_K6.version}` : `(${SKIPPED})`}`, () => {
  beforeAll(async () => {
    const { startServer } = await import('../../examples/isectech-api/src/index.js');
    server = await startServer({ port: 0, seed: 11 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('SIGTERM mid-run: k6 stops, the partial run is reported, exit 143', async () => {
    const out = mkdtempSync(join(tmpdir(), 'perf-gate-real-interrupt-'));
    // k6's output is read live (a FIFO, no size to watch): its raw copy shows that results came.
    const raw = join(out, 'raw.ndjson.gz');
    const cli = startCli(
      ['run', '--engine', 'k6', '--config', 'examples/isectech/perf-gate.yml', '--script', 'examples/k6/isectech.js', '--stage', 'smoke', '--target-url', server.url, '-o', out, '--raw-output', raw],
      // 60 s asked for: the stop, not the end of the test, finishes this run.
      { ...process.env, ...K6_TEST_ENV, PATH: `${binWith(MAIN_K6!)}${delimiter}${process.env['PATH'] ?? ''}`, NO_COLOR: '1', VUS: '2', DURATION: '60s', THINK: '0.2' },
    );
    // After the stage's first line, the CLI's one child is k6 (the `k6 version` check has ended).
    await cli.waitFor((o) => o.includes('stage smoke: ') && childrenOf(cli.child.pid!).length > 0, 'k6 started');
    const [k6] = childrenOf(cli.child.pid!);
    expect(k6, 'the k6 process').toBeDefined();
    await cli.waitFor(() => existsSync(raw) && statSync(raw).size > 20_000, 'k6 wrote results');
    cli.child.kill('SIGTERM');
    const { code } = await cli.exited;
    expect(code, cli.stderr()).toBe(143);
    expect(isRunning(k6!)).toBe(false);
    expect(cli.stderr()).toMatch(/stage smoke: k6 exited with code 105 after \d+s · \d+ requests · cancelled/);
    expect(cli.stdout()).toMatch(/Stage smoke: /);
    expect(cli.stdout()).toMatch(/\(partial\)/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.stages[0].currentRun).toMatchObject({ partial: true, toolVersion: MAIN_K6!.version });
    expect(report.stages[0].notes[0]).toMatch(/interrupted/);
    const doc = JSON.parse(readFileSync(join(out, 'smoke.run.json'), 'utf8'));
    expect(doc.meta.warnings).toContain('k6 was stopped before the stage ended (external-abort)');
    expect(doc.scopes['http_reqs'].counter.count).toBeGreaterThan(0);
    expect(existsSync(join(out, 'smoke.ndjson')), 'the FIFO is removed').toBe(false);
  });
});
