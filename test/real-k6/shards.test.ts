/**
 * Matrix shards with the main real k6 of PERF_GATE_TEST_K6 (issue 12 §3), on one machine: four shards of
 * one test (k6 execution segments 0:1/4 … 3/4:1) run at once through the k6 engine and the pipeline, each
 * waiting for a common start-at a few seconds ahead, against the example API; then merged. Checked: the
 * merged request count is the shards' sum; the merged document equals one ingest of the four NDJSON files
 * together (counts exact, histograms identical); its percentiles agree with exact percentiles over the
 * union of the raw samples (k6's rank p·(n − 1)) within HDR precision (0.1 %); setup and teardown ran once;
 * the script's thresholds are judged once, on the merged run. Then the same load as one k6 process: an
 * A/A gate of the merged shards against it does not fail. Bad input is refused naming the file.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../examples/isectech-api/src/index.js';
import { parseThreshold } from '../../src/config/threshold.js';
import { parseConfig } from '../../src/config/schema.js';
import { scopeOf } from '../../src/document/by-type.js';
import { mergeRuns, MergeError } from '../../src/document/merge.js';
import { isReported, type RunDocument } from '../../src/document/run-document.js';
import { TrendHistogram } from '../../src/document/trend-histogram.js';
import { createK6Engine } from '../../src/engine/k6-engine.js';
import { shardPlan } from '../../src/engine/k6-shard.js';
import { compareRuns } from '../../src/gate/compare.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { withSubmetrics } from '../../src/config/submetrics.js';
import { noBaseline } from '../../src/pipeline/no-baseline.js';
import { planStages } from '../../src/pipeline/plan-stages.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { stageIngestOptions } from '../../src/pipeline/stage-ingest.js';
import { withScriptThresholds } from '../../src/pipeline/script-thresholds.js';
import { percentile } from '../../src/stats/percentile.js';
import { fixedClock, recordingLog } from '../pipeline/fakes.js';
import { K6_TEST_ENV, MAIN_K6, SKIPPED, warnIfSkipped, type RealK6 } from '../support/real-k6.js';
import { gunzipSync } from 'node:zlib';

const SCRIPT = 'test/real-k6/shards.k6.js';
const KNOBS = { RATE: '40', DURATION: '6s' };
const CONFIG = parseConfig({});
const [PLANNED] = planStages(CONFIG, ['smoke']);
const SHARDS = 4;
let server: RunningServer;
warnIfSkipped('real k6: matrix shards');

interface StageResult {
  readonly doc: RunDocument;
  readonly ndjson: string;
  readonly notes: readonly string[];
  readonly findings: readonly { kind: string }[];
}

/** One stage through the pipeline: a shard (spec `i/N`) or the whole test (no spec); its NDJSON kept. */
async function stage(k6: RealK6, spec?: string, startAt?: string): Promise<StageResult> {
  const workDir = mkdtempSync(join(tmpdir(), `perf-gate-real-shard-${spec?.replace('/', 'of') ?? 'whole'}-`));
  const engine = createK6Engine({
    k6,
    script: SCRIPT,
    baseUrl: server.url,
    env: KNOBS,
    flags: [],
    secrets: [],
    processEnv: { ...process.env, ...K6_TEST_ENV },
    output: 'file',
    ...(spec ? { shard: { plan: shardPlan(spec), ...(startAt ? { startAt } : {}) } } : {}),
  });
  const log = recordingLog();
  const result = await runPipeline(
    { stages: [PLANNED!], workDir, signal: new AbortController().signal, cancelledNote: 'cancelled' },
    { engine, baselines: noBaseline, clock: fixedClock('2026-12-03T07:30:00Z'), log },
  );
  const run = result.runs[0];
  if (!run) throw new Error(`stage did not run:\n${log.lines.join('\n')}`);
  return { doc: run.current, ndjson: join(workDir, 'smoke.ndjson'), notes: run.report.notes, findings: run.report.findings };
}

/** Every http_req_duration value in k6's NDJSON (the raw samples). */
function durations(file: string): number[] {
  const text = file.endsWith('.gz') ? gunzipSync(readFileSync(file)).toString('utf8') : readFileSync(file, 'utf8');
  const out: number[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes('"metric":"http_req_duration"')) continue;
    const p = JSON.parse(line) as { type: string; metric: string; data: { value: number } };
    if (p.type === 'Point' && p.metric === 'http_req_duration') out.push(p.data.value);
  }
  return out;
}

/** k6's percentile: 0-based rank p·(n − 1) in the sorted samples, interpolated linearly. */
function exactPercentile(sorted: readonly number[], p: number): number {
  const r = p * (sorted.length - 1);
  const lo = Math.floor(r);
  const hi = Math.ceil(r);
  return sorted[lo]! + (r - lo) * (sorted[hi]! - sorted[lo]!);
}

