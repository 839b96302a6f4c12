/**
 * `examples/k6/isectech.js` with a real k6 against the example API (examples/isectech-api), every stage,
 * through `perf-gate run --engine k6 --config examples/isectech/perf-gate.yml`, shortened to seconds with
 * the script's knobs (examples/k6/stages.js). Each stage runs twice: an A/A, the second judged against
 * the first as its baseline.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../examples/isectech-api/src/index.js';
import { startCli } from '../support/processes.js';
import { binWith, K6_TEST_ENV, MAIN_K6, SKIPPED, warnIfSkipped } from '../support/real-k6.js';

/** A few VUs for a few seconds per stage; the shapes stay those of the presets. */
const COMMON = { TARGET_VUS: '4', THINK: '0.2', WS_EVERY: '3', EXPORT_EVERY: '4' };
const STAGES: readonly { stage: string; knobs: Record<string, string> }[] = [
  { stage: 'smoke', knobs: { VUS: '3', DURATION: '4s' } },
  { stage: 'load', knobs: { RAMP_UP: '1s', DURATION: '3s', RAMP_DOWN: '1s' } },
  { stage: 'stress', knobs: { STRESS_FACTOR: '2', RAMP_UP: '1s', DURATION: '1s', RAMP_DOWN: '1s' } },
  { stage: 'spike', knobs: { SPIKE_VUS: '8', SPIKE_RAMP_UP: '1s', DURATION: '2s', SPIKE_RAMP_DOWN: '1s' } },
  { stage: 'endurance', knobs: { RATE: '8', DURATION: '5s', PRE_ALLOCATED_VUS: '4', MAX_VUS: '8' } },
];

let server: RunningServer;
let dir: string;
let bin: string;

/** `perf-gate run` of one stage with the real k6 first on PATH; resolves with its exit status and output. */
async function perfGateRun(stage: string, knobs: Record<string, string>, out: string, baseline?: string) {
  const started = startCli(
    ['run', '--engine', 'k6', '--config', 'examples/isectech/perf-gate.yml', '--script', 'examples/k6/isectech.js', '--stage', stage, '--target-url', server.url, '-o', out, ...(baseline ? ['--baseline', baseline] : [])],
    { ...process.env, ...K6_TEST_ENV, PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`, NO_COLOR: '1', ...COMMON, ...knobs },
  );
  const { code } = await started.exited;
  return { code, stdout: started.stdout(), stderr: started.stderr() };
}

warnIfSkipped('real k6: isectech stages');

describe.skipIf(MAIN_K6 === undefined)(`examples/k6/isectech.js on real k6 ${MAIN_K6 ? `v${MAIN_K6.version}` : `(${SKIPPED})`}, every stage, A/A`, () => {
  beforeAll(async () => {
    const { startServer } = await import('../../examples/isectech-api/src/index.js');
    server = await startServer({ port: 0, seed: 7 });
    dir = mkdtempSync(join(tmpdir(), 'perf-gate-real-isectech-'));
    bin = binWith(MAIN_K6!);
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(STAGES)('$stage', async ({ stage, knobs }) => {
    const first = await perfGateRun(stage, knobs, join(dir, `${stage}-a`));
    // The first run has no baseline; only its absolute thresholds can fail it (exit 1), never a usage error.
    expect([0, 1], first.stderr).toContain(first.code);
    expect(first.stderr).toContain(`engine k6 (k6 v${MAIN_K6!.version} on PATH)`);
    for (const file of ['report.json', 'report.md', 'report.html', `${stage}.run.json`]) expect(existsSync(join(dir, `${stage}-a`, file)), file).toBe(true);
    // k6's output was read live through a FIFO, removed afterwards: no NDJSON is left on disk.
    expect(existsSync(join(dir, `${stage}-a`, `${stage}.ndjson`))).toBe(false);
    const doc = JSON.parse(readFileSync(join(dir, `${stage}-a`, `${stage}.run.json`), 'utf8'));
    expect(doc.meta).toMatchObject({ tool: 'k6', toolVersion: MAIN_K6!.version, stage, partial: false });
    expect(doc.scopes['http_reqs'].counter.count).toBeGreaterThan(20);
    expect(Object.keys(doc.scopes)).toContain(`iterations`);
    expect(Object.keys(doc.scopes).some((s: string) => s.includes('{name:WS /api/realtime/metrics}'))).toBe(true);

    const second = await perfGateRun(stage, knobs, join(dir, `${stage}-b`), join(dir, `${stage}-a`, `${stage}.run.json`));
    expect([0, 1], second.stderr).toContain(second.code);
    const report = JSON.parse(readFileSync(join(dir, `${stage}-b`, 'report.json'), 'utf8'));
    const failing = report.findings.filter((f: { outcome: string }) => f.outcome === 'fail').map((f: { message: string }) => f.message);
    expect(report.verdict, `A/A of ${stage} failed:\n${failing.join('\n')}\n${second.stdout}`).not.toBe('fail');
    expect(second.code).toBe(0);
    expect(report.stages[0].baselineRun).toMatchObject({ tool: 'k6', toolVersion: MAIN_K6!.version });
    expect(second.stdout).toContain(`Stage ${stage}: `);
  });
});
