/**
 * The Action as one shard of a distributed test, in-process with the stand-in k6 (test/support/fake-k6.mjs,
 * not k6) on PATH: the shard's k6 flags, its run document in `shard-dir`, and nothing written to GitHub — no
 * comment, status or baseline — and no failure on the slice's own verdict. And the inputs' mistakes.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';
import { runAction } from '../../src/action/run.js';
import { splitArgs } from '../../src/engine/split-args.js';
import { recordingIo, runActionInProcess } from './fake-io.js';
import { fakeK6Bin } from './run-action.js';

const inputsOf = (table: Record<string, string>) => parseInputs((name) => table[name] ?? '', splitArgs, '1.8.1');

describe('the Action as a shard', () => {
  it('runs the slice, writes its run document for upload, and writes nothing to GitHub', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'perf-gate-shard-action-'));
    const path = `${fakeK6Bin()}:${process.env['PATH'] ?? ''}`;
    const io = recordingIo(
      { script: 'test/fixtures/k6/script.js', stages: 'smoke', 'k6-version': '0.49.0', shard: '2/4', region: 'eu-west', 'github-token': 'ghs_shardTOKEN0123456789' },
      { PATH: path, GITHUB_REPOSITORY: 'isectech/platform', GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: 'abc123', FAKE_K6_REPLAY: 'smoke-regressed', FAKE_K6_DURATION_MS: '200' },
      temp,
    );
    await runActionInProcess(runAction, io, temp, path);
    const dir = io.calls.find((c) => c.startsWith('output: shard-dir='))?.slice('output: shard-dir='.length);
    expect(dir).toBe(join(temp, 'perf-gate', 'shard'));
    const doc = JSON.parse(readFileSync(join(dir!, 'smoke.run.json'), 'utf8')) as { meta: { shard?: { index: number; count: number; segment: string; region?: string } } };
    expect(doc.meta.shard).toMatchObject({ index: 2, count: 4, segment: '1/4:1/2', region: 'eu-west' });
    // The slice's own verdict fails nothing, and no comment, status or baseline write was even tried.
    expect(io.calls.filter((c) => c.startsWith('failed:'))).toEqual([]);
    expect(io.calls.some((c) => c.startsWith('output: comment-id') || c.startsWith('output: rollback-dispatched'))).toBe(false);
    expect(io.calls.some((c) => /shard 2\/4: 1 run document in .* \(output shard-dir\)/.test(c))).toBe(true);
    expect(existsSync(join(temp, 'perf-gate', 'report.json'))).toBe(false);
  });

  it.each<{ what: string; inputs: Record<string, string>; says: string }>([
    { what: 'start-at without shard', inputs: { script: 's.js', 'start-at': '2026-12-03T07:30:00Z' }, says: "'start-at' belongs to a shard: set 'shard' (i/N) too" },
    { what: 'a shard numbered past N', inputs: { script: 's.js', shard: '5/4' }, says: "'shard' must be i/N with 1 ≤ i ≤ N, but got '5/4' (shards are numbered from 1)" },
    { what: 'a shard of a JMeter plan', inputs: { plan: 'p.jmx', shard: '1/2' }, says: "'shard' runs a slice of a k6 test with k6's execution segments, but 'engine' is jmeter" },
    { what: 'a shard in A/B mode', inputs: { script: 's.js', shard: '1/2', 'target-url': 'http://127.0.0.1:1', 'baseline-url': 'http://127.0.0.1:2' }, says: "'shard' and 'baseline-url' cannot be combined" },
    { what: 'a start-at without its zone', inputs: { script: 's.js', shard: '1/2', 'start-at': '2026-12-03T07:30:00' }, says: "'start-at' must be an ISO 8601 time with its zone" },
  ])('refuses $what, naming the input', ({ inputs, says }) => {
    expect(() => inputsOf(inputs)).toThrow(says);
  });

  it('takes a shard with its sequence and start', () => {
    const at = new Date(Date.now() + 60_000).toISOString();
    expect(inputsOf({ script: 's.js', shard: '1/3', 'segment-sequence': '0,1/2,3/4,1', 'start-at': at }).shard).toEqual({ spec: '1/3', sequence: '0,1/2,3/4,1', startAt: at });
  });
});
