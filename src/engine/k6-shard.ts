/**
 * A shard of a distributed k6 test (a CI matrix job, docs/distributed.md): which slice of the test it runs
 * and the k6 flags that run it. Shard i of N runs segment i of the sequence — N equal segments, or the
 * user's own for unequal regions. Every shard runs with `--no-thresholds` (thresholds are judged once, on
 * the merged run: a shard's p95 says nothing about the whole's); `setup()` and `teardown()` run in shard 1
 * only (`--no-setup --no-teardown` elsewhere), as they would run once in one k6. Pure, except for the clock
 * the caller hands {@link startAtWait}.
 */
import { equalSequence, formatSegment, formatSequence, parseSequence, SegmentSyntaxError, type Segment } from '../document/execution-segment.js';

/** What a shard runs, as the user asked for it and as k6 is told. */
export interface ShardPlan {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
  /** Its segment, as k6 writes it: `1/4:1/2`. */
  readonly segment: string;
  /** The whole sequence, as k6 writes it: `0,1/4,1/2,3/4,1`. */
  readonly sequence: string;
  /** The k6 flags that run this slice: `--execution-segment`, `--execution-segment-sequence`, `--no-thresholds`, and `--no-setup --no-teardown` for shards 2…N. */
  readonly flags: readonly string[];
}

/** A `--shard` or `--segment-sequence` the user got wrong; the message names the input and echoes the value. */
export class ShardSpecError extends Error {}

/**
 * The plan of shard `spec` (`i/N`), over N equal segments or `sequence` (k6's syntax, N segments).
 *
 * @param names how the caller names its inputs in messages (`--shard`, `'shard'`).
 * @throws ShardSpecError when `spec` is not `i/N` with 1 ≤ i ≤ N, or `sequence` is not k6's syntax or has
 *   other than N segments.
 * @example shardPlan('2/4').flags
 *   // ['--execution-segment', '1/4:1/2', '--execution-segment-sequence', '0,1/4,1/2,3/4,1', '--no-thresholds', '--no-setup', '--no-teardown']
 */
export function shardPlan(spec: string, sequence?: string, names: { shard: string; sequence: string } = { shard: '--shard', sequence: '--segment-sequence' }): ShardPlan {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  if (!m) throw new ShardSpecError(`${names.shard} must be i/N (this shard's number and the number of shards, e.g. 2/4), but got '${spec}'`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new ShardSpecError(`${names.shard} must be i/N with N ≥ 1, but got '${spec}'`);
  if (index < 1 || index > count) throw new ShardSpecError(`${names.shard} must be i/N with 1 ≤ i ≤ N, but got '${spec}' (shards are numbered from 1)`);
  let segments: Segment[];
  if (sequence === undefined) segments = equalSequence(count);
  else {
    try {
      segments = parseSequence(sequence);
    } catch (err) {
      if (err instanceof SegmentSyntaxError) throw new ShardSpecError(`${names.sequence}: ${err.message}`, { cause: err });
      throw err;
    }
    if (segments.length !== count) {
      throw new ShardSpecError(`${names.sequence} '${sequence}' has ${segments.length} segments, but ${names.shard} '${spec}' says ${count} shards: give N + 1 values from 0 to 1`);
    }
  }
  const segment = formatSegment(segments[index - 1]!);
  const seq = formatSequence(segments);
  const flags = ['--execution-segment', segment, '--execution-segment-sequence', seq, '--no-thresholds', ...(index === 1 ? [] : ['--no-setup', '--no-teardown'])];
  return { index, count, segment, sequence: seq, flags };
}

/** The longest a shard waits for its `start-at`: a later time is a mistake (a wrong date, a wrong zone). */
export const MAX_START_AHEAD_MS = 60 * 60 * 1000;

/**
 * How long to wait before starting at `startAt` (ISO 8601 with a zone): `waitMs` (0 when the time has
 * passed, with a `late` line to warn), or a `problem` for a time that is not ISO or more than
 * {@link MAX_START_AHEAD_MS} ahead.
 *
 * @example startAtWait('2026-12-03T07:30:05Z', new Date('2026-12-03T07:30:00Z')) // { at: Date, waitMs: 5000 }
 */
export function startAtWait(startAt: string, now: Date, option = '--start-at', maxAheadMs = MAX_START_AHEAD_MS): { at: Date; waitMs: number; late?: string } | { problem: string } {
  // An ISO time with its zone: a bare local time would mean another instant on each runner.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(startAt.trim()) || Number.isNaN(Date.parse(startAt))) {
    return { problem: `${option} must be an ISO 8601 time with its zone, such as 2026-12-03T07:30:00Z, but got '${startAt}'` };
  }
  const at = new Date(startAt);
  const ahead = at.getTime() - now.getTime();
  if (ahead > maxAheadMs) {
    return { problem: `${option} ${startAt} is ${Math.round(ahead / 60_000)} min ahead, more than the ${Math.round(maxAheadMs / 60_000)} min a shard waits: check the date and zone of the planning job's time` };
  }
  if (ahead < 0) return { at, waitMs: 0, late: `${option} ${startAt} passed ${(-ahead / 1000).toFixed(1)} s ago: starting now; this shard's load starts that much later than planned` };
  return { at, waitMs: ahead };
}
