/**
 * k6's output read live through a FIFO (src/engine/k6-live-output.ts) with every real k6 of
 * PERF_GATE_TEST_K6, running examples/k6/isectech.js against the example API: the document built while k6
 * ran equals an ingest, after the run, of the raw gzip copy written as the stream passed — for a whole run
 * and for a k6 killed (SIGKILL) mid-run. Nothing is left in the work folder but the summary export.
 */
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../examples/isectech-api/src/index.js';
import { resolvePolicy } from '../../src/config/policy.js';
import { loadConfig } from '../../src/config/load.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { createK6Engine } from '../../src/engine/k6-engine.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { stageIngestOptions } from '../../src/pipeline/stage-ingest.js';
import { recordingLog } from '../engine/support.js';
import { childrenOf } from '../support/processes.js';
import { K6_TEST_ENV, REAL_K6S, SKIPPED, warnIfSkipped, type RealK6 } from '../support/real-k6.js';

const KNOBS = { VUS: '3', DURATION: '4s', THINK: '0.1', WS_EVERY: '3', EXPORT_EVERY: '4' };

let server: RunningServer;

warnIfSkipped('real k6: live ingest');

/** The document with every occurrence of `file` (its source name, in sources and warnings) replaced. */
function renamed(doc: RunDocument, file: string): unknown {
  return JSON.parse(JSON.stringify(doc).replaceAll(file, '<source>'));
}

async function stageRun(k6: RealK6, knobs: Record<string, string>, whileRunning?: (raw: string) => Promise<void>) {
  const config = await loadConfig('examples/isectech/perf-gate.yml');
  const policy = resolvePolicy(config, 'smoke');
  const ingest = stageIngestOptions('smoke', policy, { gitSha: 'feedbeef', labels: { event: 'test' } });
  const workDir = mkdtempSync(join(tmpdir(), 'perf-gate-real-live-'));
  const raw = join(workDir, 'raw', '{stage}.ndjson.gz');
  const engine = createK6Engine({
    k6: { path: k6.path, version: k6.version },
    script: 'examples/k6/isectech.js',
    baseUrl: server.url,
    env: knobs,
    flags: [],
    secrets: [],
    processEnv: { ...process.env, ...K6_TEST_ENV },
    rawOutput: raw,
  });
  const log = recordingLog();
  const running = engine.run({ stage: 'smoke', policy, workDir, signal: new AbortController().signal, log, ingest });
  await whileRunning?.(join(workDir, 'raw', 'smoke.ndjson.gz'));
  const out = await running;
  if (out.measured.kind !== 'document') throw new Error(`expected the live document, got ${out.measured.kind}: ${log.lines.join('\n')}`);
  return { out, live: out.measured.document, raw: join(workDir, 'raw', 'smoke.ndjson.gz'), workDir, ingest, log };
}

describe.skipIf(REAL_K6S.length === 0)(`live ingest through a FIFO, real k6 ${REAL_K6S.length > 0 ? REAL_K6S.map((k) => `v${k.version}`).join(', ') : `(${SKIPPED})`}`, () => {
  beforeAll(async () => {
    const { startServer } = await import('../../examples/isectech-api/src/index.js');
    server = await startServer({ port: 0, seed: 5 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(REAL_K6S.map((k6) => ({ k6, version: k6.version })))('k6 v$version: the live document equals the raw copy ingested afterwards', async ({ k6 }) => {
    const { out, live, raw, workDir, ingest, log } = await stageRun(k6, KNOBS);
    expect(out.stoppedEarly).toBeUndefined();
    expect(live.meta).toMatchObject({ tool: 'k6', stage: 'smoke', partial: false, gitSha: 'feedbeef' });
    expect(live.scopes['http_reqs']).toMatchObject({ type: 'counter' });
    const after = await ingestFiles([raw], ingest);
    expect(renamed(after, raw)).toEqual(renamed(live, join(workDir, 'smoke.ndjson')));
    // Only the summary export and the raw copy are left: the FIFO is gone.
    expect(readdirSync(workDir).sort()).toEqual(['raw', 'smoke.summary-export.json']);
    expect(log.lines.some((l) => /k6 exited with code 0 after \d+s · \d+ requests/.test(l))).toBe(true);
  }, 120_000);

  it.each(REAL_K6S.map((k6) => ({ k6, version: k6.version })))('k6 v$version killed (SIGKILL) mid-run: the partial run up to the break, as the raw copy gives it', async ({ k6 }) => {
    const { out, live, raw, workDir, ingest } = await stageRun(k6, { ...KNOBS, DURATION: '60s' }, async (copy) => {
      for (let i = 0; i < 600 && !(existsSync(copy) && statSync(copy).size > 20_000); i++) await new Promise((r) => setTimeout(r, 50));
      const children = childrenOf(process.pid);
      expect(children.length, 'k6 is running').toBeGreaterThan(0);
      for (const pid of children) process.kill(pid, 'SIGKILL');
    });
    expect(out.stoppedEarly).toBe('k6 was stopped before the stage ended (killed)');
    expect(live.scopes['http_reqs']).toMatchObject({ type: 'counter' });
    const after = await ingestFiles([raw], ingest);
    expect(renamed(after, raw)).toEqual(renamed(live, join(workDir, 'smoke.ndjson')));
    expect(existsSync(join(workDir, 'smoke.ndjson'))).toBe(false);
  }, 120_000);
});
