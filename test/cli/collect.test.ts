/**
 * `perf-gate collect DIR` on shards made from a real k6 run (test/fixtures/k6): its samples dealt to N
 * files as k6-operator's runners write them (every sample tagged `instance_id` and `stage`, files named
 * `<stage>-<testrun>-<i>.ndjson`). Real k6 runners writing such files are in test/real-k6/collect.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { cli } from './run-cli.js';

const FIXTURES = new URL('../fixtures/k6/', import.meta.url).pathname;
const BASELINE = join(FIXTURES, 'smoke-baseline.ndjson.gz');
const REGRESSED = join(FIXTURES, 'smoke-regressed.ndjson.gz');

interface ShardOptions {
  readonly runners: number;
  /** Which runners' files to write (default all). */
  readonly keep?: readonly number[];
  readonly stage?: (runner: number) => string | undefined;
  readonly tagInstance?: boolean;
  readonly name?: (runner: number) => string;
  readonly gzip?: boolean;
  /** Also write every sample, tagged as in the shards, in their order, to this one file. */
  readonly whole?: string;
}

/** The run's samples dealt round-robin to `runners` files, each with every metric declaration. */
function writeShards(source: string, dir: string, o: ShardOptions): string[] {
  mkdirSync(dir, { recursive: true });
  const lines = gunzipSync(readFileSync(source)).toString('utf8').split('\n').filter((l) => l !== '');
  const shards: string[][] = Array.from({ length: o.runners }, () => []);
  const whole: string[] = [];
  let next = 0;
  for (const line of lines) {
    const parsed = JSON.parse(line) as { type: string; data: { tags?: Record<string, string> } };
    if (parsed.type !== 'Point') {
      for (const s of shards) s.push(line);
      whole.push(line);
      continue;
    }
    const runner = (next++ % o.runners) + 1;
    const stage = (o.stage ?? (() => 'smoke'))(runner);
    parsed.data.tags = { ...parsed.data.tags, ...(o.tagInstance === false ? {} : { instance_id: String(runner) }), ...(stage !== undefined ? { stage } : {}) };
    shards[runner - 1]!.push(JSON.stringify(parsed));
    whole.push(JSON.stringify(parsed));
  }
  if (o.whole !== undefined) writeFileSync(o.whole, `${whole.join('\n')}\n`);
  const files: string[] = [];
  for (let i = 1; i <= o.runners; i++) {
    if (o.keep && !o.keep.includes(i)) continue;
    const file = join(dir, (o.name ?? ((r) => `smoke-perf-gate-smoke-${r}.ndjson`))(i) + (o.gzip ? '.gz' : ''));
    const text = `${shards[i - 1]!.join('\n')}\n`;
    writeFileSync(file, o.gzip ? gzipSync(text) : text);
    files.push(file);
  }
  return files;
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'perf-gate-collect-'));
}

/**
 * The value with every float sum (`sum`, `sumLog`, `sumLogSq`) to 12 significant digits: a float sum depends on the order it was added in,
 * which differs between one file and its samples dealt to several (everything else is exact).
 */
function sumsRounded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sumsRounded);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k.startsWith('sum') && typeof v === 'number' ? Number(v.toPrecision(12)) : sumsRounded(v)]));
}

function read(file: string): RunDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as RunDocument;
}

