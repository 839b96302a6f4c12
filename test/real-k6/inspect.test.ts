/**
 * `k6 inspect` of a real k6, as a shard reads its script's thresholds (engine/k6-inspect.ts): every k6 in
 * PERF_GATE_TEST_K6 (../shared/tools/k6 in CI), skipped with a message when none is set.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectThresholds } from '../../src/engine/k6-inspect.js';
import { K6_TEST_ENV, REAL_K6S, SKIPPED, warnIfSkipped } from '../support/real-k6.js';

warnIfSkipped('k6 inspect');

const SCRIPT = `
export const options = {
  vus: 1,
  iterations: 1,
  thresholds: {
    // The runner's token must not reach the script's init code (the test asks k6 for the system environment): it would change this threshold.
    checks: [__ENV.GITHUB_TOKEN ? 'rate>0.01' : 'rate>0.99'],
    'http_req_duration{scenario:default}': [{ threshold: 'p(95)<' + (__ENV.LIMIT || '800'), abortOnFail: true }],
  },
};
export default function () {}
`;

describe.skipIf(REAL_K6S.length === 0)(`k6 inspect ${REAL_K6S.length > 0 ? '' : `(${SKIPPED})`}`, () => {
  it.each(REAL_K6S.map((k6) => ({ k6, version: k6.version })))('k6 v$version lists the script\'s thresholds (object form, the env variables) with no secret in its environment', async ({ k6 }) => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-inspect-'));
    const script = join(dir, 'script.js');
    writeFileSync(script, SCRIPT);
    const inspected = await inspectThresholds({ k6: k6.path, script, stage: 'smoke', env: { LIMIT: '450' }, flags: ['--vus', '3', '--include-system-env-vars'], secrets: ['ghs_inspectSECRET0123'], processEnv: { ...process.env, ...K6_TEST_ENV, GITHUB_TOKEN: 'ghs_inspectSECRET0123' } });
    expect(inspected).toEqual({ thresholds: { checks: ['rate>0.99'], 'http_req_duration{scenario:default}': ['p(95)<450'] } });
  });

  it('a script that does not load is a problem naming k6\'s error, not an empty set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-inspect-'));
    const script = join(dir, 'broken.js');
    writeFileSync(script, 'export const options = { thresholds: { checks: ["rate>0.9"] } };\nthrow new Error("init broke");\n');
    const inspected = await inspectThresholds({ k6: REAL_K6S[0]!.path, script, stage: 'smoke', env: {}, flags: [], secrets: [], processEnv: { ...process.env, ...K6_TEST_ENV } });
    expect(inspected).toMatchObject({ problem: expect.stringMatching(/k6 inspect .*broken\.js failed: .*init broke/) });
  });
});