function requests(doc: RunDocument, scope = 'http_reqs'): number {
  return scopeOf(doc, scope, 'counter')?.counter.count ?? 0;
}

/** The script's thresholds as the shards recorded them (k6 inspect) in the merged run's meta.shards, for the gate. */
function scriptThresholdsOf(doc: RunDocument) {
  return Object.entries(doc.meta.shards?.thresholds ?? {}).map(([metric, sources]) => ({ metric, expressions: sources.map((t) => parseThreshold(t)) }));
}

describe.skipIf(MAIN_K6 === undefined)(`matrix shards, real k6 ${MAIN_K6 ? `v${MAIN_K6.version}` : `(${SKIPPED})`}`, () => {
  let shards: StageResult[];
  let merged: RunDocument;
  const figures: string[] = [];

  beforeAll(async () => {
    const { startServer } = await import('../../examples/isectech-api/src/index.js');
    server = await startServer({ port: 0, seed: 12 });
    // A few seconds ahead: every shard's k6 is ready and waits for the same wall-clock start.
    const startAt = new Date(Date.now() + 4000).toISOString();
    shards = await Promise.all(Array.from({ length: SHARDS }, (_, k) => stage(MAIN_K6!, `${k + 1}/${SHARDS}`, startAt)));
    merged = mergeRuns(shards.map((s) => s.doc), { names: shards.map((s) => s.ndjson) });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    if (figures.length > 0) console.log(`matrix shards, real k6 v${MAIN_K6?.version}:\n  ${figures.join('\n  ')}`);
  });

  it('each shard ran its segment from the common start; setup and teardown ran in shard 1 only', () => {
    expect(shards.map((s) => s.doc.meta.shard?.segment)).toEqual(['0:1/4', '1/4:1/2', '1/2:3/4', '3/4:1']);
    expect(new Set(shards.map((s) => s.doc.meta.shard!.scriptHash)).size).toBe(1);
    expect(merged.meta.shards!.startSpreadSeconds).toBeLessThan(1);
    expect(merged.meta.warnings.filter((w) => /started/.test(w))).toEqual([]);
    for (const [k, s] of shards.entries()) {
      expect(requests(s.doc), `shard ${k + 1}`).toBeGreaterThan(20);
      expect(requests(s.doc, 'http_reqs{name:setup}'), `setup in shard ${k + 1}`).toBe(k === 0 ? 1 : 0);
      expect(requests(s.doc, 'http_reqs{name:teardown}'), `teardown in shard ${k + 1}`).toBe(k === 0 ? 1 : 0);
    }
    figures.push(`shards' requests ${shards.map((s) => requests(s.doc)).join(' + ')} = ${requests(merged)}; start spread ${merged.meta.shards!.startSpreadSeconds.toFixed(3)} s`);
  });

  it('the merged request count is the sum of the shards\' counts, exactly, and meta.shards keeps each', () => {
    expect(requests(merged)).toBe(shards.reduce((a, s) => a + requests(s.doc), 0));
    expect(merged.meta.shards!.members.map((m) => m.requests)).toEqual(shards.map((s) => requests(s.doc)));
    expect(merged.meta.shards!.missing).toEqual([]);
  });

  it('the merged document equals one ingest of the four NDJSON files together: counts exact, histograms identical', async () => {
    const union = await ingestFiles(shards.map((s) => s.ndjson), withSubmetrics(stageIngestOptions('smoke', PLANNED!.policy, {}), Object.keys(merged.meta.shards!.thresholds ?? {})));
    expect(Object.keys(merged.scopes).sort()).toEqual(Object.keys(union.scopes).sort());
    let trends = 0;
    for (const [name, scope] of Object.entries(union.scopes)) {
      const m = merged.scopes[name]!;
      expect(m.type, name).toBe(scope.type);
      expect(isReported(m) || isReported(scope), name).toBe(false);
      if (isReported(m) || isReported(scope)) continue;
      if (scope.type === 'trend' && m.type === 'trend') {
        trends++;
        expect({ count: m.trend.count, min: m.trend.min, max: m.trend.max }, name).toEqual({ count: scope.trend.count, min: scope.trend.min, max: scope.trend.max });
        expect(m.trend.sum, name).toBeCloseTo(scope.trend.sum, 6);
        expect(TrendHistogram.decode(m.trend).distribution(), name).toEqual(TrendHistogram.decode(scope.trend).distribution());
      } else if (scope.type === 'counter' && m.type === 'counter') {
        expect(m.counter.count, name).toBe(scope.counter.count);
        expect(m.counter.samples, name).toBe(scope.counter.samples);
      } else if (scope.type === 'rate' && m.type === 'rate') {
        expect(m.rate, name).toEqual(scope.rate);
      }
    }
    expect(trends).toBeGreaterThan(10);
    figures.push(`merged = one ingest of the 4 NDJSON files: ${Object.keys(union.scopes).length} scopes, ${trends} histograms identical`);
  });

  it('merged percentiles agree with exact percentiles over the union of the raw samples within 0.1 %', () => {
    const samples = shards.flatMap((s) => durations(s.ndjson)).sort((a, b) => a - b);
    expect(samples.length).toBe(scopeOf(merged, 'http_req_duration', 'trend')!.trend.count);
    const distribution = TrendHistogram.decode(scopeOf(merged, 'http_req_duration', 'trend')!.trend).distribution();
    let worst = 0;
    for (const p of [0.5, 0.9, 0.95, 0.99]) {
      const exact = exactPercentile(samples, p);
      const ours = percentile(distribution, p) as number;
      const rel = Math.abs(ours - exact) / exact;
      worst = Math.max(worst, rel);
      expect(rel, `p(${p * 100}): ${ours} against ${exact}`).toBeLessThanOrEqual(0.001);
    }
    figures.push(`percentiles p50/p90/p95/p99 of ${samples.length} samples: worst relative difference ${(worst * 100).toFixed(4)} % (limit 0.1 %)`);
  });

  it('the script\'s thresholds are judged once, on the merged run (none on a shard)', () => {
    for (const s of shards) {
      // The stage's preset SLOs are judged on a shard's own report (which sets no exit status); the script's are not.
      const script = s.findings.filter((f) => f.kind === 'threshold' && 'limit' in f && (f as { limit?: { expression?: string } }).limit?.expression !== undefined && ['p(95)<5000', 'rate<0.5'].includes((f as { limit: { expression: string } }).limit.expression));
      expect(script).toEqual([]);
      expect(s.notes.join('\n')).toMatch(/the script's thresholds are not judged on a shard/);
    }
    const thresholds = scriptThresholdsOf(merged);
    expect(thresholds.map((t) => `${t.metric}: ${t.expressions.map((e) => e.source).join(', ')}`).sort()).toEqual(['http_req_duration: p(95)<5000', 'http_req_duration{scenario:load}: p(95)<5000', 'http_req_failed: rate<0.5']);
    // k6 declares no submetric under --no-thresholds: the shards kept its scope because they inspected the script.
    expect(merged.scopes).toHaveProperty(['http_req_duration{scenario:load}']);
    const judged = compareRuns({ current: merged, policy: withScriptThresholds(PLANNED!.policy, thresholds), history: [] });
    const found = judged.findings.filter((f) => f.kind === 'threshold' && f.limit?.kind === 'threshold').map((f) => `${f.metric} ${f.limit?.kind === 'threshold' ? f.limit.expression : ''}`);
    expect(found.filter((f) => f.startsWith('http_req_duration p(95)<5000'))).toHaveLength(1);
    expect(found.filter((f) => f.startsWith('http_req_failed rate<0.5'))).toHaveLength(1);
    expect(found.filter((f) => f.startsWith('http_req_duration{scenario:load} p(95)<5000'))).toHaveLength(1);
  });

  it('an A/A gate of the merged four shards against the same load in one k6 process does not fail', async () => {
    const whole = await stage(MAIN_K6!);
    const total = requests(whole.doc);
    figures.push(`one k6 process: ${total} requests; merged shards: ${requests(merged)}`);
    expect(Math.abs(requests(merged) - total) / total).toBeLessThan(0.1);
    const judged = compareRuns({ baseline: whole.doc, current: merged, policy: PLANNED!.policy, history: [] });
    figures.push(`A/A merged-4-shards vs one process: ${judged.outcome}`);
    expect(judged.outcome, judged.findings.filter((f) => f.outcome === 'fail').map((f) => JSON.stringify(f)).join('\n')).not.toBe('fail');
  }, 60_000);

  it('refuses a shard of another script and a doubled segment, naming the file', () => {
    const other = { ...shards[2]!.doc, meta: { ...shards[2]!.doc.meta, shard: { ...shards[2]!.doc.meta.shard!, scriptHash: 'f'.repeat(64) } } };
    const names = ['shard-1.run.json', 'shard-2.run.json', 'other-script.run.json', 'shard-4.run.json'];
    expect(() => mergeRuns([shards[0]!.doc, shards[1]!.doc, other, shards[3]!.doc], { names })).toThrow(MergeError);
    expect(() => mergeRuns([shards[0]!.doc, shards[1]!.doc, other, shards[3]!.doc], { names })).toThrow(/^other-script\.run\.json ran another script than shard-1\.run\.json/);
    expect(() => mergeRuns([shards[0]!.doc, shards[1]!.doc, shards[1]!.doc, shards[3]!.doc], { names: ['a.json', 'b.json', 'c.json', 'd.json'] })).toThrow(
      'b.json and c.json are both shard 2/4 (segment 1/4:1/2): a segment is doubled',
    );
  });
});
