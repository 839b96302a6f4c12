import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunDocumentSchema } from '../../src/document/run-document.js';
import { IngestError, ingestFiles } from '../../src/ingest/index.js';
import { tempDir } from './helpers.js';
import { scopeOf } from '../../src/document/by-type.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

const DURATION = '{"type":"Metric","data":{"name":"http_req_duration","type":"trend","contains":"time","thresholds":[],"submetrics":null},"metric":"http_req_duration"}';
const SIZE = '{"type":"Metric","data":{"name":"payload","type":"trend","contains":"data","thresholds":[],"submetrics":null},"metric":"payload"}';
const TIME = '2026-11-27T09:48:39.5Z';
/** k6's own layout: the byte fast path reads it. */
const fast = (metric: string, value: string): string => `{"metric":"${metric}","type":"Point","data":{"time":"${TIME}","value":${value},"tags":{"name":"a"}}}`;
/** k6 v1's layout with metadata: JSON.parse reads it. */
const slow = (metric: string, value: string): string => `{"metric":"${metric}","type":"Point","data":{"time":"${TIME}","value":${value},"tags":{"name":"a"},"metadata":{"trace_id":"x"}}}`;

const HEADER = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';
const csvRow = (metric: string, value: string): string => `${metric},1795773836,${value},,,,true,,GET,a,HTTP/1.1,smoke,,200,,,a,,`;

const WHAT_TO_DO = 'k6 never writes one, so the line was changed or comes from another tool: correct or remove it';
const notFinite = (raw: string, metric: string): string => `value ${raw} of metric '${metric}' is not a finite number (beyond ±1.8e308); ${WHAT_TO_DO}`;
const negative = (raw: string, metric: string): string => `value ${raw} of metric '${metric}' is a negative duration (the metric is a time trend, contains: time); ${WHAT_TO_DO}`;

function write(name: string, lines: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function ingestError(file: string): Promise<IngestError> {
  const err = await ingestFiles([file]).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngestError);
  return err as IngestError;
}

describe('values no measurement can have are IngestErrors naming the file, the line and what to do', () => {
  it.each([
    { what: 'NDJSON fast path: 1e400 (reads as Infinity)', file: 'inf-fast.ndjson', lines: [DURATION, fast('http_req_duration', '1'), fast('http_req_duration', '1e400')], line: 3, message: notFinite('1e400', 'http_req_duration') },
    { what: 'NDJSON JSON.parse path: 1e400', file: 'inf-slow.ndjson', lines: [DURATION, slow('http_req_duration', '1e400')], line: 2, message: notFinite('1e400', 'http_req_duration') },
    { what: 'NDJSON fast path: -1E+400 of a custom size trend', file: 'ninf.ndjson', lines: [SIZE, fast('payload', '-1E+400')], line: 2, message: notFinite('-1E+400', 'payload') },
    { what: 'NDJSON fast path: a negative duration', file: 'neg-fast.ndjson', lines: [DURATION, fast('http_req_duration', '-3.25')], line: 2, message: negative('-3.25', 'http_req_duration') },
    { what: 'NDJSON fast path: a negative duration in exponent form', file: 'neg-exp.ndjson', lines: [DURATION, fast('http_req_duration', '-2.5e-3')], line: 2, message: negative('-2.5e-3', 'http_req_duration') },
    { what: 'NDJSON JSON.parse path: a negative duration', file: 'neg-slow.ndjson', lines: [DURATION, slow('http_req_duration', '-3.25')], line: 2, message: negative('-3.25', 'http_req_duration') },
    { what: 'NDJSON: a built-in time metric without its Metric line', file: 'neg-builtin.ndjson', lines: [fast('http_req_waiting', '-1')], line: 1, message: negative('-1', 'http_req_waiting') },
    { what: 'CSV: 1e400', file: 'inf.csv', lines: [HEADER, csvRow('http_reqs', '1.000000'), csvRow('http_req_duration', '1e400')], line: 3, message: notFinite('1e400', 'http_req_duration') },
    { what: 'CSV: Infinity written out', file: 'inf-word.csv', lines: [HEADER, csvRow('http_req_duration', 'Infinity')], line: 2, message: notFinite('Infinity', 'http_req_duration') },
    { what: 'CSV: a negative duration', file: 'neg.csv', lines: [HEADER, csvRow('http_req_duration', '-0.5')], line: 2, message: negative('-0.5', 'http_req_duration') },
  ])('$what', async ({ file, lines, line, message }) => {
    const path = write(file, lines);
    const err = await ingestError(path);
    expect(err.file).toBe(path);
    expect(err.line).toBe(line);
    expect(err.message).toBe(`${path}:${line}: ${message}`);
  });

  it.each([
    { what: 'a negative value of a custom trend that is not a time', lines: [SIZE, fast('payload', '-3'), slow('payload', '-4')], scope: 'payload', min: -4 },
    { what: 'a negative gauge', lines: ['{"type":"Metric","data":{"name":"delta","type":"gauge","contains":"default","thresholds":[],"submetrics":null},"metric":"delta"}', fast('delta', '-7')], scope: 'delta', min: -7 },
    { what: 'minus zero as a duration', lines: [DURATION, fast('http_req_duration', '-0'), slow('http_req_duration', '-0.0')], scope: 'http_req_duration', min: -0 },
    { what: 'the largest double', lines: [SIZE, fast('payload', '1.7976931348623157e308')], scope: 'payload', min: 1.7976931348623157e308 },
  ])('still read: $what', async ({ lines, scope, min }) => {
    const doc = await ingestFiles([write('ok.ndjson', lines)]);
    expect(RunDocumentSchema.safeParse(JSON.parse(JSON.stringify(doc))).success).toBe(true);
    expect(scopeOf(doc, scope, 'trend')?.trend.min ?? scopeOf(doc, scope, 'gauge')?.gauge.min).toBe(min);
  });
});
