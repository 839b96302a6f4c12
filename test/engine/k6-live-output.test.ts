/**
 * k6's output read live through a FIFO (src/engine/k6-live-output.ts), with the stand-in k6
 * (test/support/fake-k6.mjs, which opens its output as k6 does: O_RDWR|O_CREAT|O_TRUNC) and a tiny
 * writer (fake-k6-writer.mjs) that writes given lines and kills itself in the middle of one. The document
 * built live must equal the one ingestFiles builds from the file the same k6 output makes.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig } from '../../src/config/schema.js';
import { scopeOf } from '../../src/document/by-type.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { createK6Engine } from '../../src/engine/k6-engine.js';
import { LiveOutputUnavailable, openLiveOutput } from '../../src/engine/k6-live-output.js';
import { runK6 } from '../../src/engine/k6-run.js';
import { LoadFailedError } from '../../src/engine/load-failed.js';
import { ingestFiles } from '../../src/ingest/index.js';
import type { LoadOutput, StageLoad } from '../../src/pipeline/ports.js';
import { planStages } from '../../src/pipeline/plan-stages.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { stageIngestOptions } from '../../src/pipeline/stage-ingest.js';
import { fakeMemory, fakeStore, fixedClock, recordingLog as pipelineLog } from '../pipeline/fakes.js';
import { recordingLog } from './support.js';

const FAKE_K6 = join(import.meta.dirname, '../support/fake-k6.mjs');
const WRITER = join(import.meta.dirname, '../support/fake-k6-writer.mjs');
const SCRIPT = join(import.meta.dirname, '../fixtures/k6/script.js');
const PROGRESS = /^info: elapsed \d+s · [\d.]+ req\/s · p95 [\d.]+ ms · errors \d+\.\d\d % · \d+ VUs?$/;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'perf-gate-live-'));
  chmodSync(FAKE_K6, 0o755);
  chmodSync(WRITER, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function folder(): string {
  return join(dir, `run-${++n}`);
}

/** A policy with a threshold on a submetric k6 did not declare, so the ingest options carry one. */
const policy = resolvePolicy(parseConfig({ version: 1, stages: { smoke: { thresholds: { 'http_req_duration{name:GET /api/tenants}': ['p(95)<800'] } } } }), 'smoke');
const ingest = stageIngestOptions('smoke', policy, { gitSha: 'abc1234', labels: { event: 'push' } });

function engine(fake: Record<string, string>, extra: { output?: 'live' | 'file'; rawOutput?: string; k6?: string } = {}) {
  return createK6Engine({
    k6: { path: extra.k6 ?? FAKE_K6, version: '0.49.0' },
    script: SCRIPT,
    env: {},
    flags: [],
    secrets: [],
    processEnv: { ...process.env, FAKE_K6_DURATION_MS: '300', ...fake },
    ...(extra.output ? { output: extra.output } : {}),
    ...(extra.rawOutput ? { rawOutput: extra.rawOutput } : {}),
  });
}

function load(workDir: string, signal = new AbortController().signal): StageLoad & { log: ReturnType<typeof recordingLog> } {
  return { stage: 'smoke', policy, workDir, signal, log: recordingLog(), ingest };
}

function documentOf(out: LoadOutput): RunDocument {
  if (out.measured.kind !== 'document') throw new Error(`expected a document, got ${out.measured.kind}`);
  return out.measured.document;
}

/** The same k6 output, through the file (k6 writes it, ingestFiles reads it) — in the same folder, so every name matches. */
async function throughFile(fake: Record<string, string>, workDir: string, k6 = FAKE_K6): Promise<{ out: LoadOutput; doc: RunDocument }> {
  const out = await engine(fake, { output: 'file', k6 }).run(load(workDir));
  expect(out.measured).toEqual({ kind: 'files', files: [join(workDir, 'smoke.ndjson')] });
  const doc = await ingestFiles([join(workDir, 'smoke.ndjson')], ingest);
  rmSync(join(workDir, 'smoke.ndjson'));
  return { out, doc };
}

