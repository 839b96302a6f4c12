import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError, MEMORY_FORMATS, parseMemoryText, readMemoryFile } from '../../src/ingest/index.js';
import { fixture, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

describe('memory samples', () => {
  it('the fixtures: unix_ms,rss_bytes,heap_used_bytes, one sample a second', async () => {
    const mem = await readMemoryFile(fixture('endurance-leak.memory.csv'));
    const rows = readFileSync(fixture('endurance-leak.memory.csv'), 'utf8').trim().split('\n').slice(1);
    expect(mem.source).toBe(fixture('endurance-leak.memory.csv'));
    expect(mem.samples).toHaveLength(rows.length);
    const [t, rss, heap] = rows[0]!.split(',').map(Number);
    expect(mem.samples[0]).toEqual({ t, rssBytes: rss, heapUsedBytes: heap });
    // the leak: RSS climbs ~4 MB/s
    const first = mem.samples[0]!;
    const last = mem.samples.at(-1)!;
    expect((last.rssBytes - first.rssBytes) / ((last.t - first.t) / 1000)).toBeGreaterThan(2e6);
  });

  it.each([
    { what: 'ISO time and process_resident_memory_bytes', text: 'time,process_resident_memory_bytes\n2026-11-27T09:48:39Z,1000\n2026-11-27T09:48:40.500Z,2000\n' },
    { what: 'Unix seconds in `timestamp` and `rss`, CRLF', text: 'timestamp,rss,heap_used_bytes\r\n1795772919,1000,\r\n1795772920.5,2000,\r\n' },
  ])('CSV with $what', ({ text }) => {
    const mem = parseMemoryText('m.csv', text);
    expect(mem.samples.map((s) => s.rssBytes)).toEqual([1000, 2000]);
    expect(mem.samples[1]!.t - mem.samples[0]!.t).toBe(1500);
  });

  it('Prometheus scrapes separated by `# scrape <unix_ms>`, other metrics ignored', () => {
    const text = [
      '# scrape 1700000001000',
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge',
      'process_resident_memory_bytes 5.3235712e+07',
      'nodejs_heap_size_used_bytes{app="api"} 5077424',
      'http_requests_total{code="200"} 1027',
      '# scrape 1700000000000',
      'process_resident_memory_bytes 53000000',
    ].join('\n');
    expect(parseMemoryText('m.prom', text).samples).toEqual([
      { t: 1700000000000, rssBytes: 53000000 },
      { t: 1700000001000, rssBytes: 53235712, heapUsedBytes: 5077424 },
    ]);
  });

  it('Prometheus samples with their own timestamps', () => {
    const text = 'process_resident_memory_bytes 100 1700000000000\nprocess_resident_memory_bytes 200 1700000002000\nnodejs_heap_size_used_bytes 50 1700000002000\n';
    expect(parseMemoryText('m.prom', text).samples).toEqual([
      { t: 1700000000000, rssBytes: 100 },
      { t: 1700000002000, rssBytes: 200, heapUsedBytes: 50 },
    ]);
  });

  it('a gzipped file', async () => {
    const file = join(dir, 'mem.csv.gz');
    writeFileSync(file, gzipSync('unix_ms,rss_bytes\n1,10\n2,20\n'));
    expect((await readMemoryFile(file)).samples).toEqual([
      { t: 1, rssBytes: 10 },
      { t: 2, rssBytes: 20 },
    ]);
  });

  it.each([
    { what: 'no time column', text: 'rss_bytes\n10\n', line: 1, message: "header 'rss_bytes' has no time column (unix_ms, time, timestamp, t)" },
    { what: 'no RSS column', text: 'unix_ms,heap\n1,10\n', line: 1, message: "header 'unix_ms,heap' has no RSS column (rss_bytes, process_resident_memory_bytes, rss)" },
    { what: 'a negative RSS', text: 'unix_ms,rss_bytes\n1,10\n2,-5\n', line: 3, message: "rss_bytes '-5' is not a number of bytes" },
    { what: 'a short row', text: 'unix_ms,rss_bytes\n1,10\n2\n', line: 3, message: "expected 2 columns as in the header, got '2'" },
    { what: 'a bad time', text: 'time,rss_bytes\nnoon,10\n', line: 2, message: "time 'noon' is neither Unix time nor RFC 3339" },
    { what: 'a Prometheus sample without time', text: 'process_resident_memory_bytes 100\n', line: 1, message: "process_resident_memory_bytes has no time: put '# scrape <unix_ms>' before each scrape or a timestamp after the value" },
    { what: 'a Prometheus line that is not a sample', text: '# scrape 1\nprocess_resident_memory_bytes\n', line: 2, message: "expected a Prometheus sample 'name value [timestamp]', got 'process_resident_memory_bytes'" },
  ])('$what → IngestError with the line', ({ text, line, message }) => {
    let err: unknown;
    try {
      parseMemoryText('m.txt', text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).line).toBe(line);
    expect((err as Error).message.startsWith(`m.txt:${line}: ${message}`)).toBe(true);
  });

  it('an empty file and a missing one', async () => {
    expect(() => parseMemoryText('m.csv', '\n')).toThrow(`m.csv: is empty. ${MEMORY_FORMATS}`);
    await expect(readMemoryFile(join(dir, 'none.csv'))).rejects.toThrow(`${join(dir, 'none.csv')}: no such memory samples file`);
  });
});
