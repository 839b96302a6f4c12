import { describe, expect, it } from 'vitest';
import { shardPlan, ShardSpecError, startAtWait, MAX_START_AHEAD_MS } from '../../src/engine/k6-shard.js';

describe('a shard of a distributed k6 test', () => {
  it.each([
    {
      what: 'shard 1 of 4 runs setup and teardown',
      spec: '1/4',
      sequence: undefined,
      expected: { index: 1, count: 4, segment: '0:1/4', sequence: '0,1/4,1/2,3/4,1', flags: ['--execution-segment', '0:1/4', '--execution-segment-sequence', '0,1/4,1/2,3/4,1', '--no-thresholds'] },
    },
    {
      what: 'shard 3 of 4 runs neither',
      spec: '3/4',
      sequence: undefined,
      expected: { index: 3, count: 4, segment: '1/2:3/4', sequence: '0,1/4,1/2,3/4,1', flags: ['--execution-segment', '1/2:3/4', '--execution-segment-sequence', '0,1/4,1/2,3/4,1', '--no-thresholds', '--no-setup', '--no-teardown'] },
    },
    {
      what: 'one shard is the whole test',
      spec: '1/1',
      sequence: undefined,
      expected: { index: 1, count: 1, segment: '0:1', sequence: '0,1', flags: ['--execution-segment', '0:1', '--execution-segment-sequence', '0,1', '--no-thresholds'] },
    },
    {
      what: "the user's unequal sequence (a big region and two small), written as k6 writes it",
      spec: '2/3',
      sequence: '0,50%,0.75,1',
      expected: { index: 2, count: 3, segment: '1/2:3/4', sequence: '0,1/2,3/4,1', flags: ['--execution-segment', '1/2:3/4', '--execution-segment-sequence', '0,1/2,3/4,1', '--no-thresholds', '--no-setup', '--no-teardown'] },
    },
    {
      what: 'thirds stay exact',
      spec: '3/3',
      sequence: undefined,
      expected: { index: 3, count: 3, segment: '2/3:1', sequence: '0,1/3,2/3,1' },
    },
  ])('$what: $spec', ({ spec, sequence, expected }) => {
    expect(shardPlan(spec, sequence)).toMatchObject(expected);
  });

  it.each([
    { spec: '0/4', sequence: undefined, message: "--shard must be i/N with 1 ≤ i ≤ N, but got '0/4' (shards are numbered from 1)" },
    { spec: '5/4', sequence: undefined, message: "--shard must be i/N with 1 ≤ i ≤ N, but got '5/4'" },
    { spec: '1/0', sequence: undefined, message: "--shard must be i/N with N ≥ 1, but got '1/0'" },
    { spec: '2', sequence: undefined, message: "--shard must be i/N (this shard's number and the number of shards, e.g. 2/4), but got '2'" },
    { spec: 'a/b', sequence: undefined, message: "but got 'a/b'" },
    { spec: '1/2', sequence: '0,1/4,1/2,1', message: "--segment-sequence '0,1/4,1/2,1' has 3 segments, but --shard '1/2' says 2 shards" },
    { spec: '1/2', sequence: '0,1/2', message: "--segment-sequence: segment sequence '0,1/2' must end at 1" },
    { spec: '1/2', sequence: '0,x,1', message: "--segment-sequence: 'x' is not a fraction" },
  ])('$spec with $sequence is refused: $message', ({ spec, sequence, message }) => {
    expect(() => shardPlan(spec, sequence)).toThrow(ShardSpecError);
    expect(() => shardPlan(spec, sequence)).toThrow(message);
  });

  const now = new Date('2026-12-03T07:30:00Z');
  it.each([
    { what: '5 s ahead: wait 5 s', startAt: '2026-12-03T07:30:05Z', expected: { waitMs: 5000 } },
    { what: 'with an offset', startAt: '2026-12-03T08:30:05+01:00', expected: { waitMs: 5000 } },
    { what: 'milliseconds', startAt: '2026-12-03T07:30:00.250Z', expected: { waitMs: 250 } },
    { what: 'passed: start now, with a warning', startAt: '2026-12-03T07:29:58Z', expected: { waitMs: 0, late: '--start-at 2026-12-03T07:29:58Z passed 2.0 s ago: starting now; this shard\'s load starts that much later than planned' } },
    { what: 'exactly the limit ahead', startAt: new Date(now.getTime() + MAX_START_AHEAD_MS).toISOString(), expected: { waitMs: MAX_START_AHEAD_MS } },
  ])('start-at $what', ({ startAt, expected }) => {
    expect(startAtWait(startAt, now)).toMatchObject(expected);
  });

  it.each([
    { startAt: '2026-12-03T09:30:00Z', problem: '--start-at 2026-12-03T09:30:00Z is 120 min ahead, more than the 60 min a shard waits' },
    { startAt: '2026-12-03 07:30:05', problem: "--start-at must be an ISO 8601 time with its zone, such as 2026-12-03T07:30:00Z, but got '2026-12-03 07:30:05'" },
    { startAt: '2026-12-03T07:30:05', problem: 'with its zone' },
    { startAt: 'soon', problem: "but got 'soon'" },
  ])('start-at $startAt is refused', ({ startAt, problem }) => {
    const wait = startAtWait(startAt, now);
    expect('problem' in wait && wait.problem).toContain(problem);
  });
});