describe('perf-gate collect', () => {
  it('merges the runners\' NDJSON into the run one ingest of the whole gives (scopes, metrics, windows; float sums to 12 digits)', async () => {
    const root = tmp();
    writeShards(BASELINE, join(root, 'in'), { runners: 3, whole: join(root, 'whole.ndjson') });
    const r = await cli('collect', join(root, 'in'), '-o', join(root, 'out'));
    expect(r.stderr).toContain('collected 3 NDJSON shards (runners 1, 2, 3)');
    expect(r.stderr).toContain('stage smoke');
    expect(r.stderr).toContain('wrote the collected run document');
    const collected = read(join(root, 'out', 'smoke.run.json'));
    const whole = await ingestFiles([join(root, 'whole.ndjson')], { stage: 'smoke' });
    expect(sumsRounded(collected.scopes)).toEqual(sumsRounded(whole.scopes));
    expect(sumsRounded(collected.metrics)).toEqual(sumsRounded(whole.metrics));
    expect(sumsRounded(collected.windows)).toEqual(sumsRounded(whole.windows));
    expect(collected.meta.stage).toBe('smoke');
    expect(collected.meta.sources).toHaveLength(3);
    expect(readFileSync(join(root, 'out', 'report.txt'), 'utf8')).toContain('smoke');
    expect([0, 1]).toContain(r.code);
  });

  it('gates against --baseline as compare does: same verdict, same exit code, same endpoint table — and the script\'s thresholds k6 declared', async () => {
    const root = tmp();
    writeShards(REGRESSED, root, { runners: 4, gzip: true });
    const collected = await cli('collect', root, '--baseline', BASELINE, '--stage', 'smoke', '--format', 'markdown');
    const compared = await cli('compare', '--baseline', BASELINE, '--current', REGRESSED, '--stage', 'smoke', '--format', 'markdown');
    expect(collected.code).toBe(compared.code);
    expect(compared.code).toBe(1);
    const table = (md: string): string[] => md.split('\n').filter((l) => l.startsWith('|'));
    expect(table(collected.stdout)).toEqual(table(compared.stdout));
    // Runners run with --no-thresholds: collect judges the thresholds the NDJSON declares (base metrics), compare leaves them to k6.
    for (const t of ['rate&lt;0.01', 'rate&gt;0.99', 'p(95)&lt;500']) {
      expect(collected.stdout, t).toContain(`threshold ${t}`);
    }
  });

  it('without a baseline, judges the SLOs only, like compare of the whole run against nothing', async () => {
    const root = tmp();
    writeShards(BASELINE, root, { runners: 2 });
    const r = await cli('collect', root, '--stage', 'smoke', '--format', 'json');
    const report = JSON.parse(r.stdout) as { verdict: string; stages: { notes?: string[] }[] };
    expect(JSON.stringify(report)).toContain('No baseline');
    expect(r.code).toBe(report.verdict === 'fail' ? 1 : 0);
  });

  it('reads run documents the runners wrote, merged exactly', async () => {
    const root = tmp();
    const shards = writeShards(BASELINE, join(root, 'ndjson'), { runners: 2 });
    mkdirSync(join(root, 'docs'));
    for (const [i, s] of shards.entries()) expect((await cli('ingest', s, '-o', join(root, 'docs', `smoke-${i + 1}.json`), '--stage', 'smoke')).code).toBe(0);
    const r = await cli('collect', join(root, 'docs'), '-o', join(root, 'out'));
    expect(r.stderr).toContain('collected 2 run documents');
    const collected = read(join(root, 'out', 'smoke.run.json'));
    const whole = await ingestFiles([BASELINE], { stage: 'smoke' });
    // Gauges (vus) are left out: merged documents add them (runners at once add up), one builder keeps the last.
    const measured = (d: RunDocument): unknown => sumsRounded(Object.fromEntries(Object.entries(d.scopes).filter(([, sc]) => sc.type !== 'gauge')));
    expect(measured(collected)).toEqual(measured(whole));
  });

  it('reads NDJSON shards and run documents side by side, merged into one run', async () => {
    const root = tmp();
    const [first] = writeShards(BASELINE, join(root, 'in'), { runners: 2 }).splice(1, 1);
    // Runner 2 ran perf-gate ingest itself: its run document replaces its NDJSON.
    expect((await cli('ingest', first!, '-o', join(root, 'in', 'smoke-2.json'), '--stage', 'smoke')).code).toBe(0);
    rmSync(first!);
    const r = await cli('collect', join(root, 'in'), '-o', join(root, 'out'));
    expect(r.stderr).toContain('collected 1 NDJSON shard (runner 1) and 1 run document');
    const collected = read(join(root, 'out', 'smoke.run.json'));
    const whole = await ingestFiles([BASELINE], { stage: 'smoke' });
    const measured = (d: RunDocument): unknown => sumsRounded(Object.fromEntries(Object.entries(d.scopes).filter(([, sc]) => sc.type !== 'gauge')));
    expect(measured(collected)).toEqual(measured(whole));
  });

  it('warns when a runner in the middle wrote no file', async () => {
    const root = tmp();
    writeShards(BASELINE, root, { runners: 4, keep: [1, 2, 4] });
    const r = await cli('collect', root, '--stage', 'smoke');
    expect(r.stderr).toContain('warning: runner 3 of 1..4 wrote no file here');
  });

  it('reads runner numbers from the file names when the samples carry no instance_id', async () => {
    const root = tmp();
    writeShards(BASELINE, root, { runners: 5, keep: [1, 2, 5], tagInstance: false, stage: () => undefined, name: (i) => `load-part-${i}.ndjson` });
    const r = await cli('collect', root, '--stage', 'smoke');
    expect(r.stderr).toContain('warning: runners 3, 4 of 1..5 wrote no file here');
    expect(r.stderr).toContain('(runners 1, 2, 5)');
  });

  it.each([
    {
      what: 'shards of two stages',
      shards: { runners: 2, stage: (i: number) => (i === 1 ? 'smoke' : 'load') },
      args: [] as string[],
      message: /the shards come from 2 stages \(smoke: .*-1\.ndjson; load: .*-2\.ndjson\)/,
    },
    { what: 'another stage than --stage', shards: { runners: 2 }, args: ['--stage', 'load'], message: /--stage load, but the shards were run as stage smoke/ },
    { what: 'one runner twice', shards: { runners: 2, name: (i: number) => `copy-${i}-smoke-1.ndjson`, tagInstance: false }, args: [], message: /runner 1 wrote .*copy-1-smoke-1\.ndjson and .*copy-2-smoke-1\.ndjson/ },
    { what: 'an unknown stage', shards: { runners: 1 }, args: ['--stage', 'smok'], message: /smok/ },
  ])('$what → exit 2', async ({ shards, args, message }) => {
    const root = tmp();
    writeShards(BASELINE, root, shards);
    const r = await cli('collect', root, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('an empty folder → exit 2, saying what it expected', async () => {
    const root = tmp();
    writeFileSync(join(root, 'notes.txt'), 'x');
    const r = await cli('collect', root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds no k6 NDJSON \(\.ndjson, \.ndjson\.gz\) and no run document \(\.json\) \(it holds notes\.txt\)/);
  });

  it('a folder that does not exist → exit 2', async () => {
    const r = await cli('collect', '/nonexistent/perf-gate-results');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read the folder \/nonexistent\/perf-gate-results/);
  });

  it('a .ndjson.gz that is no gzip → exit 2 naming it', async () => {
    const root = tmp();
    writeShards(BASELINE, root, { runners: 2 });
    writeFileSync(join(root, 'smoke-perf-gate-smoke-3.ndjson.gz'), '{"not":"gzip"}\n');
    const r = await cli('collect', root, '--stage', 'smoke');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('smoke-perf-gate-smoke-3.ndjson.gz');
  });

  it('a shard that is not k6 output → exit 2 naming it', async () => {
    const root = tmp();
    writeShards(BASELINE, root, { runners: 2 });
    writeFileSync(join(root, 'smoke-perf-gate-smoke-3.ndjson'), 'not json\n');
    const r = await cli('collect', root, '--stage', 'smoke');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('smoke-perf-gate-smoke-3.ndjson');
  });
});
