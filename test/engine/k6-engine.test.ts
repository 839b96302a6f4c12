/** k6 behind the LoadEngine port, with the stand-in k6 (test/support/fake-k6.mjs) replaying recorded runs. */
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { defaultConfig } from '../../src/config/schema.js';
import { createK6Engine } from '../../src/engine/k6-engine.js';
import { LoadFailedError } from '../../src/engine/load-failed.js';
import { recordingLog, untilWritten } from './support.js';

const FAKE_K6 = join(import.meta.dirname, '../support/fake-k6.mjs');
const SCRIPT = join(import.meta.dirname, '../fixtures/k6/script.js');
const policy = resolvePolicy(defaultConfig(), 'smoke');
beforeAll(() => chmodSync(FAKE_K6, 0o755));

function engine(fake: Record<string, string>) {
  return createK6Engine({ k6: { path: FAKE_K6, version: '0.49.0' }, script: SCRIPT, env: {}, flags: [], secrets: [], processEnv: { ...process.env, FAKE_K6_DURATION_MS: '200', ...fake } });
}

function load(signal = new AbortController().signal) {
  const workDir = mkdtempSync(join(tmpdir(), 'perf-gate-k6-engine-'));
  return { stage: 'smoke', policy, workDir, signal, log: recordingLog() };
}

describe('the k6 engine', () => {
  it.each([
    {
      what: 'a clean run: its NDJSON to ingest, the script\'s thresholds from --summary-export (none crossed)',
      fake: { FAKE_K6_REPLAY: 'smoke-baseline' },
      expected: { stoppedEarly: undefined, notes: [], thresholds: ['checks', 'http_req_duration', 'http_req_duration{name:GET /api/alerts}', 'http_req_failed'] },
    },
    {
      what: 'exit 99: a result, with a note; the thresholds are judged by the pipeline',
      fake: { FAKE_K6_REPLAY: 'smoke-errors' },
      expected: { stoppedEarly: undefined, notes: ['k6 exited 99: thresholds in the script were crossed; they are checked above as findings.'], thresholds: ['checks', 'http_req_duration', 'http_req_duration{name:GET /api/alerts}', 'http_req_failed'] },
    },
    {
      what: 'killed from outside (exit 137): a result that ended early, no --summary-export',
      fake: { FAKE_K6_REPLAY: 'aborted' },
      expected: { stoppedEarly: 'k6 was stopped before the stage ended (killed)', notes: [], thresholds: [] },
    },
  ])('$what', async ({ fake, expected }) => {
    const l = load();
    const out = await engine(fake).run(l);
    expect(out.measured).toEqual({ kind: 'files', files: [join(l.workDir, 'smoke.ndjson')] });
    expect(existsSync(join(l.workDir, 'smoke.ndjson'))).toBe(true);
    expect(out).toMatchObject({ toolVersion: '0.49.0', cancelled: false, notes: expected.notes });
    expect(out.stoppedEarly).toBe(expected.stoppedEarly);
    expect(out.scriptThresholds.map((t) => t.metric).sort()).toEqual(expected.thresholds);
  });

  it.each<{ what: string; fake: Record<string, string>; k6?: string; message: RegExp }>([
    { what: 'a script exception (107)', fake: { FAKE_K6_EXIT: '107', FAKE_K6_STDERR: 'level=error msg="ReferenceError: foo is not defined" hint="script exception"' }, message: /^k6 stopped on an exception in the script \(exit code 107\):\n {2}ReferenceError: foo is not defined/ },
    { what: 'a k6 that cannot start', fake: {}, k6: '/nonexistent/k6', message: /^could not start k6 \(\/nonexistent\/k6\): it does not exist$/ },
  ])('fails with LoadFailedError on $what, naming the stage and tool', async ({ fake, k6, message }) => {
    const e = k6 ? createK6Engine({ k6: { path: k6, version: '1.8.1' }, script: SCRIPT, env: {}, flags: [], secrets: [], processEnv: process.env }) : engine(fake);
    const err = await e.run(load()).then(() => undefined, (x: unknown) => x);
    expect(err).toBeInstanceOf(LoadFailedError);
    expect(err).toMatchObject({ stage: 'smoke', tool: 'k6' });
    expect((err as Error).message).toMatch(message);
  });

  it('cancelled by the signal: what ran, marked cancelled and ended early (external-abort)', async () => {
    const controller = new AbortController();
    const l = load(controller.signal);
    const running = engine({ FAKE_K6_REPLAY: 'smoke-baseline', FAKE_K6_DURATION_MS: '5000' }).run(l);
    // Once k6 has written output, the stop lands while it measures, not while it starts (the file exists a
    // moment before the stand-in handles signals; its first bytes come after).
    await untilWritten(join(l.workDir, 'smoke.ndjson'));
    controller.abort();
    const out = await running;
    expect(out.cancelled).toBe(true);
    expect(out.stoppedEarly).toBe('k6 was stopped before the stage ended (external-abort)');
  });

  it('aborted before k6 starts: the abort, not a failed load (the pipeline reports the stage as not run)', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(engine({ FAKE_K6_REPLAY: 'smoke-baseline' }).run(load(controller.signal))).rejects.toThrow('stopped');
  });
});