describe('k6 output read live through a FIFO', () => {
  it.each([
    { what: 'a clean run', fake: { FAKE_K6_REPLAY: 'smoke-baseline' }, partial: false },
    { what: 'exit 99 (the script\'s thresholds crossed)', fake: { FAKE_K6_REPLAY: 'smoke-errors' }, partial: false },
    { what: 'k6 killed (SIGKILL) in the middle of a line', fake: { FAKE_K6_REPLAY: 'aborted' }, partial: true },
  ])('$what: the document equals ingesting the file afterwards, and no FIFO is left', async ({ fake, partial }) => {
    const workDir = folder();
    const file = await throughFile(fake, workDir);
    const l = load(workDir);
    const out = await engine(fake).run(l);
    const live = documentOf(out);
    expect(live).toEqual(file.doc);
    expect(live.meta.partial).toBe(partial);
    if (partial) expect(live.meta.warnings.some((w) => w.includes('is cut off (k6 was stopped while writing it)'))).toBe(true);
    expect({ ...out, measured: undefined }).toEqual({ ...file.out, measured: undefined });
    expect(existsSync(join(workDir, 'smoke.ndjson'))).toBe(false);
  });

  it('the stand-in killed in the middle of a line: the lines before it, the cut-off one reported as the file reports it', async () => {
    const lines = [
      '{"type":"Metric","data":{"name":"http_reqs","type":"counter","contains":"default","thresholds":[],"submetrics":null},"metric":"http_reqs"}',
      ...Array.from({ length: 3000 }, (_, i) => `{"metric":"http_reqs","type":"Point","data":{"time":"2026-01-01T00:00:${String(Math.floor(i / 100)).padStart(2, '0')}.000Z","value":1,"tags":{"name":"GET /x","status":"200"}}}`),
    ];
    const workDir = folder();
    const linesFile = join(dir, `lines-${n}.json`);
    writeFileSync(linesFile, JSON.stringify(lines));
    const fake = { FAKE_WRITER_LINES: linesFile, FAKE_WRITER_CUT: '40' };
    const file = await throughFile(fake, workDir, WRITER);
    const out = await engine(fake, { k6: WRITER }).run(load(workDir));
    expect(file.out.stoppedEarly).toBe('k6 was stopped before the stage ended (killed)');
    const live = documentOf(out);
    expect(live).toEqual(file.doc);
    expect(live.meta.sources[0]).toMatchObject({ lines: 3001, partial: true });
    expect(live.meta.warnings).toContain(`${join(workDir, 'smoke.ndjson')}: line 3002 is cut off (k6 was stopped while writing it); read the 3001 complete lines before it`);
    expect(existsSync(join(workDir, 'smoke.ndjson'))).toBe(false);
  });

  it('a line the parser refuses early: the rest (many pipes full) is still read into the raw copy, so k6 is not stalled', async () => {
    const point = (i: number) => `{"metric":"http_reqs","type":"Point","data":{"time":"2026-01-01T00:00:${String(Math.floor(i / 1000)).padStart(2, '0')}.000Z","value":1,"tags":{"name":"GET /x","status":"200"}}}`;
    const lines = [
      '{"type":"Metric","data":{"name":"http_reqs","type":"counter","contains":"default","thresholds":[],"submetrics":null},"metric":"http_reqs"}',
      point(0),
      'this is not k6 output',
      ...Array.from({ length: 20_000 }, (_, i) => point(i)),
    ];
    const workDir = folder();
    const linesFile = join(dir, `lines-${n}.json`);
    writeFileSync(linesFile, JSON.stringify(lines));
    const rawCopy = join(workDir, 'raw.ndjson');
    const log = recordingLog();
    const live = await openLiveOutput({ path: join(workDir, 'smoke.ndjson'), ingest, rawCopy, log });
    try {
      const result = await runK6({ k6: WRITER, script: SCRIPT, stage: 'smoke', outFile: live.path, env: {}, log, processEnv: { ...process.env, FAKE_WRITER_LINES: linesFile }, live });
      expect(result.exitCode).toBe(0);
      await expect(live.document()).rejects.toThrow(/smoke.ndjson:3: expected a k6 JSON output line/);
    } finally {
      await live.close();
    }
    const expected = lines.map((l) => `${l}\n`).join('');
    expect(live.bytesRead).toBe(Buffer.byteLength(expected));
    expect(readFileSync(rawCopy, 'utf8')).toBe(expected);
    expect(existsSync(live.path)).toBe(false);
  });

  it('a line the parser refuses while k6 runs: the engine stops k6 at once (nothing after it can be judged) and fails the stage with the reader\'s error', async () => {
    // smoke-baseline with its third line broken, written over 30 s: without the stop the stage would last that long.
    const recorded = gunzipSync(readFileSync(join(import.meta.dirname, '../fixtures/k6/smoke-baseline.ndjson.gz'))).toString('utf8').split('\n');
    recorded[2] = 'this is not k6 output';
    const replay = join(dir, `broken-${n}`);
    writeFileSync(`${replay}.ndjson.gz`, gzipSync(recorded.join('\n')));
    writeFileSync(`${replay}.exitcode`, '0\n');
    const workDir = folder();
    const l = load(workDir);
    const started = Date.now();
    await expect(engine({ FAKE_K6_REPLAY: replay, FAKE_K6_DURATION_MS: '30000' }).run(l)).rejects.toThrow(/smoke.ndjson:3: expected a k6 JSON output line/);
    expect(l.log.lines.find((x) => x.includes('perf-gate cannot read k6')), l.log.lines.join('\n')).toMatch(/^warning: stage smoke: perf-gate cannot read k6's output \(.*smoke\.ndjson:3: expected a k6 JSON output line.*\); nothing after it can be judged, so k6 is stopped now$/);
    expect(l.log.lines).toContain('info: stage smoke: asking k6 to stop now (SIGINT); it has 30 s to write what it measured');
    // Stopped, not run out: the stand-in exits 105 on SIGINT, long before its 30 s.
    expect(l.log.lines.some((x) => /^info: stage smoke: k6 exited with code 105 .* · stopped early on purpose$/.test(x)), l.log.lines.join('\n')).toBe(true);
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(existsSync(join(workDir, 'smoke.ndjson'))).toBe(false);
  });

  it('a build that fails before it reads a byte (bad ingest options): the pipe is still read, so k6 is not stalled', async () => {
    const point = (i: number) => `{"metric":"http_reqs","type":"Point","data":{"time":"2026-01-01T00:00:00.000Z","value":1,"tags":{"name":"GET /x","n":"${i}"}}}`;
    // Far more than a pipe holds (64 KiB): the writer only exits if someone reads.
    const lines = Array.from({ length: 5_000 }, (_, i) => point(i));
    const workDir = folder();
    const linesFile = join(dir, `lines-${n}.json`);
    writeFileSync(linesFile, JSON.stringify(lines));
    const log = recordingLog();
    const live = await openLiveOutput({ path: join(workDir, 'smoke.ndjson'), ingest: { ...ingest, window: -1 }, log });
    try {
      const result = await runK6({ k6: WRITER, script: SCRIPT, stage: 'smoke', outFile: live.path, env: {}, log, processEnv: { ...process.env, FAKE_WRITER_LINES: linesFile }, live });
      expect(result.exitCode).toBe(0);
      await expect(live.document()).rejects.toThrow(/window must be 'auto' or a positive number/);
    } finally {
      await live.close();
    }
    expect(live.bytesRead).toBe(Buffer.byteLength(lines.map((l) => `${l}\n`).join('')));
  });

  it('k6 fails before it opens its output (a script exception): LoadFailedError, no hang, no FIFO left', async () => {
    const workDir = folder();
    const err = await engine({ FAKE_K6_EXIT: '107', FAKE_K6_STDERR: 'level=error msg="ReferenceError: foo is not defined" hint="script exception"' })
      .run(load(workDir))
      .then(() => undefined, (x: unknown) => x);
    expect(err).toBeInstanceOf(LoadFailedError);
    expect(existsSync(join(workDir, 'smoke.ndjson'))).toBe(false);
  });

  it('a k6 that cannot start: LoadFailedError, no FIFO left', async () => {
    const workDir = folder();
    await expect(engine({}, { k6: '/nonexistent/k6' }).run(load(workDir))).rejects.toBeInstanceOf(LoadFailedError);
    expect(existsSync(join(workDir, 'smoke.ndjson'))).toBe(false);
  });

  it('cancelled by the signal (SIGINT): the part that ran, marked cancelled, no FIFO left', async () => {
    const workDir = folder();
    const controller = new AbortController();
    const running = engine({ FAKE_K6_REPLAY: 'smoke-baseline', FAKE_K6_DURATION_MS: '4000' }).run(load(workDir, controller.signal));
    await new Promise((r) => setTimeout(r, 1000));
    controller.abort();
    const out = await running;
    expect(out).toMatchObject({ cancelled: true, stoppedEarly: 'k6 was stopped before the stage ended (external-abort)' });
    const doc = documentOf(out);
    expect(doc.meta.sources[0]!.lines).toBeGreaterThan(100);
    expect(existsSync(join(workDir, 'smoke.ndjson'))).toBe(false);
  });

  it('our SIGINT ignored, then SIGKILL: the document holds what k6 wrote up to the kill', async () => {
    const workDir = folder();
    const outFile = join(workDir, 'smoke.ndjson');
    const log = recordingLog();
    const controller = new AbortController();
    const live = await openLiveOutput({ path: outFile, ingest, log });
    try {
      const running = runK6({ k6: FAKE_K6, script: SCRIPT, stage: 'smoke', outFile, live, log, signal: controller.signal, stopTimeoutMs: 300, processEnv: { ...process.env, FAKE_K6_REPLAY: 'smoke-baseline', FAKE_K6_DURATION_MS: '5000', FAKE_K6_IGNORE_SIGINT: '1' } });
      await new Promise((r) => setTimeout(r, 1000));
      controller.abort();
      const result = await running;
      expect(result).toMatchObject({ cancelled: true, signal: 'SIGKILL' });
      const doc = await live.document();
      expect(doc.meta.sources[0]!.lines).toBeGreaterThan(100);
      expect(live.bytesRead).toBeGreaterThan(0);
    } finally {
      await live.close();
    }
    expect(existsSync(outFile)).toBe(false);
  });

  it('a raw copy, gzipped as the stream passes: ingesting it gives the live document but for the source name', async () => {
    for (const fake of [{ FAKE_K6_REPLAY: 'smoke-baseline' }, { FAKE_K6_REPLAY: 'aborted' }]) {
      const workDir = folder();
      const raw = join(workDir, 'raw', '{stage}.ndjson.gz');
      const live = documentOf(await engine(fake, { rawOutput: raw }).run(load(workDir)));
      const copy = join(workDir, 'raw', 'smoke.ndjson.gz');
      const again = await ingestFiles([copy], ingest);
      const renamed = (doc: RunDocument, from: string): RunDocument => JSON.parse(JSON.stringify(doc).replaceAll(from, '<source>'));
      expect(renamed(again, copy)).toEqual(renamed(live, join(workDir, 'smoke.ndjson')));
    }
  });

  it("the file fallback (output: 'file', or no ingest options) writes <stage>.ndjson and hands it over; a raw copy is made from it", async () => {
    const workDir = folder();
    const out = await engine({ FAKE_K6_REPLAY: 'smoke-baseline' }, { output: 'file', rawOutput: join(workDir, 'copy.ndjson.gz') }).run(load(workDir));
    expect(out.measured).toEqual({ kind: 'files', files: [join(workDir, 'smoke.ndjson')] });
    expect(await ingestFiles([join(workDir, 'copy.ndjson.gz')], ingest)).toMatchObject({ scopes: (await ingestFiles([join(workDir, 'smoke.ndjson')], ingest)).scopes });
    const without = folder();
    const { ingest: _, ...noIngest } = load(without);
    expect((await engine({ FAKE_K6_REPLAY: 'smoke-baseline' }).run(noIngest)).measured.kind).toBe('files');
  });

  it('without mkfifo the engine falls back to the file and says so', async () => {
    const workDir = folder();
    const path = process.env['PATH'];
    const fake = { ...process.env, FAKE_K6_REPLAY: 'smoke-baseline', FAKE_K6_DURATION_MS: '100' };
    process.env['PATH'] = '/nonexistent';
    try {
      const e = createK6Engine({ k6: { path: FAKE_K6, version: '0.49.0' }, script: SCRIPT, env: {}, flags: [], secrets: [], processEnv: fake });
      const l = load(workDir);
      const out = await e.run(l);
      expect(out.measured.kind).toBe('files');
      expect(l.log.lines).toContain(`info: cannot make a FIFO at ${join(workDir, 'smoke.ndjson')} (the mkfifo command is not on PATH): k6 writes ${join(workDir, 'smoke.ndjson')}, read after k6 exits`);
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('progress lines come from the live stream at the interval, and the exit line counts every request', async () => {
    const workDir = folder();
    const outFile = join(workDir, 'smoke.ndjson');
    const log = recordingLog();
    const live = await openLiveOutput({ path: outFile, ingest, log });
    expect(live).not.toBeInstanceOf(LiveOutputUnavailable);
    try {
      await runK6({ k6: FAKE_K6, script: SCRIPT, stage: 'smoke', outFile, live, log, progressIntervalMs: 250, processEnv: { ...process.env, FAKE_K6_REPLAY: 'smoke-baseline', FAKE_K6_DURATION_MS: '1500' } });
      const doc = await live.document();
      const count = scopeOf(doc, 'http_reqs', 'counter')!.counter.count;
      expect(count).toBeGreaterThan(100);
      const progress = log.lines.filter((l) => PROGRESS.test(l));
      expect(progress.length).toBeGreaterThanOrEqual(3);
      expect(log.lines.some((l) => l.includes(`· ${count} requests`))).toBe(true);
    } finally {
      await live.close();
    }
    expect(existsSync(outFile)).toBe(false);
  });

  it('refuses a .gz name for the FIFO (k6 would gzip into it), and says when no FIFO can be made', async () => {
    await expect(openLiveOutput({ path: join(folder(), 'x.ndjson.gz'), ingest, log: recordingLog() })).rejects.toThrow(/ends in \.gz/);
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      await expect(openLiveOutput({ path: join(folder(), 'x.ndjson'), ingest, log: recordingLog() })).rejects.toBeInstanceOf(LiveOutputUnavailable);
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('through the pipeline (script thresholds on a submetric, gitSha, labels, memory attached after): the same stage run and report as the file gives', async () => {
    const config = parseConfig({ version: 1, stages: { smoke: { thresholds: { 'http_req_duration{name:GET /api/tenants}': ['p(95)<800'] } } } });
    const workDir = folder();
    const pipelineRun = async (output: 'live' | 'file') => {
      const e = engine({ FAKE_K6_REPLAY: 'smoke-errors' }, { output });
      const result = await runPipeline(
        { stages: planStages(config, ['smoke']), workDir, signal: new AbortController().signal, gitSha: 'abc1234', labels: { event: 'push' }, cancelledNote: 'cancelled' },
        { engine: e, memory: fakeMemory([{ t: 1, rssBytes: 1e8 }]), baselines: fakeStore(), clock: fixedClock('2026-12-01T00:00:00Z'), log: pipelineLog() },
      );
      rmSync(join(workDir, 'smoke.ndjson'), { force: true });
      return result;
    };
    const file = await pipelineRun('file');
    const live = await pipelineRun('live');
    expect(file.runs[0]!.current.meta.gitSha).toBe('abc1234');
    expect(file.runs[0]!.report.findings.some((f) => f.outcome === 'fail')).toBe(true);
    expect(live.runs[0]!.current).toEqual(file.runs[0]!.current);
    expect(live.report).toEqual(file.report);
  });
});
