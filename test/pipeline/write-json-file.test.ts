import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.js';
import { writeJsonFileSync } from '../../src/pipeline/write-json-file.js';

const tmp = mkdtempSync(join(tmpdir(), 'perf-gate-json-file-'));

describe('writeJsonFileSync', () => {
  it('writes a real run document as JSON.stringify and a newline would', async () => {
    const doc = await ingestFiles(['test/fixtures/k6/smoke-baseline.ndjson.gz'], {});
    const file = join(tmp, 'smoke.run.json');
    writeJsonFileSync(file, doc);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(doc)}\n`);
  });

  it('writes text beyond one batch, with characters outside ASCII, whole', () => {
    const value = { names: Array.from({ length: 40_000 }, (_, i) => `GET /api/é/${i} — ✓ 🚀`) };
    const file = join(tmp, 'big.json');
    writeJsonFileSync(file, value);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(value)}\n`);
  });

  it('throws the file system’s error for a folder that does not exist', () => {
    expect(() => writeJsonFileSync(join(tmp, 'no', 'such', 'x.json'), {})).toThrow(/ENOENT/);
  });
});
