import { describe, expect, it } from 'vitest';
import { RunBuilder } from '../../src/document/run-builder.js';
import { K6NdjsonParser } from '../../src/ingest/k6/ndjson.js';
import { PointSink } from '../../src/ingest/point-sink.js';
import { K6_BUILTIN_METRICS } from '../../src/ingest/k6/builtin-metrics.js';
import { IngestError } from '../../src/ingest/errors.js';
import { fixtureText } from './helpers.js';

/**
 * The fast path (byte matching, predicted tags and line ends, the last-time cache) against the general
 * path (`fastPath: false`: every line through JSON.parse), on the recorded k6 runs and on edge cases: the
 * same document text, the same line count, warnings and errors.
 */
type Outcome = { readonly document: string; readonly lines: number; readonly partial: boolean; readonly slowLines: number } | { readonly error: string };

function read(text: string, chunkSize: number, fastPath: boolean): Outcome {
  const builder = new RunBuilder({ groupBy: ['name', 'status'], window: 'auto' });
  const warnings: string[] = [];
  const parser = new K6NdjsonParser('run.ndjson', new PointSink(builder, (w) => warnings.push(w), K6_BUILTIN_METRICS), fastPath);
  const bytes = Buffer.from(text, 'utf8');
  try {
    for (let i = 0; i < bytes.length; i += chunkSize) parser.push(Buffer.from(bytes.subarray(i, i + chunkSize)));
    const { lines, partial } = parser.finish(false, (w) => warnings.push(w));
    const doc = builder.finish({ tool: 'k6', sources: [{ file: 'run.ndjson', format: 'k6-ndjson', lines, partial }], warnings });
    return { document: JSON.stringify(doc), lines, partial, slowLines: parser.slowLines };
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
    return { error: `${err.message} (line ${err.line})` };
  }
}

function expectSame(text: string, chunkSize: number): Outcome {
  const fast = read(text, chunkSize, true);
  const general = read(text, 1 << 20, false);
  if ('error' in general) expect(fast).toEqual(general);
  else {
    expect('error' in fast ? fast : { ...fast, slowLines: general.slowLines }).toEqual(general);
  }
  return fast;
}

const RUNS = ['smoke-baseline', 'smoke-aa', 'smoke-regressed', 'smoke-errors', 'load-baseline', 'endurance-steady', 'endurance-leak', 'aborted'];
/** Lines read of each run (the longer runs' first minutes: the same shapes, a test a few seconds long). */
const MAX_LINES = 25_000;

function recorded(run: string): string {
  const text = fixtureText(`${run}.ndjson.gz`);
  let at = -1;
  for (let i = 0; i < MAX_LINES && (at = text.indexOf('\n', at + 1)) >= 0; i++);
  return at < 0 ? text : text.slice(0, at + 1);
}

