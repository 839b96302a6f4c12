/**
 * runK6 against the stand-in k6 (test/support/fake-k6.mjs), which replays what a real k6 v0.49 wrote in
 * the recorded runs of test/fixtures/k6 — k6 itself cannot be installed where these tests run.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDocument } from '../../src/document/run-document.js';
import { describeK6Exit } from '../../src/engine/k6-exit.js';
import { k6Args, runK6, type RunK6Options } from '../../src/engine/k6-run.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { recordingLog, untilWritten } from './support.js';
import { scopeOf } from '../../src/document/by-type.js';

const FAKE_K6 = join(import.meta.dirname, '../support/fake-k6.mjs');
const FIXTURES = join(import.meta.dirname, '../fixtures/k6');
const SCRIPT = join(FIXTURES, 'script.js');
const PROGRESS = /^info: elapsed \d+s · [\d.]+ req\/s · p95 [\d.]+ ms · errors \d+\.\d\d % · \d+ VUs?$/;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'perf-gate-k6-run-'));
  chmodSync(FAKE_K6, 0o755); // in case a checkout lost the mode
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Options for one run of the stand-in, in a fresh folder. */
function stage(fake: Record<string, string>, extra: Partial<RunK6Options> = {}): RunK6Options & { log: ReturnType<typeof recordingLog> } {
  const run = join(dir, `run-${++n}`);
  return {
    k6: FAKE_K6,
    script: SCRIPT,
    stage: 'smoke',
    outFile: join(run, 'out.ndjson'),
    log: recordingLog(),
    processEnv: { ...process.env, FAKE_K6_DURATION_MS: '300', ...fake },
    ...extra,
  } as RunK6Options & { log: ReturnType<typeof recordingLog> };
}

/** The document without the file names of its sources (the replay and the fixture live in different files). */
function comparable(doc: RunDocument): unknown {
  return { ...doc, meta: { ...doc.meta, sources: doc.meta.sources.map((s) => ({ ...s, file: '<file>' })) } };
}

