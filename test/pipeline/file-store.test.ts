import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RunView } from '../../src/document/run-view.js';
import { historyEntry } from '../../src/document/history-entry.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { IngestError } from '../../src/ingest/errors.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { FileBaselineStore } from '../../src/pipeline/file-store.js';
import { recordingLog } from './fakes.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/k6');
let dir: string;
let smoke: RunDocument;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'perf-gate-file-store-'));
  smoke = await ingestFiles([join(FIXTURES, 'smoke-baseline.ndjson.gz')], { stage: 'smoke' });
});

describe('FileBaselineStore', () => {
  it.each([
    { path: 'perf/baseline.json', perStage: false, stage: 'smoke', file: 'perf/baseline.json' },
    { path: 'perf/baseline.json', perStage: true, stage: 'smoke', file: 'perf/baseline.smoke.json' },
    { path: 'perf/baseline', perStage: true, stage: 'load', file: 'perf/baseline.load.json' },
  ])('$path, one file per stage: $perStage → $file for $stage', ({ path, perStage, stage, file }) => {
    expect(new FileBaselineStore({ path, perStage, log: recordingLog() }).pathOf(stage)).toBe(file);
  });

  it('writes a run where it then reads it (per stage with several stages), with its history entry beside it', async () => {
    const store = new FileBaselineStore({ path: join(dir, 'b.json'), perStage: true, log: recordingLog() });
    expect(await store.write('smoke', smoke)).toEqual({ status: 'written', message: `Baseline for smoke written to ${join(dir, 'b.smoke.json')}, its history to ${join(dir, 'b.smoke.history.json')} (commit both to keep them).` });
    expect(JSON.parse(readFileSync(join(dir, 'b.smoke.json'), 'utf8'))).toEqual(smoke);
    const read = await store.read('smoke');
    expect(read.history).toEqual([historyEntry(smoke, smoke.meta.end)]);
    expect(read.baseline?.meta.start).toBe(smoke.meta.start);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the newest maxHistory entries, one per commit, oldest first', async () => {
    const store = new FileBaselineStore({ path: join(dir, 'h.json'), perStage: false, log: recordingLog(), maxHistory: 3 });
    const at = (k: number): RunDocument => ({ ...smoke, meta: { ...smoke.meta, gitSha: `sha${k}`, end: new Date(Date.parse(smoke.meta.end) + k * 60_000).toISOString() } });
    for (const k of [1, 2, 3, 3, 4]) await store.write('smoke', at(k));
    const { history } = await store.read('smoke');
    expect(history.map((e) => e.sha)).toEqual(['sha2', 'sha3', 'sha4']);
    // The levels the gate learns the run-to-run noise from are there.
    expect(history[0]!.levels!.length).toBeGreaterThan(1);
  });

  it('a config latencyMetric is what the history entry describes, and it says so', async () => {
    const store = new FileBaselineStore({ path: join(dir, 'l.json'), perStage: false, log: recordingLog(), latencyMetric: 'http_req_waiting' });
    await store.write('smoke', smoke);
    const [entry] = (await store.read('smoke')).history;
    expect(entry).toEqual(historyEntry(smoke, smoke.meta.end, 'http_req_waiting'));
    expect(entry!.latencyMetric).toBe('http_req_waiting');
    expect(entry!.p95).toBe(new RunView(smoke).value('http_req_waiting', 'p(95)'));
  });

  it('a malformed history file is warned about and not used; the baseline still is', async () => {
    const file = join(dir, 'm.json');
    writeFileSync(file, JSON.stringify(smoke));
    for (const [text, says] of [['{ not json', 'is not JSON'], ['{"schema":"other"}', 'is not a perf-gate history']] as const) {
      writeFileSync(join(dir, 'm.history.json'), text);
      const log = recordingLog();
      const read = await new FileBaselineStore({ path: file, perStage: false, log }).read('smoke');
      expect(read.baseline?.meta.start).toBe(smoke.meta.start);
      expect(read.history).toEqual([]);
      expect(log.lines.join('\n')).toContain(`history file ${join(dir, 'm.history.json')} ${says}`);
    }
  });

  it('reads k6 output as a baseline too, and each file once', async () => {
    const file = join(dir, 'k6-output.ndjson.gz');
    copyFileSync(join(FIXTURES, 'smoke-aa.ndjson.gz'), file);
    const store = new FileBaselineStore({ path: file, perStage: false, ingest: { groupBy: ['name'] }, log: recordingLog() });
    const first = await store.runOf('smoke');
    expect(first.meta.tool).toBe('k6');
    expect(await store.runOf('load')).toBe(first); // the same promise's document: read once
  });

  it("does not use another stage's run, and says so", async () => {
    const file = join(dir, 'smoke-only.json');
    writeFileSync(file, JSON.stringify(smoke));
    const log = recordingLog();
    const store = new FileBaselineStore({ path: file, perStage: false, log });
    expect(await store.read('load')).toEqual({ history: [] });
    expect(log.lines).toEqual([`warning: baseline file ${file} is a run of stage smoke, not load: stage load is judged without a baseline.`]);
  });

  it('a file that cannot be read: read names it (the pipeline warns); runOf throws the IngestError (the CLI stops)', async () => {
    const store = new FileBaselineStore({ path: join(dir, 'missing.json'), perStage: false, log: recordingLog() });
    await expect(store.read('smoke')).rejects.toThrow(`baseline file ${join(dir, 'missing.json')}: `);
    await expect(store.runOf('smoke')).rejects.toBeInstanceOf(IngestError);
    expect(existsSync(join(dir, 'missing.json'))).toBe(false);
  });
});
