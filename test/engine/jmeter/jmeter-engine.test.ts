/**
 * JMeter behind the LoadEngine port, with the stand-in JMeter (test/support/stand-in-jmeter.mjs — not
 * JMeter, see its header) loading a one-endpoint service: what reaches the child, a stop, a failure, and
 * how the registry entry finds JMeter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/errors.js';
import { resolvePolicy } from '../../../src/config/policy.js';
import { defaultConfig, parseConfig } from '../../../src/config/schema.js';
import { createJmeterEngine, jmeterEngine, type JmeterEngineOptions } from '../../../src/engine/jmeter/jmeter-engine.js';
import { LoadFailedError } from '../../../src/engine/load-failed.js';
import type { EngineSetup, StageLoad } from '../../../src/pipeline/ports.js';
import { recordingLog } from '../support.js';
import { JTL_COLUMNS, pingServer, readJtl, STAND_IN_JMETER, tempDir, tinyPlan, untilLines } from './support.js';

const policy = resolvePolicy(defaultConfig(), 'smoke');
const TOKEN = 'ghs_0123456789abcdefghijklmnop';
let service: { url: string; close(): Promise<void> };
let dir: string;
let plan: string;

beforeAll(async () => {
  service = await pingServer();
  dir = tempDir();
  plan = tinyPlan(dir);
});
afterAll(async () => {
  await service?.close();
});

function engine(extra: Partial<JmeterEngineOptions> = {}, standIn: Record<string, string> = {}) {
  return createJmeterEngine({
    jmeter: { path: STAND_IN_JMETER, version: '5.6.3' },
    plan,
    shapes: new Map([['smoke', { threads: 2, durationSeconds: 1 }]]),
    targetUrl: service.url,
    env: {},
    flags: [],
    secrets: [],
    processEnv: { ...process.env, ...standIn },
    ...extra,
  });
}

function load(signal = new AbortController().signal): StageLoad & { log: ReturnType<typeof recordingLog> } {
  return { stage: 'smoke', policy, workDir: tempDir('perf-gate-jmeter-stage-'), signal, log: recordingLog() };
}

describe('the JMeter engine', () => {
  it('runs the plan for the stage and hands over its JTL: a CSV with JMeter\'s header and one row per sample', async () => {
    const l = load();
    const out = await engine().run(l);
    const jtl = join(l.workDir, 'smoke.jtl');
    expect(out).toMatchObject({ measured: { kind: 'files', files: [jtl] }, toolVersion: '5.6.3', cancelled: false, scriptThresholds: [] });
    expect(out.stoppedEarly).toBeUndefined();
    expect(out.notes).toEqual([`JMeter ran ${plan} with -Jthreads=2 -Jduration=1 (from the config's workload:).`]);
    const { header, rows } = readJtl(jtl);
    expect(header).toBe(JTL_COLUMNS);
    expect(rows.length).toBeGreaterThan(2);
    expect(new Set(rows.map((r) => `${r.label} ${r.responseCode} ${r.success}`))).toEqual(new Set(['GET /ping 200 true']));
    expect(new Set(rows.map((r) => r.threadName))).toEqual(new Set(['tg 1-1', 'tg 1-2']));
    expect(rows.every((r) => r.URL === `${service.url}/ping` && /^\d{13}$/.test(r.timeStamp!))).toBe(true);
    // The summariser's lines are JMeter's own progress, echoed.
    expect(l.log.lines.some((line) => /^info: summary = +\d+ in /.test(line))).toBe(true);
    expect(existsSync(join(l.workDir, 'smoke.jmeter.log'))).toBe(true);
  });

  it('gives JMeter no secret: the Action\'s inputs, GitHub tokens and a variable holding the token stay out; JVM_ARGS and HEAP pass', async () => {
    const record = join(tempDir(), 'record.json');
    const l = load();
    await engine(
      { env: { TENANT: 'acme', LEAKED: `x${TOKEN}` }, secrets: [TOKEN] },
      { STAND_IN_JMETER_RECORD: record, 'INPUT_GITHUB-TOKEN': TOKEN, GITHUB_TOKEN: TOKEN, MY_COPY: TOKEN, ACTIONS_RUNTIME_TOKEN: 'r', JVM_ARGS: '-Xms256m', HEAP: '-Xmx1g' },
    ).run(l);
    const seen = JSON.parse(readFileSync(record, 'utf8')) as { envNames: string[]; argv: string[]; properties: Record<string, string> };
    expect(seen.envNames).not.toContain('INPUT_GITHUB-TOKEN');
    expect(seen.envNames).not.toContain('GITHUB_TOKEN');
    expect(seen.envNames).not.toContain('MY_COPY');
    expect(seen.envNames).not.toContain('ACTIONS_RUNTIME_TOKEN');
    expect(seen.envNames).toEqual(expect.arrayContaining(['JVM_ARGS', 'HEAP', 'PATH', 'PERF_GATE_STAGE']));
    // The caller's variables are properties: the plain one arrives, the one holding the token does not.
    expect(seen.properties).toMatchObject({ TENANT: 'acme', 'perfgate.stage': 'smoke', host: '127.0.0.1', threads: '2' });
    expect(JSON.stringify(seen.argv)).not.toContain(TOKEN);
    expect(l.log.lines).toContain('warning: LEAKED holds the github-token, which never reaches the test plan: it is not passed to JMeter');
    expect(l.log.lines.join('\n')).not.toContain('acme');
  });

  it.each<{ what: string; standIn: Record<string, string>; stoppedBy: string; says: string }>([
    { what: 'through JMeter\'s UDP Shutdown, once it said it listens', standIn: {}, stoppedBy: 'Shutdown', says: "asking JMeter to shut down (UDP 'Shutdown' to port" },
    { what: 'with SIGTERM when it never said it listens', standIn: { STAND_IN_JMETER_NO_LISTENER: '1' }, stoppedBy: 'SIGTERM', says: 'JMeter has not said it listens for a stop command, so it gets SIGTERM' },
    { what: 'with StopTestNow, then SIGTERM, when it ignores Shutdown', standIn: { STAND_IN_JMETER_IGNORE_STOP: '1' }, stoppedBy: 'SIGTERM', says: "sending 'StopTestNow'" },
  ])('an abort stops JMeter $what and returns what ran, cancelled', async ({ standIn, stoppedBy, says }) => {
    const stop = new AbortController();
    const l = load(stop.signal);
    const running = engine({ shapes: new Map([['smoke', { threads: 1, durationSeconds: 60 }]]), stopTimeoutMs: 1000 }, standIn).run(l);
    const jtl = join(l.workDir, 'smoke.jtl');
    await untilLines(jtl, 3);
    // The UDP listener is announced on stdout; give it a moment to be read.
    await new Promise((r) => setTimeout(r, 200));
    const startedAt = Date.now();
    stop.abort();
    const out = await running;
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    expect(out).toMatchObject({ cancelled: true, measured: { kind: 'files', files: [jtl] }, stoppedEarly: `JMeter was stopped before the stage ended (${stoppedBy})` });
    expect(l.log.lines.join('\n')).toContain(says);
    expect(readJtl(jtl).rows.length).toBeGreaterThanOrEqual(2);
  });

  it('a non-zero exit is a LoadFailedError quoting JMeter and the end of its log', async () => {
    const l = load();
    const err = await engine({}, { STAND_IN_JMETER_EXIT: '1' })
      .run(l)
      .then(() => undefined, (x: unknown) => x);
    expect(err).toBeInstanceOf(LoadFailedError);
    expect(err).toMatchObject({ stage: 'smoke', tool: 'jmeter' });
    const message = (err as Error).message;
    expect(message).toMatch(/^JMeter exited with code 1: An error occurred: stand-in JMeter told to fail \(STAND_IN_JMETER_EXIT=1\)\n {2}the end of .*smoke\.jmeter\.log:\n/);
    expect(message).toMatch(/ {4}\d{4}-\d\d-\d\d [\d:,]+ ERROR o\.a\.j\.JMeter: stand-in JMeter told to fail/);
  });

  it('exit 0 without a sample (a thread group of 0 threads) is a LoadFailedError: nothing was measured', async () => {
    const l = load();
    const err = await engine({ shapes: new Map(), flags: ['-Jthreads=0'] })
      .run(l)
      .then(() => undefined, (x: unknown) => x);
    expect(err).toBeInstanceOf(LoadFailedError);
    expect((err as Error).message).toMatch(/^JMeter recorded no sample in .*smoke\.jtl: did the plan load, and does its thread group run \(threads, duration\)\?/);
  });

  it('a JMeter that cannot start is a LoadFailedError naming it', async () => {
    const err = await engine({ jmeter: { path: '/nonexistent/jmeter', version: '5.6.3' } })
      .run(load())
      .then(() => undefined, (x: unknown) => x);
    expect(err).toBeInstanceOf(LoadFailedError);
    expect((err as Error).message).toBe('could not start JMeter (/nonexistent/jmeter): it does not exist');
  });

  it('a sequential stage runs unwatched: JMeter\'s JTL is read after it exits', async () => {
    const out = await engine().run({ ...load(), watch: { atSeconds: [1], maxSeconds: 2, look: () => false } });
    expect(out.watch).toEqual({ kind: 'unwatched', why: 'JMeter results are read from the JTL after JMeter exits, so the stage ran its planned length (-Jduration)' });
  });
});

describe('the registry\'s JMeter entry', () => {
  const setup = (extra: Partial<EngineSetup> = {}): EngineSetup => ({
    config: parseConfig({ stages: { smoke: { workload: { connections: 3, duration: '2s' } } } }),
    stages: ['smoke'],
    plan,
    env: {},
    flags: [],
    secrets: [],
    processEnv: { PATH: tempDir('perf-gate-no-jmeter-') },
    names: { script: '--script', targetUrl: '--target-url', config: 'perf-gate.yml' },
    ...extra,
  });

  it.each([
    { what: 'no plan: not ready, so auto passes it over', extra: { plan: undefined }, expected: { ready: false, why: 'no --plan given', fix: 'give the JMeter test plan (.jmx) to run with --plan' } },
    { what: 'no plan, as the Action names it', extra: { plan: undefined, names: { script: "'script'", targetUrl: "'target-url'", config: "'config'", plan: "'plan'" } }, expected: { ready: false, why: "no 'plan' given", fix: "give the JMeter test plan (.jmx) to run with 'plan'" } },
    {
      what: 'JMeter not on PATH: not ready, with how to get it',
      extra: {},
      expected: { ready: false, why: 'JMeter is not on PATH', fix: 'install Apache JMeter 5.x (https://jmeter.apache.org/download_jmeter.cgi) and put its bin/ on PATH, or set PERF_GATE_JMETER to its bin/jmeter' },
    },
    { what: 'PERF_GATE_JMETER that does not exist', extra: { processEnv: { PATH: '/usr/bin:/bin', PERF_GATE_JMETER: '/nonexistent/jmeter' } }, expected: { ready: false, why: 'the JMeter PERF_GATE_JMETER=/nonexistent/jmeter cannot run `--version`: it does not exist' } },
    { what: 'PERF_GATE_JMETER: ready, its version read from --version', extra: { processEnv: { PATH: process.env['PATH'] ?? '', PERF_GATE_JMETER: STAND_IN_JMETER, STAND_IN_JMETER_VERSION: '5.6.2' } }, expected: { ready: true, why: `JMeter 5.6.2 PERF_GATE_JMETER=${STAND_IN_JMETER}` } },
    { what: 'installed by the caller: ready, whatever PATH holds', extra: { installed: { jmeter: { path: '/opt/jmeter/bin/jmeter', version: '5.6.3' } } }, expected: { ready: true, why: 'JMeter 5.6.3 installed' } },
  ])('$what', async ({ extra, expected }) => {
    const prepared = await jmeterEngine.prepare(setup(extra as Partial<EngineSetup>));
    expect(prepared).toMatchObject(expected);
  });

  it.each([
    { what: 'a plan that does not exist', extra: { plan: '/nonexistent/plan.jmx' }, message: "--plan: there is no JMeter test plan at '/nonexistent/plan.jmx'" },
    { what: 'flags that set what perf-gate sets', extra: { flags: ['-l', 'x.jtl'], names: { script: "'script'", targetUrl: "'target-url'", config: "'config'", flags: "'jmeter-flags'" } }, message: "'jmeter-flags' must not set -l: perf-gate writes the JTL into the stage folder (got '-l')" },
  ])('refuses $what before any load (a ConfigError)', async ({ extra, message }) => {
    const err = await jmeterEngine.prepare(setup(extra)).then(() => undefined, (x: unknown) => x);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toBe(message);
  });

  it('the prepared engine runs each stage with the stage\'s workload shape and the target URL', async () => {
    const record = join(tempDir(), 'record.json');
    const prepared = await jmeterEngine.prepare(setup({ targetUrl: service.url, env: { think: '20' }, processEnv: { PATH: process.env['PATH'] ?? '', PERF_GATE_JMETER: STAND_IN_JMETER, STAND_IN_JMETER_RECORD: record } }));
    if (!prepared.ready) throw new Error(prepared.why);
    const out = await prepared.engine.run(load());
    expect(out.cancelled).toBe(false);
    const seen = JSON.parse(readFileSync(record, 'utf8')) as { properties: Record<string, string> };
    expect(seen.properties).toMatchObject({ threads: '3', duration: '2', host: '127.0.0.1', port: new URL(service.url).port, protocol: 'http', think: '20', 'perfgate.stage': 'smoke' });
  });
});
