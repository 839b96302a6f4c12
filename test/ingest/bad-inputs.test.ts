import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunView } from '../../src/document/run-view.js';
import { ACCEPTED_FORMATS, IngestError, ingestFiles } from '../../src/ingest/index.js';
import { fixture, fixtureText, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

/** The IngestError `ingestFiles` throws for these inputs. */
async function ingestError(paths: string[]): Promise<IngestError> {
  const err = await ingestFiles(paths).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngestError);
  return err as IngestError;
}

describe('a run cut off by killing k6', () => {
  it('aborted.ndjson.gz (gzip stream and last line cut): keeps every complete line, partial, with warnings', async () => {
    const doc = await ingestFiles([fixture('aborted.ndjson.gz')]);
    const complete = fixtureText('aborted.ndjson.gz').split('\n');
    const cut = complete.pop()!;
    expect(cut.length).toBeGreaterThan(0); // the fixture really ends mid-line
    expect(doc.meta.partial).toBe(true);
    expect(doc.meta.sources).toEqual([{ file: fixture('aborted.ndjson.gz'), format: 'k6-ndjson', lines: complete.length, partial: true }]);
    expect(doc.meta.warnings).toEqual([
      `${fixture('aborted.ndjson.gz')}: line ${complete.length + 1} is cut off (k6 was stopped while writing it); read the ${complete.length} complete lines before it`,
      `${fixture('aborted.ndjson.gz')}: the gzip stream ends early (unexpected end of file: k6 was stopped before closing it); read everything up to the break`,
    ]);
    const points = complete.filter((l) => l.includes('"type":"Point"'));
    const requests = points.filter((l) => l.startsWith('{"metric":"http_reqs"')).length;
    expect(new RunView(doc).value('http_reqs', 'count')).toBe(requests);
    expect(requests).toBeGreaterThan(100);
  });

  it.each([
    { what: 'plain', gzip: false },
    { what: 'gzipped (complete stream)', gzip: true },
  ])('a $what file whose last line is cut mid-line: partial, points up to the cut', async ({ gzip }) => {
    const text = fixtureText('smoke-baseline.ndjson.gz');
    const lines = text.split('\n').filter((l) => l !== '');
    const kept = lines.slice(0, 5000);
    const cutLine = lines[5000]!;
    const body = `${kept.join('\n')}\n${cutLine.slice(0, 70)}`;
    const file = join(dir, gzip ? 'cut.ndjson.gz' : 'cut.ndjson');
    writeFileSync(file, gzip ? gzipSync(body) : body);
    const doc = await ingestFiles([file]);
    expect(doc.meta.partial).toBe(true);
    expect(doc.meta.sources[0]).toEqual({ file, format: 'k6-ndjson', lines: 5000, partial: true });
    expect(doc.meta.warnings).toEqual([`${file}: line 5001 is cut off (k6 was stopped while writing it); read the 5000 complete lines before it`]);
    const whole = await ingestFiles([writeLines(join(dir, 'whole.ndjson'), kept)]);
    expect(doc.scopes).toEqual(whole.scopes);
  });

  it('a file without a final newline but a complete last line is not partial', async () => {
    const lines = fixtureText('smoke-baseline.ndjson.gz').split('\n').filter((l) => l !== '').slice(0, 300);
    const file = join(dir, 'no-newline.ndjson');
    writeFileSync(file, lines.join('\n'));
    const doc = await ingestFiles([file]);
    expect(doc.meta.partial).toBe(false);
    expect(doc.meta.sources[0]!.lines).toBe(300);
  });
});

