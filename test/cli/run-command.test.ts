import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeK6Bin } from '../action/run-action.js';
import { isRunning, start, startCli } from '../support/processes.js';
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

  it('a --baseline that cannot be read stops before any load is sent', async () => {
    const missing = join(tmp, 'no-such-baseline.json');
    const r = await cli('run', '--config', EXAMPLE_CONFIG, '--engine', 'embedded', '--baseline', missing, '-o', join(tmp, 'bad-baseline'));
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`perf-gate: ${missing}: no such file`), r.stderr).toBe(true);
    expect(r.stderr).not.toMatch(/engine embedded/);
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

interface K6Record {
  pid: number;
}

/**
 * How a test starts the CLI: from the sources, or as users start it, the bundled bin (dist/cli.js,
 * committed, and checked to match the sources by check-dist), so the signals reach the shipped code too.
 */
const CLIS = {
  sources: startCli,
  'dist/cli.js': (args: readonly string[], env: NodeJS.ProcessEnv) => start(process.execPath, ['dist/cli.js', ...args], env),
} as const;

/** `perf-gate run` with the stand-in k6 (test/support/fake-k6.mjs) first on PATH, replaying a 6 s run. */
function runWithStandIn(out: string, env: NodeJS.ProcessEnv = {}, cli: keyof typeof CLIS = 'sources') {
  const record = join(out, 'k6-record.json');
  const started = CLIS[cli](['run', '--engine', 'k6', '--script', 'test/fixtures/k6/script.js', '--stage', 'smoke,load', '-o', out], {
    ...process.env,
    PATH: `${fakeK6Bin()}${delimiter}${process.env['PATH'] ?? ''}`,
    FAKE_K6_REPLAY: 'smoke-baseline',
    FAKE_K6_DURATION_MS: '6000',
    FAKE_K6_RECORD: record,
    NO_COLOR: '1',
    ...env,
  });
  /**
   * Resolves once the stand-in has written some of its output: there is something to report. Its output is
   * a FIFO read live (no size to watch), so: once it has started, plus a quarter of its 6 s replay.
   */
  const measuring = async (): Promise<K6Record> => {
    await started.waitFor(() => existsSync(record), 'k6 started');
    await new Promise((r) => setTimeout(r, 1500));
    return JSON.parse(readFileSync(record, 'utf8')) as K6Record;
  };
  return { started, measuring };
}

