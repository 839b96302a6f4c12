import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeK6Bin } from '../action/run-action.js';
import { isRunning, startCli } from '../support/processes.js';
import { cli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'perf-gate-run-command-'));
const EXAMPLE_CONFIG = 'examples/isectech/perf-gate.yml';

describe('perf-gate run: one clear sentence for a bad target or workload (exit 2)', () => {
  it.each([
    { what: 'not a URL, embedded engine', args: ['--engine', 'embedded', '--target-url', 'not a url'], value: 'not a url' },
    { what: 'not a URL, auto engine', args: ['--target-url', 'not a url'], value: 'not a url' },
    { what: 'not a URL, k6 engine (checked before k6 is looked for)', args: ['--engine', 'k6', '--script', 'x.js', '--target-url', 'not a url'], value: 'not a url' },
    { what: 'not http(s)', args: ['--engine', 'embedded', '--target-url', 'ftp://127.0.0.1/'], value: 'ftp://127.0.0.1/' },
  ])('$what', async ({ args, value }) => {
    const r = await cli('run', '--config', EXAMPLE_CONFIG, ...args, '-o', join(tmp, 'bad-url'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`perf-gate: --target-url must be an http(s) URL such as http://127.0.0.1:8080, but got '${value}'\n`);
    expect(r.stdout).toBe('');
  });

  it('names the stage key and its value when a stage override breaks the workload', async () => {
    const config = join(tmp, 'ramp.yml');
    writeFileSync(config, readFileSync(EXAMPLE_CONFIG, 'utf8').replace('  spike:\n', '  spike:\n    workload: { rampUp: 40s }\n'));
    const r = await cli('run', '--config', config, '--stage', 'smoke,spike', '--engine', 'embedded', '-o', join(tmp, 'bad-ramp'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`perf-gate: the workload of stage spike cannot run: ${config}: stages.spike.workload.rampUp: must be shorter than duration (30 s) but got 40 s\n`);
    expect(existsSync(join(tmp, 'bad-ramp', 'smoke.run.json'))).toBe(false); // checked before any stage ran
  });
});

interface Record {
  pid: number;
}

/** `perf-gate run` with the stand-in k6 (test/support/fake-k6.mjs) first on PATH, replaying a 6 s run. */
function runWithStandIn(out: string, env: NodeJS.ProcessEnv = {}) {
  const record = join(out, 'k6-record.json');
  const started = startCli(['run', '--engine', 'k6', '--script', 'test/fixtures/k6/script.js', '--stage', 'smoke,load', '-o', out], {
    ...process.env,
    PATH: `${fakeK6Bin()}${delimiter}${process.env['PATH'] ?? ''}`,
    FAKE_K6_REPLAY: 'smoke-baseline',
    FAKE_K6_DURATION_MS: '6000',
    FAKE_K6_RECORD: record,
    NO_COLOR: '1',
    ...env,
  });
  /** Resolves once the stand-in wrote some of its output: there is something to report. */
  const measuring = async (): Promise<Record> => {
    await started.waitFor(() => existsSync(join(out, 'smoke.ndjson')) && statSync(join(out, 'smoke.ndjson')).size > 100_000, 'k6 wrote results');
    return JSON.parse(readFileSync(record, 'utf8')) as Record;
  };
  return { started, measuring };
}

describe('perf-gate run stops cleanly on a signal (the stand-in k6, the embedded engine)', () => {
  it.each([
    { signal: 'SIGTERM', status: 143 },
    { signal: 'SIGINT', status: 130 },
  ] as const)('$signal: k6 is stopped, the partial run is reported, exit $status', async ({ signal, status }) => {
    const out = mkdtempSync(join(tmp, 'signal-'));
    const { started, measuring } = runWithStandIn(out);
    // Wait for output on disk: the signal then lands while k6 is measuring, not while it starts.
    await started.waitFor((o) => o.includes('stage smoke: '), 'k6 started');
    const k6 = await measuring();
    started.child.kill(signal);
    const { code } = await started.exited;
    expect(code, started.stderr()).toBe(status);
    expect(isRunning(k6.pid)).toBe(false);
    expect(started.stderr()).toContain(`perf-gate: ${signal}: stopping the load and reporting what was measured (partial)`);
    expect(started.stderr()).toContain('stage smoke cancelled: asking k6 to stop (SIGINT)');
    expect(started.stderr()).toContain('perf-gate: stage load not run (interrupted)');
    expect(started.stderr()).toContain(`perf-gate: interrupted by ${signal}: exit status ${status}`);
    // The text report is printed, the reports are written, the run is marked partial.
    expect(started.stdout()).toMatch(/Stage smoke: /);
    expect(started.stdout()).toMatch(/\(partial\)/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.stages.map((s: { stage: string }) => s.stage)).toEqual(['smoke']);
    expect(report.stages[0].currentRun.partial).toBe(true);
    expect(report.stages[0].currentRun.toolVersion).toBe('0.49.0');
    expect(report.stages[0].notes[0]).toMatch(/interrupted/);
    const doc = JSON.parse(readFileSync(join(out, 'smoke.run.json'), 'utf8'));
    expect(doc.meta.partial).toBe(true);
    expect(doc.meta.warnings).toContain('k6 was stopped before the stage ended (external-abort)');
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(existsSync(join(out, 'report.md'))).toBe(true);
  });

  it('the embedded engine stops too: SIGINT mid-run reports the partial run, exit 130', async () => {
    const { startServer } = await import('../../examples/isectech-api/src/index.js');
    const server = await startServer({ port: 0, seed: 3 });
    try {
      const out = mkdtempSync(join(tmp, 'embedded-'));
      const config = join(out, 'perf-gate.yml');
      writeFileSync(config, readFileSync(EXAMPLE_CONFIG, 'utf8').replace('duration: 30s', 'duration: 60s'));
      const started = startCli(['run', '--engine', 'embedded', '--config', config, '--stage', 'smoke', '--target-url', server.url, '-o', out], { ...process.env, NO_COLOR: '1' });
      await started.waitFor((o) => /embedded engine \(autocannon/.test(o), 'the load started');
      await started.waitFor((o) => /logged in/.test(o), 'the engine logged in');
      started.child.kill('SIGINT');
      const { code } = await started.exited;
      expect(code, started.stderr()).toBe(130);
      expect(started.stdout()).toMatch(/Stage smoke: /);
      const doc = JSON.parse(readFileSync(join(out, 'smoke.run.json'), 'utf8'));
      expect(doc.meta).toMatchObject({ tool: 'embedded', partial: true });
      expect(doc.meta.warnings.join(' ')).toMatch(/cancelled after/);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      expect(report.stages[0].notes[0]).toMatch(/interrupted/);
    } finally {
      await server.close();
    }
  });

  it('a second signal stops at once, killing a k6 that does not stop', async () => {
    const out = mkdtempSync(join(tmp, 'twice-'));
    const { started, measuring } = runWithStandIn(out, { FAKE_K6_IGNORE_SIGINT: '1' });
    const k6 = await measuring();
    started.child.kill('SIGTERM');
    await started.waitFor((o) => o.includes('asking k6 to stop (SIGINT)'), 'perf-gate asked k6 to stop');
    expect(isRunning(k6.pid)).toBe(true); // the stand-in ignores SIGINT, like a hung k6
    started.child.kill('SIGINT');
    const { code } = await started.exited;
    expect(code).toBe(130);
    expect(started.stderr()).toContain('perf-gate: SIGINT again: stopping at once, without a report');
    expect(isRunning(k6.pid)).toBe(false);
    expect(existsSync(join(out, 'report.json'))).toBe(false);
  });
});