function writeLines(file: string, lines: readonly string[]): string {
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('inputs that are not what perf-gate reads', () => {
  it('a malformed line in the middle: the file and line number, what was expected, what to check', async () => {
    const lines = fixtureText('smoke-baseline.ndjson.gz').split('\n').filter((l) => l !== '').slice(0, 200);
    lines[120] = 'WARN[0003] Request Failed error="Get \\"http://localhost:8080/api\\": dial tcp: connection refused" plus a long tail';
    const file = writeLines(join(dir, 'malformed.ndjson'), lines);
    const err = await ingestError([file]);
    expect(err.file).toBe(file);
    expect(err.line).toBe(121);
    expect(err.message).toBe(
      `${file}:121: expected a k6 JSON output line ({"type":"Point"|"Metric",…}), got 'WARN[0003] Request Failed error="Get \\"http://localhost:8080…': is this file from \`k6 run --out json=…\`?`,
    );
  });

  it('a malformed line in the middle of a gzipped file, after the first chunk', async () => {
    const lines = fixtureText('smoke-baseline.ndjson.gz').split('\n').filter((l) => l !== '');
    lines[15_000] = '{"metric":"http_reqs","type":"Point","data":{"time":"not a time","value":1,"tags":{}}}';
    const file = join(dir, 'malformed.ndjson.gz');
    writeFileSync(file, gzipSync(`${lines.join('\n')}\n`));
    const err = await ingestError([file]);
    expect(err.line).toBe(15_001);
    expect(err.message).toBe(`${file}:15001: a k6 Point line, but its time 'not a time' is not an RFC 3339 time like 2026-11-27T09:48:39.719Z`);
  });

  it.each([
    { what: 'a Metric line that is not a declaration', line: '{"type":"Metric","data":{"name":"x","type":"histogram"},"metric":"x"}', message: /:2: not a k6 Metric declaration \(data\.type: .*\); is this file from/ },
    { what: 'a Point with a string value', line: '{"metric":"x","type":"Point","data":{"time":"2026-11-27T09:48:39Z","value":"1","tags":{}}}', message: /:2: a k6 Point line, but its value is "1", expected a number$/ },
    { what: 'a Point with nested tags', line: '{"metric":"x","type":"Point","data":{"time":"2026-11-27T09:48:39Z","value":1,"tags":{"a":{"b":"c"}}}}', message: /:2: a k6 Point line, but its tags are not an object of strings$/ },
    { what: 'a JSON line of another kind', line: '{"type":"Summary","data":{}}', message: /:2: expected a k6 JSON output line/ },
  ])('$what → IngestError on its line', async ({ line, message }) => {
    const first = '{"type":"Metric","data":{"name":"vus","type":"gauge","contains":"default","thresholds":[],"submetrics":null},"metric":"vus"}';
    const file = writeLines(join(dir, 'kinds.ndjson'), [first, line, first]);
    const err = await ingestError([file]);
    expect(err.line).toBe(2);
    expect(err.message).toMatch(message);
  });

  it('a missing file', async () => {
    const file = join(dir, 'nope.ndjson.gz');
    const err = await ingestError([file]);
    expect(err.message).toBe(`${file}: no such file; check the path (k6 writes it where \`--out json=…\` points)`);
  });

  it('a directory', async () => {
    const sub = join(dir, 'results');
    mkdirSync(sub, { recursive: true });
    expect((await ingestError([sub])).message).toBe(`${sub}: is a directory; give the k6 output file inside it`);
  });

  it.each([
    { what: 'an empty file', name: 'empty.ndjson', content: '', expected: 'is empty (k6 wrote nothing: did the test start?).' },
    { what: 'blank lines only', name: 'blank.ndjson', content: '\n\n  \n', expected: 'holds only blank lines.' },
    { what: 'an empty gzip stream', name: 'empty.ndjson.gz', content: gzipSync(''), expected: 'holds an empty gzip stream.' },
    {
      what: 'a JMeter CSV without its header (print_field_names=false)',
      name: 'results.jtl',
      content: '1700000000000,25,GET /api,200,OK,Thread 1-1,text,true,,512,128,1,1,http://x/api,24,0,3\n',
      expected: "is not a format perf-gate reads (it looks like a JMeter CSV results file without its header line: first line '1700000000000,25,GET /api,200,OK,Thread 1-1,text,true,,512,1…'; which columns JMeter saved depends on its settings, so perf-gate reads JMeter CSV by the names in the header: set jmeter.save.saveservice.print_field_names=true (the default) for the next run, or put the header line of the columns saved above the first row).",
    },
    {
      what: 'a JMeter CSV with tabs',
      name: 'tabs.jtl',
      content: 'timeStamp\telapsed\tlabel\tsuccess\n1700000000000\t25\tGET /api\ttrue\n',
      expected: "is not a format perf-gate reads (it looks like a JMeter CSV results file with another column separator: first line 'timeStamp\\u0009elapsed\\u0009label\\u0009success'; perf-gate reads JMeter's default, commas (jmeter.save.saveservice.default_delimiter=,)).",
    },
    {
      what: 'a JMeter test plan',
      name: 'plan.jmx',
      content: '<?xml version="1.0" encoding="UTF-8"?>\n<jmeterTestPlan version="1.2" properties="5.0" jmeter="5.6.3">\n  <hashTree>\n',
      expected: 'is not a format perf-gate reads (it is a JMeter test plan (.jmx), not its results: give the file JMeter writes with `-l results.jtl`).',
    },
    { what: 'other XML', name: 'pom.xml', content: '<?xml version="1.0"?>\n<!-- x -->\n<project>\n', expected: "is not a format perf-gate reads (XML whose root element is <project>, not JMeter's <testResults>)." },
    {
      what: 'another CSV',
      name: 'data.csv',
      content: 'time,latency_ms\n1,2\n',
      expected: "is not a format perf-gate reads (a CSV whose header 'time,latency_ms' is not k6's 'metric_name,timestamp,metric_value,…').",
    },
    { what: 'random JSON', name: 'package.json', content: '{"name":"x","version":"1.0.0","dependencies":{}}\n', expected: "is JSON but not k6's (top-level keys: name, version, dependencies; k6 summaries have 'metrics' and 'root_group', or 'results.metrics')." },
    { what: 'a JSON array', name: 'arr.json', content: '[1,2,3]', expected: "is not a format perf-gate reads (it starts with '[1,2,3]', a JSON array)." },
    { what: 'broken JSON', name: 'broken.json', content: '{\n  "metrics": {\n', expected: 'starts like JSON but is not valid JSON' },
    { what: 'text', name: 'notes.txt', content: 'hello\n', expected: "is not a format perf-gate reads (first line 'hello')." },
    { what: 'binary', name: 'img.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), expected: 'is not a format perf-gate reads' },
  ])('$what: names the file and lists the accepted formats', async ({ name, content, expected }) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    const err = await ingestError([file]);
    expect(err.file).toBe(file);
    expect(err.message.startsWith(`${file}: ${expected}`)).toBe(true);
    expect(err.message.endsWith(ACCEPTED_FORMATS)).toBe(true);
  });

  it('no inputs at all', async () => {
    await expect(ingestFiles([])).rejects.toThrow('no input files');
  });

  it('a summary together with NDJSON cannot be combined', async () => {
    const err = await ingestError([fixture('smoke-baseline.ndjson.gz'), fixture('smoke-baseline.summary-export.json')]);
    expect(err.message).toContain('holds aggregates only');
  });

  it('a line longer than 16 MiB is refused instead of buffered', async () => {
    const file = join(dir, 'long.ndjson');
    writeFileSync(file, `{"metric":"x","type":"Point","data":{"time":"2026-11-27T09:48:39Z","value":1,"tags":{"u":"${'a'.repeat(17 << 20)}"}}}\n`);
    const err = await ingestError([file]);
    expect(err.message).toBe(`${file}:1: line 1 is longer than 16 MiB: this is not k6 JSON output; is this file from \`k6 run --out json=…\`?`);
  });

  it('corrupt gzip data is an error, not a partial run', async () => {
    const bad = Buffer.from(readFileSync(fixture('smoke-baseline.ndjson.gz')));
    bad[bad.length - 6]! ^= 0xff; // the CRC-32 in the gzip trailer
    const file = join(dir, 'corrupt.ndjson.gz');
    writeFileSync(file, bad);
    const err = await ingestError([file]);
    expect(err.message).toMatch(/the gzip data is corrupt after \d+ bytes \(.*\); re-copy the file or use it uncompressed$/);
  });
});
