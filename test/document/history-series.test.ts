/** Which stored runs make one series of a stage's history (src/document/history-entry.ts). */
import { describe, expect, it } from 'vitest';
import { entriesOfLatency, newestLatencySeries, type HistoryEntry } from '../../src/document/history-entry.js';

const entry = (sha: string, latencyMetric?: string): HistoryEntry => ({
  sha,
  start: '2026-11-01T00:00:00Z',
  end: '2026-11-01T00:10:00Z',
  durationSeconds: 600,
  p50: 40,
  p95: 150,
  p99: 240,
  throughput: 100,
  errorRate: 0,
  ...(latencyMetric !== undefined ? { latencyMetric } : {}),
});

const OWN = 'http_req_duration';
const API = 'http_req_duration{scenario:api}';
const mixed = [entry('a'), entry('b', API), entry('c'), entry('d', OWN), entry('e', API)];

describe('entriesOfLatency', () => {
  it.each([
    { what: "the tool's own: entries without a metric and those naming it", judged: OWN, expected: ['a', 'c', 'd'] },
    { what: 'a configured metric: only entries naming it', judged: API, expected: ['b', 'e'] },
    { what: 'a metric no entry describes', judged: 'iteration_duration', expected: [] },
  ])('$what', ({ judged, expected }) => {
    expect(entriesOfLatency(mixed, judged, OWN).map((e) => e.sha)).toEqual(expected);
  });
});

describe('newestLatencySeries', () => {
  it.each([
    { what: 'nothing stored', history: [], expected: [] },
    { what: 'the newest names a metric', history: mixed, expected: ['b', 'e'] },
    { what: "the newest is the tool's own", history: [...mixed, entry('f')], expected: ['a', 'c', 'f'] },
    { what: 'one metric throughout: all of it', history: [entry('a'), entry('b')], expected: ['a', 'b'] },
  ])('$what', ({ history, expected }) => {
    expect(newestLatencySeries(history).map((e) => e.sha)).toEqual(expected);
  });
});
