import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerExecArgv } from '../../src/ingest/builder-thread.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { fixture, fixtureText } from './helpers.js';

/**
 * The builder thread only exists in the bundles (a worker cannot load the TypeScript source), so these
 * tests build them with scripts/build.mjs into a folder under build/ (git-ignored, inside the repository so
 * that dist/lib.js finds its dependencies) and compare what they write with the source ingest in one thread.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';
let out = '';

beforeAll(() => {
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  dir = mkdtempSync(join(ROOT, 'build', 'builder-thread-'));
  out = join(dir, 'dist');
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out], { cwd: ROOT, stdio: 'pipe' });
}, 180_000);
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** ingestFiles of the bundled library in a fresh Node, with a builder thread whatever the input's size. */
function bundledIngest(files: readonly string[], nodeFlags: readonly string[] = []): string {
  const code = `const { ingestFiles } = await import(process.argv[1]);
const doc = await ingestFiles(process.argv.slice(2), { builderThread: 'always' });
process.stdout.write(JSON.stringify(doc));`;
  return execFileSync(process.execPath, [...nodeFlags, '--input-type=module', '-e', code, pathToFileURL(join(out, 'lib.js')).href, ...files], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('the builder thread, from the bundles', () => {
  it.each([
    { what: 'a smoke run', files: ['smoke-errors.ndjson.gz'] },
    { what: 'a killed run (truncated gzip, cut-off last line): partial', files: ['aborted.ndjson.gz'] },
    { what: 'two shards of one run', files: ['smoke-baseline.ndjson.gz', 'smoke-aa.ndjson.gz'] },
    { what: 'k6 CSV', files: ['smoke-csv.csv.gz'] },
  ])('dist/lib.js builds the document the source builds in one thread: $what', async ({ files }) => {
    const paths = files.map(fixture);
    const expected = JSON.stringify(await ingestFiles(paths, { builderThread: 'never' }));
    expect(bundledIngest(paths)).toBe(expected);
  }, 60_000);

  it('dist/lib.js under V8 flags a worker refuses in its execArgv (node --expose-gc --max-old-space-size=…): the same document', async () => {
    const paths = [fixture('smoke-aa.ndjson.gz')];
    const expected = JSON.stringify(await ingestFiles(paths, { builderThread: 'never' }));
    expect(bundledIngest(paths, ['--expose-gc', '--max-old-space-size=2000'])).toBe(expected);
  }, 60_000);

  it('dist/lib.js names the file and line of a bad line', () => {
    const lines = fixtureText('smoke-baseline.ndjson.gz').split('\n');
    lines.splice(5000, 0, '{"metric":"http_reqs","type":"Point","data":{"time":"yesterday","value":1,"tags":{}}}');
    const file = join(dir, 'bad.ndjson');
    writeFileSync(file, lines.join('\n'));
    let stderr = '';
    try {
      bundledIngest([file]);
    } catch (err) {
      stderr = String((err as { stderr?: unknown }).stderr);
    }
    expect(stderr).toContain(`${file}:5001: a k6 Point line, but its time 'yesterday' is not an RFC 3339 time`);
  }, 60_000);

  it('dist/cli.js ingest writes the same document for an input large enough to get the thread (≥ 32 MB, where there are three cores)', async () => {
    const text = fixtureText('smoke-baseline.ndjson.gz');
    const file = join(dir, 'big.ndjson');
    // The same points five times over: 33 MB, one run as far as the builder is concerned.
    const points = text.split('\n').filter((l) => l !== '' && !l.startsWith('{"type":"Metric"'));
    const metrics = text.split('\n').filter((l) => l.startsWith('{"type":"Metric"'));
    writeFileSync(file, [...metrics, ...points, ...points, ...points, ...points, ...points].join('\n') + '\n');
    const doc = join(dir, 'big.json');
    execFileSync(process.execPath, [join(out, 'cli.js'), 'ingest', file, '-o', doc], { stdio: 'pipe' });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(doc, 'utf8')).toBe(`${JSON.stringify(await ingestFiles([file], { builderThread: 'never' }))}\n`);
  }, 120_000);

  it("the source refuses builderThread 'always', which it cannot honour", async () => {
    await expect(ingestFiles([fixture('smoke-aa.ndjson.gz')], { builderThread: 'always' })).rejects.toThrow(/needs the bundle's dist\/ingest-worker.js/);
  });
});

describe('workerExecArgv', () => {
  it.each([
    { what: 'nothing', argv: [], expected: [] },
    { what: 'flags a worker takes are kept', argv: ['--cpu-prof', '--cpu-prof-dir', '/tmp/p'], expected: ['--cpu-prof', '--cpu-prof-dir', '/tmp/p'] },
    { what: 'node --input-type=module -e CODE', argv: ['--input-type=module', '-e', 'await run()'], expected: [] },
    { what: '--input-type as two arguments, --eval=CODE, -p CODE', argv: ['--input-type', 'module', '--eval=1', '-p', '2', '--trace-gc'], expected: ['--trace-gc'] },
  ])('$what', ({ argv, expected }) => {
    expect(workerExecArgv(argv)).toEqual(expected);
  });
});
