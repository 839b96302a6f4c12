/**
 * `perf-gate collect` on files written the way k6-operator's runners write them, by real k6 (no Kubernetes
 * cluster can run on these machines). Each of three k6 processes runs one execution segment, as the
 * operator's runner i of 3 does, with the arguments `perf-gate k8s testrun` renders (`$(PERF_GATE_RUNNER)`
 * replaced as Kubernetes replaces it, by the runner Job's name) and the tags the operator adds
 * (`instance_id`, `testrun_name`). Runs ≤ 3 s each, concurrently.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../examples/isectech-api/src/index.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { testRunManifest } from '../../src/k8s/testrun.js';
import { cli } from '../cli/run-cli.js';
import { K6_TEST_ENV, MAIN_K6, SKIPPED, warnIfSkipped } from '../support/real-k6.js';

const run = promisify(execFile);
const RUNNERS = 3;

/** A threshold no run meets: a runner that evaluated it would exit 99; collect judges the merged run instead. */
const SCRIPT = `import http from 'k6/http';
import { sleep } from 'k6';
export const options = {
  scenarios: { steady: { executor: 'constant-vus', vus: 3, duration: '2s' } },
  thresholds: { http_req_duration: ['p(95)<0.000001'] },
};
export default function () {
  http.get(__ENV.BASE_URL + '/healthz', { tags: { name: 'GET /healthz' } });
  sleep(0.05);
}
`;

let server: RunningServer;
let dir: string;
let results: string;
let stdout: string[];

warnIfSkipped('real k6: collect');

describe.skipIf(MAIN_K6 === undefined)(`perf-gate collect on k6-operator-style runner files, real k6${MAIN_K6 ? ` v${MAIN_K6.version}` : ` (${SKIPPED})`}`, () => {
  beforeAll(async () => {
    const { startServer } = await import('../../examples/isectech-api/src/index.js');
    server = await startServer({ port: 0, seed: 3 });
    dir = mkdtempSync(join(tmpdir(), 'perf-gate-real-collect-'));
    results = join(dir, 'results');
    const script = join(dir, 'load.js');
    writeFileSync(script, SCRIPT);
    const m = testRunManifest({ script, parallelism: RUNNERS, stage: 'smoke', volumeClaim: 'perf-results', mountPath: results, targetUrl: server.url });
    const env = Object.fromEntries(m.spec.runner.env.flatMap((e) => ('value' in e ? [[e.name, e.value]] : [])));
    const sequence = ['0', ...Array.from({ length: RUNNERS - 1 }, (_, i) => `${i + 1}/${RUNNERS}`), '1'].join(',');
    mkdirSync(results);
    const runs = Array.from({ length: RUNNERS }, (_, k) => {
      const i = k + 1;
      const job = `${m.metadata.name}-${i}`;
      // As the operator's runner i: its segment, the manifest's arguments (split on spaces, as it splits them), the script, its tags.
      const args = [
        'run',
        '--quiet',
        `--execution-segment=${i - 1 === 0 ? '0' : `${i - 1}/${RUNNERS}`}:${i === RUNNERS ? '1' : `${i}/${RUNNERS}`}`,
        `--execution-segment-sequence=${sequence}`,
        ...m.spec.arguments.replaceAll('$(PERF_GATE_RUNNER)', job).split(' '),
        script,
        '--tag',
        `instance_id=${i}`,
        '--tag',
        `testrun_name=${m.metadata.name}`,
      ];
      return run(MAIN_K6!.path, args, { env: { ...process.env, ...K6_TEST_ENV, ...env, PERF_GATE_RUNNER: job }, timeout: 60_000 });
    });
    stdout = (await Promise.all(runs)).map((r) => r.stdout);
  }, 90_000);

  afterAll(async () => {
    await server?.close();
  });

  it('each runner wrote its own file, and no runner judged thresholds', () => {
    // k6 exits 99 when a threshold fails: every run above resolved, so each exited 0.
    expect(stdout).toHaveLength(RUNNERS);
    for (let i = 1; i <= RUNNERS; i++) {
      const text = readFileSync(join(results, `smoke-perf-gate-smoke-${i}.ndjson`), 'utf8');
      expect(text).toContain(`"instance_id":"${i}"`);
      expect(text).toContain('"stage":"smoke"');
    }
  });

  it('collects them into one run whose request count is the sum of the runners\', judged once on the merged run', async () => {
    const counts = Array.from({ length: RUNNERS }, (_, k) =>
      readFileSync(join(results, `smoke-perf-gate-smoke-${k + 1}.ndjson`), 'utf8').split('\n').filter((l) => l.includes('"metric":"http_reqs"') && l.includes('"Point"')).length,
    );
    expect(counts.every((c) => c > 0)).toBe(true);
    const out = join(dir, 'out');
    const r = await cli('collect', results, '-o', out, '--format', 'json');
    expect(r.stderr).toContain(`collected ${RUNNERS} NDJSON shards (runners 1, 2, 3)`);
    expect(r.stderr).not.toContain('wrote no file');
    // The script's threshold no run meets is judged once, on the merged run: it fails the collected run.
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { stages: { findings: { kind: string; outcome: string; threshold?: string }[] }[] };
    expect(report.stages[0]!.findings.filter((f) => f.kind === 'threshold' && f.threshold === 'p(95)<0.000001').map((f) => f.outcome)).toEqual(['fail']);
    const doc = JSON.parse(readFileSync(join(out, 'smoke.run.json'), 'utf8')) as RunDocument;
    const reqs = doc.scopes['http_reqs'];
    expect(reqs !== undefined && 'counter' in reqs ? reqs.counter.count : undefined).toBe(counts.reduce((a, b) => a + b, 0));
    expect(doc.meta.stage).toBe('smoke');
    expect(doc.meta.sources).toHaveLength(RUNNERS);
  });

  it('warns when a runner\'s file is missing', async () => {
    rmSync(join(results, 'smoke-perf-gate-smoke-2.ndjson'));
    const r = await cli('collect', results, '--stage', 'smoke');
    expect(r.stderr).toContain('warning: runner 2 of 1..3 wrote no file here');
  });
});
