/**
 * No runner or Action secret reaches the load script or the memory command, checked with a real k6 whose
 * script writes its whole `__ENV` to a file (handleSummary) and a memory command that writes `env`:
 * through runK6 and sampleCommand, and through the bundled Action (dist/index.js) with its real inputs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runK6 } from '../../src/engine/k6-run.js';
import { sampleCommand } from '../../src/engine/memory-sampler.js';
import { runBundledAction } from '../action/run-action.js';
import { recordingLog } from '../engine/support.js';
import { OWNER, REPO, startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';
import { binWith, K6_TEST_ENV, MAIN_K6, SKIPPED, warnIfSkipped } from '../support/real-k6.js';

const TOKEN = 'ghs_realK6CANARYtoken0123456789';
/** Every place a secret sits on a runner, plus the token under an innocent name. */
const CANARIES = {
  'INPUT_GITHUB-TOKEN': TOKEN,
  INPUT_GITHUB_TOKEN: TOKEN,
  ACTIONS_RUNTIME_TOKEN: 'canary-actions-runtime-0123456789',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'canary-oidc-request-0123456789',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://canary-oidc.invalid/request',
  ACTIONS_CACHE_URL: 'https://canary-cache.invalid/',
  ACTIONS_RESULTS_URL: 'https://canary-results.invalid/',
  GITHUB_TOKEN: TOKEN,
  GH_TOKEN: 'canary-gh-token-0123456789',
  GH_ENTERPRISE_TOKEN: 'canary-ghe-token-0123456789',
  DEPLOY_NOTE: TOKEN,
};
const ENV_INPUT = { SCRIPT_SETTING: 'for-the-script-42', TARGET_VUS: '1' };

let dir: string;
let target: Server;
let baseUrl: string;

/** A k6 script that sends a few requests and writes `__ENV` to `dump` at the end. */
function dumpingScript(dump: string): string {
  const script = join(dir, `dump-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(
    script,
    `import http from 'k6/http';
export const options = { vus: 1, iterations: 3 };
export default function () { http.get(__ENV.BASE_URL + '/'); }
export function handleSummary() { return { ${JSON.stringify(dump)}: JSON.stringify(__ENV) }; }
`,
  );
  return script;
}

/** What a child saw must hold no canary value, and must hold the stage variables and the env input. */
function expectClean(seen: string, stage: string): void {
  for (const [name, value] of Object.entries(CANARIES)) expect(seen, `${name}'s value`).not.toContain(value);
  expect(seen).toContain(stage);
  expect(seen).toContain(baseUrl);
  for (const value of Object.values(ENV_INPUT)) expect(seen).toContain(value);
}

warnIfSkipped('real k6: secrets');

describe.skipIf(MAIN_K6 === undefined)(`real k6 ${MAIN_K6 ? `v${MAIN_K6.version}` : `(${SKIPPED})`}: no secret reaches the script or the memory command`, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'perf-gate-real-secrets-'));
    target = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));

  it('runK6 and sampleCommand, with every canary in the parent environment', async () => {
    const k6Dump = join(dir, 'runk6-env.json');
    const memoryDump = join(dir, 'runk6-memory-env.txt');
    const processEnv = { ...process.env, ...K6_TEST_ENV, ...CANARIES };
    const sampler = sampleCommand(`env > '${memoryDump}'; echo 50000000`, { warning: () => undefined }, { intervalMs: 1000, processEnv, secrets: [TOKEN], set: { PERF_GATE_STAGE: 'smoke', BASE_URL: baseUrl, ...ENV_INPUT } });
    const result = await runK6({ k6: MAIN_K6!.path, script: dumpingScript(k6Dump), stage: 'smoke', outFile: join(dir, 'runk6.ndjson'), baseUrl, env: ENV_INPUT, log: recordingLog(), processEnv, secrets: [TOKEN] });
    await sampler.stop();
    expect(result.exitCode, result.stderrTail).toBe(0);
    const env = JSON.parse(readFileSync(k6Dump, 'utf8')) as Record<string, string>;
    expectClean(JSON.stringify(env), 'smoke');
    expect(env).toMatchObject({ PERF_GATE_STAGE: 'smoke', BASE_URL: baseUrl, ...ENV_INPUT });
    expectClean(readFileSync(memoryDump, 'utf8'), 'PERF_GATE_STAGE=smoke');
  });

  it('the bundled Action: its inputs as the runner passes them, the runner\'s variables, a memory command', async () => {
    const github: GitHubApiServer = await startGitHubApiServer();
    try {
      const k6Dump = join(dir, 'action-env.json');
      const memoryDump = join(dir, 'action-memory-env.txt');
      const r = await runBundledAction({
        bin: binWith(MAIN_K6!),
        event: 'push',
        payload: { repository: { default_branch: 'main' } },
        inputs: {
          script: dumpingScript(k6Dump),
          stages: 'load',
          'k6-version': MAIN_K6!.version,
          'github-token': TOKEN,
          'target-url': baseUrl,
          env: Object.entries(ENV_INPUT).map(([k, v]) => `${k}=${v}`).join('\n'),
          'memory-source': `command:env > '${memoryDump}'; echo 50000000`,
          baseline: 'none',
          comment: 'never',
        },
        env: { ...K6_TEST_ENV, ...CANARIES, GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_API_URL: github.url, GITHUB_SHA: 'main000000000000000000000000000000000009', GITHUB_REF: 'refs/heads/main' },
      });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      // The real k6 on PATH ran (the version matched), not a download.
      expect(r.stdout).toMatch(new RegExp(`k6 v${MAIN_K6!.version.replace(/\./g, '\\.')}: using .*k6 \\(on PATH\\)`));
      const env = JSON.parse(readFileSync(k6Dump, 'utf8')) as Record<string, string>;
      expectClean(JSON.stringify(env), 'load');
      expect(env).toMatchObject({ PERF_GATE_STAGE: 'load', BASE_URL: baseUrl, ...ENV_INPUT });
      expect(Object.keys(env).filter((name) => /^(INPUT_|ACTIONS_)/i.test(name))).toEqual([]);
      expectClean(readFileSync(memoryDump, 'utf8'), 'PERF_GATE_STAGE=load');
      // Masked in the log: the token appears only in the runner's mask command.
      expect((r.stdout + r.stderr).replaceAll(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN);
      const report = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8'));
      expect(report.stages[0].currentRun.toolVersion).toBe(MAIN_K6!.version);
    } finally {
      await github.close();
    }
  });
});