describe('NDJSON fast path against the general path', () => {
  // 1 MiB is the reader's chunk; 331 bytes cut lines (and their tags) at every place.
  it.each(RUNS.flatMap((run) => [1 << 20, 331].map((chunkSize) => ({ run, chunkSize }))))('$run in chunks of $chunkSize bytes: the same document', ({ run, chunkSize }) => {
    const text = recorded(run);
    const fast = expectSame(text, chunkSize);
    if ('error' in fast) throw new Error(fast.error);
    // Only Metric lines (and a cut-off last line) take JSON.parse.
    const metricLines = text.split('\n').filter((l) => l.startsWith('{"type":"Metric"')).length;
    expect(fast.slowLines).toBeLessThanOrEqual(metricLines + 1);
  });

  const metric = '{"type":"Metric","data":{"name":"http_req_duration","type":"trend","contains":"time","thresholds":[],"submetrics":null},"metric":"http_req_duration"}';
  const counter = '{"type":"Metric","data":{"name":"http_reqs","type":"counter","contains":"default","thresholds":[],"submetrics":null},"metric":"http_reqs"}';
  const point = (time: string, value: string, tags: string, name = 'http_req_duration'): string => `{"metric":"${name}","type":"Point","data":{"time":"${time}","value":${value},"tags":${tags}}}`;
  const T = '2026-11-27T09:48:39.719132232Z';
  const TAGS = '{"name":"GET /api/alerts","status":"200"}';
  const repeated = (line: string): string[] => [line, line, line];

  it.each([
    { what: 'the same tags line after line', lines: [metric, ...repeated(point(T, '12.5', TAGS))] },
    { what: 'escaped quotes and backslashes in tags', lines: [metric, ...repeated(point(T, '1', '{"name":"a\\"}}}\\\\","status":"2\\"00"}'))] },
    { what: 'unicode in tags and names, raw and escaped', lines: [metric, ...repeated(point(T, '1', '{"name":"ü€😀 \\u00fc\\ud83d\\ude00","status":"\\u003c200\\u003e"}')), point(T, '1', TAGS, 'δ_latency')] },
    { what: 'numbers in exponent form and with many digits', lines: [metric, point(T, '1e-07', TAGS), point(T, '1.5E+2', TAGS), point(T, '2.5e3', TAGS), point(T, '1234567890123456', TAGS), point(T, '0.30000000000000004', TAGS)] },
    { what: 'times that share a prefix with the last one', lines: [metric, point(T, '1', TAGS), point('2026-11-27T09:48:39.7191322325Z', '2', TAGS), point('2026-11-27T09:48:39.719132232+01:00', '3', TAGS), point('2026-11-27T09:48:39Z', '4', TAGS), point('2026-11-27T09:48:39Z', '5', TAGS), point(T, '6', TAGS)] },
    { what: 'an extra field after the tags', lines: [metric, point(T, '1', TAGS), `{"metric":"http_req_duration","type":"Point","data":{"time":"${T}","value":2,"tags":${TAGS},"metadata":{"trace_id":"abc"}}}`, point(T, '3', TAGS)] },
    { what: 'missing tags, null tags, empty tags', lines: [metric, point(T, '1', TAGS), `{"metric":"http_req_duration","type":"Point","data":{"time":"${T}","value":2}}`, point(T, '3', 'null'), point(T, '4', '{}'), point(T, '5', '{}')] },
    { what: 'CRLF line ends after known tags', lines: [metric, `${point(T, '1', TAGS)}\r`, `${point(T, '2', TAGS)}\r`, point(T, '3', TAGS)] },
    { what: 'bytes after the closing braces', lines: [metric, point(T, '1', TAGS), `${point(T, '2', TAGS)}  `, point(T, '3', TAGS)] },
    { what: 'Metric lines between points', lines: [metric, point(T, '1', TAGS), counter, point(T, '1', TAGS, 'http_reqs'), point(T, '2', TAGS)] },
    { what: 'a metric with no Metric line', lines: [point(T, '1', TAGS, 'vus'), point(T, '2', TAGS, 'vus'), point(T, '3', TAGS, 'custom')] },
    { what: 'blank lines and a byte order mark', lines: [`\ufeff${metric}`, '', point(T, '1', TAGS), '   ', point(T, '2', TAGS)] },
    { what: 'a truncated last line (partial)', lines: [metric, point(T, '1', TAGS), point(T, '2', TAGS).slice(0, -9)], end: '' },
    { what: 'a complete last line without its newline', lines: [metric, point(T, '1', TAGS), point(T, '2', TAGS)], end: '' },
    { what: 'a non-Point line', lines: [metric, point(T, '1', TAGS), '{"type":"Other","data":{}}', point(T, '2', TAGS)] },
    { what: 'a line that is not JSON after known tags', lines: [metric, point(T, '1', TAGS), `${point(T, '2', TAGS)}}`] },
    { what: 'a negative duration', lines: [metric, point(T, '1', TAGS), point(T, '-1', TAGS)] },
    { what: 'a bad time', lines: [metric, point(T, '1', TAGS), point('2026-13-27T09:48:39Z', '1', TAGS)] },
    { what: 'a value that is not a number', lines: [metric, point(T, '1', TAGS), point(T, '"1"', TAGS)] },
    { what: 'an exponent too large', lines: [metric, point(T, '1', TAGS), point(T, '1e400', TAGS)] },
    // Longer than the parser's first buffer for a line cut off by a chunk's end (16 KiB), so it grows.
    { what: 'lines of 40 kB and 100 kB', lines: [metric, point(T, '1', `{"name":"${'a'.repeat(40_000)}"}`), point(T, '2', TAGS), point(T, '3', `{"name":"${'b'.repeat(100_000)}","status":"200"}`), point(T, '4', TAGS)] },
  ])('$what', ({ lines, end = '\n' }) => {
    const text = `${lines.join('\n')}${end}`;
    for (const chunkSize of [1 << 16, 64, 7, 1]) expectSame(text, chunkSize);
  });

  it('takes lines with the last tags without looking for their newline, and still counts them', () => {
    const text = `${[metric, ...Array.from({ length: 50 }, (_, i) => point(T, String(i), TAGS))].join('\n')}\n`;
    const fast = expectSame(text, 1 << 16);
    expect(fast).toMatchObject({ lines: 51, slowLines: 1 });
  });
});
