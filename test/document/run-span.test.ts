import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunView } from '../../src/document/run-view.js';
import { formatSpan, runSpan } from '../../src/document/run-span.js';
import type { TimeBin } from '../../src/document/time-profile.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { fixture, k6MetricLine, tempDir } from '../ingest/helpers.js';
import { scopeOf } from '../../src/document/by-type.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

const DECLARATIONS = [
  k6MetricLine('http_reqs', 'counter'),
  k6MetricLine('http_req_duration', 'trend', 'time'),
  k6MetricLine('iterations', 'counter'),
  k6MetricLine('vus', 'gauge'),
];
/** 2026-11-27T09:48:40.000Z: the synthetic runs start here. */
const T0 = Date.UTC(2026, 10, 27, 9, 48, 40);
const at = (ms: number): string => new Date(T0 + ms).toISOString();

function point(metric: string, ms: number, value: number, tags = '{"name":"GET /api/alerts"}'): string {
  return `{"metric":"${metric}","type":"Point","data":{"time":"${at(ms)}","value":${value},"tags":${tags}}}`;
}

/** One request (k6 writes its counter and its duration), at `ms` after T0. */
const request = (ms: number): string[] => [point('http_reqs', ms, 1), point('http_req_duration', ms, 20 + (ms % 7))];
const vus = (ms: number, n = 5): string => point('vus', ms, n, '{}');

/** `seconds` of load from T0: `perSecond` requests each second, 200 ms apart, and a `vus` point every second. */
function load(seconds: number, perSecond = 5, fromMs = 0): string[] {
  const lines: string[] = [];
  for (let s = 0; s < seconds; s++) {
    lines.push(vus(fromMs + s * 1000));
    for (let k = 0; k < perSecond; k++) lines.push(...request(fromMs + s * 1000 + k * (1000 / perSecond)));
  }
  return lines;
}