describe('perf-gate run stops cleanly on a signal (the stand-in k6, the embedded engine)', () => {
  it.each([
    { signal: 'SIGTERM', status: 143, cli: 'sources' },
    { signal: 'SIGINT', status: 130, cli: 'sources' },
    { signal: 'SIGTERM', status: 143, cli: 'dist/cli.js' },
    { signal: 'SIGINT', status: 130, cli: 'dist/cli.js' },
  ] as const)('$signal ($cli): k6 is stopped, the partial run is reported, exit $status', async ({ signal, status, cli }) => {
    const out = mkdtempSync(join(tmp, 'signal-'));
    const { started, measuring } = runWithStandIn(out, {}, cli);
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

  it.each(['sources', 'dist/cli.js'] as const)('a second signal stops at once, killing a k6 that does not stop (%s)', async (cli) => {
    const out = mkdtempSync(join(tmp, 'twice-'));
    const { started, measuring } = runWithStandIn(out, { FAKE_K6_IGNORE_SIGINT: '1' }, cli);
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

/** `perf-gate run --engine k6` with the stand-in k6 first on PATH, to its end. */
async function runToEnd(args: readonly string[], fake: Record<string, string>) {
  const out = mkdtempSync(join(tmp, 'k6-'));
  const started = startCli(['run', '--engine', 'k6', '--script', 'test/fixtures/k6/script.js', '-o', out, ...args], {
    ...process.env,
    PATH: `${fakeK6Bin()}${delimiter}${process.env['PATH'] ?? ''}`,
    FAKE_K6_DURATION_MS: '300',
    NO_COLOR: '1',
    ...fake,
  });
  const { code } = await started.exited;
  const report = (): { verdict: string; stages: { stage: string; notes: string[]; currentRun: { partial: boolean } }[]; findings: { outcome: string; kind: string; metric: string; threshold?: string }[] } =>
    JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  return { code, out, stdout: started.stdout(), stderr: started.stderr(), report };
}

describe('perf-gate run judges k6 as the Action does (one pipeline)', () => {
  it("checks the script's own thresholds (k6's --summary-export): exit 99 becomes failing findings", async () => {
    // stress has no SLOs of its own: only the script's thresholds (crossed in the recording) can fail it.
    const r = await runToEnd(['--stage', 'stress'], { FAKE_K6_REPLAY: 'smoke-errors' });
    expect(r.code, r.stderr).toBe(1);
    const failing = r.report().findings.filter((f) => f.outcome === 'fail' && f.kind === 'threshold').map((f) => `${f.metric} ${f.threshold}`);
    expect(failing).toEqual(expect.arrayContaining(['http_req_failed rate<0.01', 'checks rate>0.99']));
    expect(r.report().stages[0]!.notes).toContain('k6 exited 99: thresholds in the script were crossed; they are checked above as findings.');
    expect(existsSync(join(r.out, 'stress.summary-export.json'))).toBe(true);
  });

  it('marks a k6 killed from outside partial, with a warning quoting what happened', async () => {
    const r = await runToEnd(['--stage', 'smoke'], { FAKE_K6_REPLAY: 'aborted' });
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stderr).toContain('warning: k6 was killed by SIGKILL (exit code 137)');
    expect(r.report().stages[0]!.currentRun.partial).toBe(true);
    const doc = JSON.parse(readFileSync(join(r.out, 'smoke.run.json'), 'utf8'));
    expect(doc.meta.partial).toBe(true);
    expect(doc.meta.warnings).toContain('k6 was stopped before the stage ended (killed)');
  });

  it('reports a script exception (k6 exit 107) as a failed load, quoting k6, not as a usage error: exit 2, no report', async () => {
    const r = await runToEnd(['--stage', 'smoke'], {
      FAKE_K6_REPLAY: 'smoke-baseline',
      FAKE_K6_EXIT: '107',
      FAKE_K6_STDERR: 'time="2026-11-27T10:00:00Z" level=error msg="ReferenceError: foo is not defined\\n\\tat default (file:///script.js:12:3(5))" hint="script exception"\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('perf-gate: stage smoke: the load test failed, nothing was judged: k6 stopped on an exception in the script (exit code 107):\n  ReferenceError: foo is not defined\n');
    expect(r.stderr).not.toMatch(/unexpected error|--verbose/);
    expect(existsSync(join(r.out, 'report.json'))).toBe(false);
  });

  it('reads the stage list as the Action does: commas or spaces', async () => {
    const r = await runToEnd(['--stage', 'smoke load'], { FAKE_K6_REPLAY: 'smoke-baseline' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.report().stages.map((s) => s.stage)).toEqual(['smoke', 'load']);
  });

  it.each([
    { what: 'not a stage name', stage: 'smoke,9lives', message: "perf-gate: --stage holds '9lives', which is not a stage name (letters, digits, '-' and '_', starting with a letter)\n" },
    { what: 'a stage twice', stage: 'smoke, smoke', message: "perf-gate: --stage names a stage twice: 'smoke, smoke'\n" },
    { what: 'no stage', stage: ' , ', message: "perf-gate: --stage: expected one or more stage names separated by commas or spaces, got ' , '\n" },
  ])('refuses a stage list with $what (exit 2, before any load)', async ({ stage, message }) => {
    const r = await cli('run', '--stage', stage, '--engine', 'embedded', '--config', EXAMPLE_CONFIG, '-o', join(tmp, 'bad-stages'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });
});
