/** `perf-gate run --shard` with the stand-in k6 (test/support/fake-k6.mjs), and `perf-gate merge` of shard documents. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunDocument, ShardRecord } from '../../src/document/run-document.js';
import { fakeK6Bin } from '../action/run-action.js';
import { run } from '../gate/fixtures.js';
import { cli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'perf-gate-shard-cli-'));
const SCRIPT = 'test/fixtures/k6/script.js';
const saved = { ...process.env };
afterEach(() => {
  for (const k of ['PATH', 'FAKE_K6_REPLAY', 'FAKE_K6_DURATION_MS', 'FAKE_K6_RECORD']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe('perf-gate run --shard: one clear sentence for a bad shard, before any load (exit 2)', () => {
  const inTwoHours = new Date(Date.now() + 2 * 3600_000).toISOString();
  it.each([
    { what: 'shard 0', args: ['--shard', '0/4'], message: "--shard must be i/N with 1 ≤ i ≤ N, but got '0/4' (shards are numbered from 1)" },
    { what: 'not i/N', args: ['--shard', 'two'], message: "--shard must be i/N (this shard's number and the number of shards, e.g. 2/4), but got 'two'" },
    { what: 'a sequence of another length', args: ['--shard', '1/2', '--segment-sequence', '0,1/3,2/3,1'], message: "--segment-sequence '0,1/3,2/3,1' has 3 segments, but --shard '1/2' says 2 shards" },
    { what: 'start-at without a zone', args: ['--shard', '1/2', '--start-at', '2026-12-03T07:30:00'], message: "--start-at must be an ISO 8601 time with its zone, such as 2026-12-03T07:30:00Z, but got '2026-12-03T07:30:00'" },
    { what: 'start-at two hours ahead', args: ['--shard', '1/2', '--start-at', inTwoHours], message: `--start-at ${inTwoHours} is 120 min ahead, more than the 60 min a shard waits` },
    { what: 'start-at without --shard', args: ['--start-at', inTwoHours], message: '--start-at belongs to a shard run: give --shard i/N too' },
    { what: 'the embedded engine', args: ['--shard', '1/2', '--engine', 'embedded', '--config', 'examples/isectech/perf-gate.yml'], message: "--shard runs a slice of a k6 test with k6's execution segments, but the engine is embedded" },
  ])('$what', async ({ args, message }) => {
    const r = await cli('run', ...args, '-o', join(tmp, 'bad'));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`perf-gate: ${message}`);
    expect(r.stderr).not.toMatch(/stage smoke:/);
  });
});

describe('perf-gate run --shard with the stand-in k6', () => {
  it('passes the slice to k6, waits for the start, records meta.shard, skips the baseline and exits 0', async () => {
    const out = mkdtempSync(join(tmp, 'shard-'));
    const record = join(out, 'k6-record.json');
    Object.assign(process.env, { PATH: `${fakeK6Bin()}${delimiter}${saved['PATH'] ?? ''}`, FAKE_K6_REPLAY: 'smoke-baseline', FAKE_K6_DURATION_MS: '100', FAKE_K6_RECORD: record });
    const startAt = new Date(Date.now() + 1500);
    const r = await cli('run', '--engine', 'k6', '--script', SCRIPT, '--shard', '3/4', '--start-at', startAt.toISOString(), '--region', 'eu-west', '--baseline', 'test/fixtures/k6/smoke-regressed.ndjson.gz', '-o', out);
    expect(r.code, r.stderr).toBe(0);
    const argv = (JSON.parse(readFileSync(record, 'utf8')) as { argv: string[] }).argv;
    const flags = argv.join(' ');
    expect(flags).toContain('--execution-segment 1/2:3/4 --execution-segment-sequence 0,1/4,1/2,3/4,1 --no-thresholds --no-setup --no-teardown --tag region=eu-west');
    expect(r.stderr).toMatch(/shard 3\/4: waiting \d\.\d s for the common start/);
    expect(r.stderr).toContain('perf-gate: shard 3/4: --baseline is not compared with a shard');
    expect(r.stderr).toContain('this shard\'s own verdict');
    const doc = JSON.parse(readFileSync(join(out, 'smoke.run.json'), 'utf8')) as RunDocument;
    const shard = doc.meta.shard!;
    expect(shard).toMatchObject({ index: 3, count: 4, segment: '1/2:3/4', sequence: '0,1/4,1/2,3/4,1', region: 'eu-west', startAt: startAt.toISOString() });
    expect(shard.scriptHash).toBe(createHash('sha256').update(readFileSync(SCRIPT)).digest('hex'));
    expect(Date.parse(shard.startedAt)).toBeGreaterThanOrEqual(startAt.getTime());
    expect(Date.parse(shard.startedAt) - startAt.getTime()).toBeLessThan(1000);
  }, 30_000);
});

describe('perf-gate merge of shard documents', () => {
  const SEQ = '0,1/4,1/2,3/4,1';
  const SEGMENTS = ['0:1/4', '1/4:1/2', '1/2:3/4', '3/4:1'];
  let dir: string;
  const file = (name: string): string => join(dir, name);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmp, 'merge-'));
    const base = await run('smoke-baseline');
    const write = (name: string, index: number, over: Partial<ShardRecord> = {}): void => {
      const shard: ShardRecord = { index, count: 4, segment: SEGMENTS[index - 1]!, sequence: SEQ, scriptHash: 'a'.repeat(64), startedAt: '2026-12-03T07:30:00.000Z', ...over };
      writeFileSync(file(name), JSON.stringify({ ...base, meta: { ...base.meta, shard } }));
    };
    for (const i of [1, 2, 3, 4]) write(`shard-${i}.json`, i);
    write('other-script.json', 3, { scriptHash: 'b'.repeat(64) });
    write('late.json', 4, { startedAt: '2026-12-03T07:30:09.000Z' });
  });

  it.each([
    { what: 'a shard of another script', inputs: ['shard-1.json', 'shard-2.json', 'other-script.json', 'shard-4.json'], message: `${'other-script.json'} ran another script than` },
    { what: 'a doubled segment', inputs: ['shard-1.json', 'shard-2.json', 'shard-2.json', 'shard-4.json'], message: 'shard-2.json are both shard 2/4 (segment 1/4:1/2): a segment is doubled' },
    { what: 'a missing shard', inputs: ['shard-1.json', 'shard-2.json', 'shard-4.json'], message: 'shard 3/4 (segment 1/2:3/4) is missing' },
  ])('refuses $what, naming it (exit 2)', async ({ inputs, message }) => {
    const r = await cli('merge', ...inputs.map(file), '-o', file('merged.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    if (message.includes('.json')) expect(r.stderr).toContain(file(message.includes('other') ? 'other-script.json' : 'shard-2.json'));
  });

  it('--allow-missing-shards merges the rest with a warning; a late shard is warned about with the spread', async () => {
    const r = await cli('merge', file('shard-1.json'), file('shard-2.json'), file('late.json'), '--allow-missing-shards', '-o', file('merged.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('perf-gate: warning: shard 3/4 (segment 1/2:3/4) is missing: the merged run holds 3 of 4 shards');
    expect(r.stderr).toContain("perf-gate: warning: the shards' loads started 9.0 s apart, more than the 5 s tolerance");
    expect(r.stderr).toMatch(/merged 3 runs into .* \(3 of 4 shards: 1\/4 \d+ requests, 2\/4 \d+ requests, 4\/4 \d+ requests; started 9\.0 s apart\)/);
    const merged = JSON.parse(readFileSync(file('merged.json'), 'utf8')) as RunDocument;
    expect(merged.meta.shards!.missing).toEqual([{ index: 3, segment: '1/2:3/4' }]);
    expect(merged.meta.shards!.startSpreadSeconds).toBe(9);
  });

  it('--start-tolerance raises the bar', async () => {
    const r = await cli('merge', file('shard-1.json'), file('shard-2.json'), file('shard-3.json'), file('late.json'), '--start-tolerance', '10', '-o', file('merged.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('warning');
  });
});