function file(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[...DECLARATIONS, ...lines].join('\n')}\n`);
  return path;
}

const HOUR = 3_600_000;

describe("the run's span leaves out a few points far from its bulk", () => {
  // 20 s of load: requests at 0, 200, …, 19 800 ms; the run is 19.8 s long.
  const base = load(20);
  it.each([
    { what: 'a clean 20 s run', lines: base, start: 0, end: 19_800, setAside: [] },
    {
      what: 'one vus point an hour after the run',
      lines: [...base, vus(HOUR)],
      start: 0,
      end: 19_800,
      // gap 3 600 000 − 19 800 ms
      setAside: [`set aside 1 point (vus) at ${at(HOUR)}, 59 min 40 s after the rest of the run`],
    },
    {
      what: 'one request 30 s before the run (written first)',
      lines: [...request(-30_000), ...base],
      start: 0,
      end: 19_800,
      setAside: [`set aside 2 points (http_reqs, http_req_duration) at ${at(-30_000)}, 30.0 s before the rest of the run`],
    },
    {
      what: 'both: a request 30 s early and a vus point 1 h late',
      lines: [...base.slice(0, 50), ...request(-30_000), ...base.slice(50), vus(HOUR)],
      start: 0,
      end: 19_800,
      setAside: [
        `set aside 2 points (http_reqs, http_req_duration) at ${at(-30_000)}, 30.0 s before the rest of the run`,
        `set aside 1 point (vus) at ${at(HOUR)}, 59 min 40 s after the rest of the run`,
      ],
    },
    {
      what: 'two stray parts on one side, 1 h and 30 s early, in a run of 10 requests a second',
      lines: [vus(-HOUR), ...request(-30_000), ...load(20, 10)],
      start: 0,
      end: 19_900,
      // 3 of 423 points, 1 of 201 requests: within 1 %
      setAside: [`set aside 3 points (http_reqs, http_req_duration, vus) from ${at(-HOUR)} to ${at(-30_000)}, 30.0 s before the rest of the run`],
    },
    {
      what: 'the same two parts in a run of 5 requests a second: 3 of 223 points is over 1 %, only the outer part goes',
      lines: [vus(-HOUR), ...request(-30_000), ...base],
      start: -30_000,
      end: 19_800,
      setAside: [`set aside 1 point (vus) at ${at(-HOUR)}, 59 min 30 s before the rest of the run`],
    },
    {
      what: 'setup requests 0.5 s before the load and teardown 0.3 s after it (kept)',
      lines: [...request(-500), ...base, ...request(20_100)],
      start: -500,
      end: 20_100,
      setAside: [],
    },
    {
      what: "a spike after 30 s of quiet, k6 writing vus every second through it (kept)",
      lines: [...load(10), ...Array.from({ length: 30 }, (_, s) => vus(10_000 + s * 1000, 0)), ...request(40_000)],
      start: 0,
      end: 40_000,
      setAside: [],
    },
    {
      what: 'a ramp-up: 1, 2, 3, … requests a second (kept)',
      lines: Array.from({ length: 10 }, (_, s) => load(1, s + 1, s * 1000)).flat(),
      start: 0,
      // last second: 10 requests, 100 ms apart
      end: 9_900,
      setAside: [],
    },
    {
      what: 'a stray that is not small: 2 % of the requests an hour later (kept)',
      lines: [...base, ...load(1, 2, HOUR)],
      start: 0,
      end: HOUR + 500,
      setAside: [],
    },
    {
      what: 'two halves 10 min apart (shards with skewed clocks): nothing is small (kept)',
      lines: [...base, ...load(20, 5, 600_000)],
      start: 0,
      end: 619_800,
      setAside: [],
    },
    { what: 'a gap of 4.2 s, under the 5 s minimum (kept)', lines: [...base, vus(24_000)], start: 0, end: 24_000, setAside: [] },
    { what: 'a gap of 5.2 s (set aside)', lines: [...base, vus(25_000)], start: 0, end: 19_800, setAside: [`set aside 1 point (vus) at ${at(25_000)}, 5.20 s after the rest of the run`] },
  ])('$what', async ({ lines, start, end, setAside }) => {
    const doc = await ingestFiles([file('run.ndjson', lines)]);
    expect(doc.meta.start).toBe(at(start));
    expect(doc.meta.end).toBe(at(end));
    expect(doc.meta.durationSeconds).toBeCloseTo((end - start) / 1000, 9);
    const warnings = doc.meta.warnings.filter((w) => w.startsWith('set aside'));
    expect(warnings.map((w) => w.slice(0, w.indexOf(': so few')))).toEqual(setAside);
    for (const w of warnings) expect(w).toContain(`duration (${formatSpan(end - start)} without them)`);
  });

  it('throughput and windows come from the run, not from the stray point', async () => {
    const clean = await ingestFiles([file('clean.ndjson', base)]);
    const stray = await ingestFiles([file('stray.ndjson', [...request(-30_000), ...base, vus(HOUR)])]);
    // 100 requests in 19.8 s; the stray request still counts in the total: 101 / 19.8 s.
    expect(new RunView(clean).value('http_reqs', 'rate')).toBeCloseTo(100 / 19.8, 9);
    expect(new RunView(stray).value('http_reqs', 'rate')).toBeCloseTo(101 / 19.8, 9);
    // 1-second windows (a span of an hour would have made them 10 s), and none for the stray points.
    expect(stray.windows.widthMs).toBe(1000);
    expect(stray.windows.originMs).toBe(T0);
    expect(stray.windows.series.vus!.map((w) => w.i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(stray.windows.series.http_reqs).toEqual(clean.windows.series.http_reqs);
  });

  it('iterations are the reference when a run has no requests', async () => {
    const iteration = (ms: number): string => point('iterations', ms, 1, '{}');
    const lines = [iteration(-40_000), ...Array.from({ length: 200 }, (_, i) => iteration(i * 100)), ...Array.from({ length: 20 }, (_, s) => vus(s * 1000))];
    const doc = await ingestFiles([file('iterations.ndjson', lines)]);
    expect(doc.meta.start).toBe(at(0));
    expect(doc.meta.end).toBe(at(19_900));
    expect(doc.meta.warnings[0]).toMatch(/^set aside 1 point \(iterations\) at .*, 40\.0 s before the rest of the run/);
  });

  it.each([
    'smoke-baseline.ndjson.gz',
    'load-baseline.ndjson.gz',
    'endurance-steady.ndjson.gz',
    'aborted.ndjson.gz',
    'smoke-csv.csv.gz',
    // k6 v2.2.0: setup() requests, 7 s of a scenario's startTime and setup sleep, the load, teardown() after 4 s of sleep
    'v1-v2/setup-teardown-v2.2.0.ndjson.gz',
  ])('recorded run %s: nothing set aside, the span is first to last point', async (name) => {
    const doc = await ingestFiles([fixture(name)]);
    expect(doc.meta.warnings.filter((w) => w.startsWith('set aside'))).toEqual([]);
  });

  it('the recorded setup/teardown run spans from the setup request to the teardown request', async () => {
    const doc = await ingestFiles([fixture('v1-v2/setup-teardown-v2.2.0.ndjson.gz')]);
    const setup = scopeOf(doc, 'http_reqs{name:setup}', 'counter');
    const teardown = scopeOf(doc, 'http_reqs{name:teardown}', 'counter');
    expect(setup?.counter?.count).toBe(1);
    expect(teardown?.counter?.count).toBe(1);
    // the setup sleep, the startTime and the teardown sleep are 4 + 3 + 4 s of quiet around 3 s of load
    expect(doc.meta.durationSeconds).toBeGreaterThan(14);
    expect(doc.meta.durationSeconds).toBeLessThan(16);
  });
});

describe('runSpan on bins', () => {
  const bin = (startMs: number, points: number, requests = 0): TimeBin => ({ startMs, points, requests, iterations: 0, firstMs: startMs, lastMs: startMs + 500, metrics: 1, moreMetrics: undefined });

  it('no points: no span', () => {
    expect(runSpan([])).toBeUndefined();
  });

  it('a single point is the run, however far', () => {
    expect(runSpan([bin(0, 1)])).toEqual({ firstMs: 0, lastMs: 500, setAside: [] });
    expect(runSpan([bin(0, 1, 1), bin(HOUR, 1, 1)])?.setAside).toEqual([]);
  });

  it('what is set aside at one end stays within 1 % of the points, however many passes', () => {
    // 980 points of load, and at each end three parts of 4 points, 1, 2 and 3 h out: 1004 points, 1 % is
    // 10.04, so at each end the outer 8 go and the part 1 h out stays (12 would be too many).
    const bins = [bin(-3 * HOUR, 4, 4), bin(-2 * HOUR, 4, 4), bin(-HOUR, 4, 4), ...Array.from({ length: 20 }, (_, i) => bin(i * 1000, 49, 49)), bin(HOUR, 4, 4), bin(2 * HOUR, 4, 4), bin(3 * HOUR, 4, 4)];
    const span = runSpan(bins)!;
    expect(span.setAside.map((s) => [s.side, s.points, s.gapMs])).toEqual([
      ['before', 8, HOUR - 500],
      ['after', 8, HOUR - 500],
    ]);
    expect(span.firstMs).toBe(-HOUR);
    expect(span.lastMs).toBe(HOUR + 500);
  });
});

describe('formatSpan', () => {
  it.each([
    { ms: 850, text: '850 ms' },
    { ms: 5_200, text: '5.20 s' },
    { ms: 20_290, text: '20.3 s' },
    { ms: 3_580_200, text: '59 min 40 s' },
    { ms: 7_500_000, text: '2 h 5 min' },
  ])('$ms ms → $text', ({ ms, text }) => {
    expect(formatSpan(ms)).toBe(text);
  });
});