describe('runK6 with the stand-in k6', () => {
  it('replays smoke-baseline: exit 0, and the output ingests to the same document as the recording', async () => {
    const options = stage({ FAKE_K6_REPLAY: 'smoke-baseline' }, { summaryFile: join(dir, 'baseline-summary.json') });
    const result = await runK6(options);
    expect(result).toMatchObject({ exitCode: 0, cancelled: false, stderrTail: '', stdoutTail: '' });
    expect(result.signal).toBeUndefined();
    expect(result.endedAt.getTime() - result.startedAt.getTime()).toBe(result.durationMs);
    expect(describeK6Exit(result.exitCode, result.stderrTail).status).toBe('ok');

    const replayed = await ingestFiles([options.outFile], { stage: 'smoke' });
    const recorded = await ingestFiles([join(FIXTURES, 'smoke-baseline.ndjson.gz')], { stage: 'smoke' });
    expect(comparable(replayed)).toEqual(comparable(recorded));
    expect(replayed.meta.partial).toBe(false);
    expect(readFileSync(options.summaryFile!, 'utf8')).toBe(readFileSync(join(FIXTURES, 'smoke-baseline.summary-export.json'), 'utf8'));
    expect(options.log.lines.at(-1)).toMatch(/^info: stage smoke: k6 exited with code 0 after \d+s · 2119 requests$/);
  });

  it('replays smoke-errors: exit 99 with k6’s threshold message, judged as findings', async () => {
    const options = stage({ FAKE_K6_REPLAY: 'smoke-errors' });
    const result = await runK6(options);
    expect(result.exitCode).toBe(99);
    expect(result.stderrTail).toBe(readFileSync(join(FIXTURES, 'smoke-errors.stderr.txt'), 'utf8'));
    expect(options.log.lines).toContain(`info: ${result.stderrTail.trim()}`);
    const exit = describeK6Exit(result.exitCode, result.stderrTail);
    expect(exit).toMatchObject({ status: 'findings', kind: 'thresholds-crossed', k6Message: "thresholds on metrics 'checks, http_req_failed' have been crossed" });
  });

  it('reports a script exception (107) quoting k6’s message', async () => {
    const message = 'time="2026-11-27T09:50:08Z" level=error msg="ReferenceError: foo is not defined\\n\\tat default (file:///script.js:12:3(5))" hint="script exception"';
    const options = stage({ FAKE_K6_EXIT: '107', FAKE_K6_STDERR: message });
    const result = await runK6(options);
    expect(result.exitCode).toBe(107);
    expect(existsSync(options.outFile)).toBe(false);
    const exit = describeK6Exit(result.exitCode, result.stderrTail);
    expect(exit.status).toBe('failed');
    expect(exit.message).toContain('k6 stopped on an exception in the script (exit code 107):\n  ReferenceError: foo is not defined\n  \tat default (file:///script.js:12:3(5))\n  (hint: script exception)');
  });

  it('replays aborted (k6 killed by SIGKILL): the signal is reported and the cut output is read up to the break', async () => {
    const options = stage({ FAKE_K6_REPLAY: 'aborted' });
    const result = await runK6(options);
    expect(result).toMatchObject({ exitCode: 137, signal: 'SIGKILL', cancelled: false });
    expect(describeK6Exit(result.exitCode, result.stderrTail, result.signal).status).toBe('stopped');
    const doc = await ingestFiles([options.outFile], { stage: 'smoke' });
    expect(doc.meta.partial).toBe(true);
    expect(doc.meta.warnings.some((w) => w.includes('is cut off'))).toBe(true);
  });

  it('logs live progress lines while k6 runs', async () => {
    // 3 s of replay at a line every 250 ms: room for a measured line on a loaded machine (1.5 s once gave only the wait).
    const options = stage({ FAKE_K6_REPLAY: 'load-baseline', FAKE_K6_DURATION_MS: '3000' }, { progressIntervalMs: 250 });
    const result = await runK6(options);
    expect(result.exitCode).toBe(0);
    const progress = options.log.lines.filter((l) => l.startsWith('info: elapsed'));
    const measured = progress.filter((l) => PROGRESS.test(l));
    expect(measured.length, progress.join('\n')).toBeGreaterThanOrEqual(1);
    // Every line is a measurement, one whose interval had nothing new to measure (a dash, as formatProgress
    // writes when a slow machine's timer fired before more output arrived), or the wait for k6's first results.
    const anyLine = /^info: elapsed \d+s · (waiting for k6's first results|([\d.]+|–) req\/s · p95 ([\d.]+ ms|–) · errors (\d+\.\d\d %|–)( · \d+ VUs?)?)$/;
    expect(progress.filter((l) => !anyLine.test(l)), progress.join('\n')).toEqual([]);
  });

  it('stops k6 with SIGINT on abort: cancelled, exit 105, the output cut at a line and ingestible', async () => {
    const controller = new AbortController();
    const options = stage({ FAKE_K6_REPLAY: 'smoke-baseline', FAKE_K6_DURATION_MS: '4000' }, { progressIntervalMs: 100, signal: controller.signal });
    const log = options.log;
    const info = log.info;
    log.info = (message: string) => {
      info(message);
      if (PROGRESS.test(`info: ${message}`)) controller.abort(); // some results are in: cancel the workflow
    };
    const result = await runK6(options);
    expect(result).toMatchObject({ exitCode: 105, cancelled: true });
    expect(result.signal).toBeUndefined();
    const exit = describeK6Exit(result.exitCode, result.stderrTail);
    expect(exit).toMatchObject({ status: 'stopped', kind: 'external-abort', k6Message: "test run was aborted because k6 received a 'interrupt' signal" });
    expect(log.lines).toContain('info: stage smoke cancelled: asking k6 to stop (SIGINT); it has 30 s to write what it measured');

    const text = readFileSync(options.outFile, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.split('\n').length - 1;
    expect(lines).toBeGreaterThan(0);
    expect(lines).toBeLessThan(22324);
    const doc = await ingestFiles([options.outFile], { stage: 'smoke' });
    expect(doc.meta.sources[0]!.lines).toBe(lines);
    expect(scopeOf(doc, 'http_reqs', 'counter')!.counter.count).toBeLessThan(2119);
  });

  it('kills k6 (SIGKILL) when it does not stop within the grace period', async () => {
    const controller = new AbortController();
    const options = stage({ FAKE_K6_REPLAY: 'smoke-baseline', FAKE_K6_DURATION_MS: '10000', FAKE_K6_IGNORE_SIGINT: '1' }, { signal: controller.signal, stopTimeoutMs: 200 });
    // Abort once the stand-in has written output, so it surely ignores SIGINT by then (on a loaded machine
    // a fixed delay can fire before it set its handlers, and SIGINT then stops it the ordinary way).
    const running = runK6(options);
    await untilWritten(options.outFile);
    controller.abort();
    const result = await running;
    expect(result).toMatchObject({ exitCode: 137, signal: 'SIGKILL', cancelled: true });
    expect(options.log.lines).toContain('warning: k6 did not stop within 0.2 s of SIGINT: killing it (SIGKILL); its output ends where it was cut');
  });

  it('passes the stage, the base URL, extra -e pairs and flags, on the command line and in the environment', async () => {
    const record = join(dir, 'record.json');
    const options = stage(
      { FAKE_K6_REPLAY: 'smoke-baseline', FAKE_K6_DURATION_MS: '0', FAKE_K6_RECORD: record },
      {
        stage: 'load',
        baseUrl: 'http://127.0.0.1:18080',
        env: { TARGET_VUS: '20', TOKEN: 's3cr3t', BASE_URL: 'http://elsewhere' },
        flags: ['--vus', '2', '--tag', 'team=core x'],
        summaryFile: join(dir, 'args-summary.json'),
        cwd: dir,
      },
    );
    const result = await runK6(options);
    const expected = [
      'run', '--quiet', '--out', `json=${options.outFile}`, `--summary-export=${options.summaryFile!}`,
      '-e', 'PERF_GATE_STAGE=load', '-e', 'BASE_URL=http://127.0.0.1:18080', '-e', 'TARGET_VUS=20', '-e', 'TOKEN=s3cr3t',
      '--vus', '2', '--tag', 'team=core x', SCRIPT,
    ];
    expect(result.args).toEqual(expected);
    const seen = JSON.parse(readFileSync(record, 'utf8')) as { argv: string[]; env: Record<string, string>; vars: Record<string, string>; cwd: string };
    expect(seen.argv).toEqual(expected);
    expect(seen.env).toEqual({ PERF_GATE_STAGE: 'load', BASE_URL: 'http://127.0.0.1:18080' });
    expect(seen.vars).toEqual({ PERF_GATE_STAGE: 'load', BASE_URL: 'http://127.0.0.1:18080', TARGET_VUS: '20', TOKEN: 's3cr3t' });
    expect(seen.cwd).toBe(dir);
    // The command line in the log hides -e values (they may be secrets), and the replaced BASE_URL is warned about.
    const logged = options.log.lines.find((l) => l.startsWith('info: stage load: '))!;
    expect(logged).toContain("-e PERF_GATE_STAGE=load -e BASE_URL=*** -e TARGET_VUS=*** -e TOKEN=*** --vus 2 --tag 'team=core x'");
    expect(options.log.lines.join('\n')).not.toContain('s3cr3t');
    expect(options.log.lines).toContain("warning: 'env' sets BASE_URL, but perf-gate sets BASE_URL for this stage; the 'env' value is ignored");
  });

  it('gives k6 no secret of the runner or the Action: not by name, not under another name, not through env', async () => {
    const token = 'ghs_canaryTOKEN0123456789';
    const canaries = {
      'INPUT_GITHUB-TOKEN': token,
      INPUT_GITHUB_TOKEN: token,
      ACTIONS_RUNTIME_TOKEN: 'canary-runtime-0123456789',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'canary-oidc-0123456789',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://canary-oidc.invalid/',
      GITHUB_TOKEN: token,
      GH_TOKEN: 'canary-gh-0123456789',
      INNOCENT_NAME: token,
    };
    const record = join(dir, 'secrets.json');
    const options = stage(
      { FAKE_K6_REPLAY: 'smoke-baseline', FAKE_K6_DURATION_MS: '0', FAKE_K6_RECORD: record, ...canaries },
      { baseUrl: 'http://127.0.0.1:18080', env: { TARGET_VUS: '7', COPIED: token }, secrets: [token] },
    );
    const result = await runK6(options);
    const seen = JSON.parse(readFileSync(record, 'utf8')) as { environment: Record<string, string>; vars: Record<string, string> };
    const everything = JSON.stringify(seen);
    for (const value of Object.values(canaries)) expect(everything).not.toContain(value);
    for (const name of Object.keys(canaries)) expect(seen.environment).not.toHaveProperty(name);
    expect(seen.environment).toMatchObject({ PERF_GATE_STAGE: 'smoke', BASE_URL: 'http://127.0.0.1:18080', TARGET_VUS: '7', FAKE_K6_REPLAY: 'smoke-baseline' });
    expect(seen.vars).toEqual({ PERF_GATE_STAGE: 'smoke', BASE_URL: 'http://127.0.0.1:18080', TARGET_VUS: '7' });
    expect(result.args.join(' ')).not.toContain(token);
    expect(options.log.lines).toContain("warning: COPIED holds the github-token, which never reaches the script (it is the pull request's code): COPIED is not passed to k6");
    expect(options.log.lines.join('\n')).not.toContain(token);
  });

  it('says when k6 cannot be started', async () => {
    await expect(runK6(stage({}, { k6: join(dir, 'no-such-k6') }))).rejects.toThrow(`could not start k6 (${join(dir, 'no-such-k6')}): it does not exist`);
  });

  it('does not start k6 when the run was already cancelled', async () => {
    const record = join(dir, 'never.json');
    const controller = new AbortController();
    controller.abort();
    await expect(runK6(stage({ FAKE_K6_REPLAY: 'smoke-baseline', FAKE_K6_RECORD: record }, { signal: controller.signal }))).rejects.toThrow('aborted');
    expect(existsSync(record)).toBe(false);
  });
});

describe('k6Args', () => {
  it.each([
    {
      what: 'the minimum',
      options: { script: 's.js', stage: 'smoke', outFile: 'o.ndjson' },
      expected: ['run', '--quiet', '--out', 'json=o.ndjson', '-e', 'PERF_GATE_STAGE=smoke', 's.js'],
    },
    {
      what: 'without --quiet',
      options: { script: 's.js', stage: 'spike', outFile: 'o.ndjson', quiet: false, baseUrl: 'http://x' },
      expected: ['run', '--out', 'json=o.ndjson', '-e', 'PERF_GATE_STAGE=spike', '-e', 'BASE_URL=http://x', 's.js'],
    },
    {
      what: 'BASE_URL from env when no base URL is given',
      options: { script: 's.js', stage: 'smoke', outFile: 'o.ndjson', env: { BASE_URL: 'http://y', PERF_GATE_STAGE: 'smoke' } },
      expected: ['run', '--quiet', '--out', 'json=o.ndjson', '-e', 'PERF_GATE_STAGE=smoke', '-e', 'BASE_URL=http://y', 's.js'],
    },
  ])('$what', ({ options, expected }) => {
    expect(k6Args(options)).toEqual(expected);
  });
});
