import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { K6 } from '../gate/fixtures.js';
import { cli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'perf-gate-cli-'));
const write = (name: string, content: string | Buffer): string => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('perf-gate compare exit statuses', () => {
  it.each([
    { what: 'A/A passes', current: 'smoke-aa', code: 0, verdict: 'pass' },
    { what: 'regression fails', current: 'smoke-regressed', code: 1, verdict: 'fail' },
    { what: 'error injection fails', current: 'smoke-errors', code: 1, verdict: 'fail' },
  ])('$what', async ({ current, code, verdict }) => {
    const r = await cli('compare', '--baseline', `${K6}smoke-baseline.ndjson.gz`, '--current', `${K6}${current}.ndjson.gz`, '--format', 'json');
    expect(r.code).toBe(code);
    expect(JSON.parse(r.stdout).verdict).toBe(verdict);
  });

  it('--fail-on never exits 0 on a failure but still prints it', async () => {
    const r = await cli('compare', '--baseline', `${K6}smoke-baseline.ndjson.gz`, '--current', `${K6}smoke-regressed.ndjson.gz`, '--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/fail/);
  });

  it('--fail-on warn fails a run whose only findings are warnings', async () => {
    // Aggregate-only inputs cannot confirm a change: the regressed summary gives warnings, not failures.
    const args = ['compare', '--baseline', `${K6}smoke-baseline.handle-summary.json`, '--current', `${K6}smoke-regressed.handle-summary.json`, '--format', 'json'];
    const lenient = await cli(...args);
    expect(JSON.parse(lenient.stdout).verdict).toBe('warn');
    expect(lenient.code).toBe(0);
    expect((await cli(...args, '--fail-on', 'warn')).code).toBe(1);
  });

  it('writes markdown to -o and still prints the verdict', async () => {
    const out = join(tmp, 'report.md');
    const r = await cli('compare', '--baseline', `${K6}smoke-baseline.ndjson.gz`, '--current', `${K6}smoke-regressed.ndjson.gz`, '--format', 'markdown', '-o', out);
    expect(r.code).toBe(1);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/POST \/api\/alerts/);
    expect(md).toContain('|');
    expect(r.stdout).toMatch(/Stage smoke: fail/);
  });

  it('a run document round-trips: ingest, then compare the documents', async () => {
    const base = join(tmp, 'base.json');
    const cur = join(tmp, 'cur.json');
    expect((await cli('ingest', `${K6}smoke-baseline.ndjson.gz`, '-o', base, '--stage', 'smoke', '--label', 'runner=ci')).code).toBe(0);
    expect((await cli('ingest', `${K6}smoke-regressed.ndjson.gz`, '-o', cur)).code).toBe(0);
    const r = await cli('compare', '--baseline', base, '--current', cur, '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(base, 'utf8')).meta.labels).toEqual({ runner: 'ci' });
  });

  it('inconclusive (too few requests to judge) exits 0 unless --fail-on-inconclusive', async () => {
    // The first 40 lines of a real run: a handful of requests, far below minSamples.
    const few = gunzipSync(readFileSync(`${K6}smoke-aa.ndjson.gz`)).toString('utf8').split('\n').slice(0, 40).join('\n');
    const current = write('few.ndjson', `${few}\n`);
    // Endpoints of the baseline with no request in the cut run warn by default (coverage.missing); set to
    // ignore, what is left is too few requests to judge.
    const defaults = await cli('compare', '--baseline', `${K6}smoke-baseline.ndjson.gz`, '--current', current, '--format', 'json');
    expect(JSON.parse(defaults.stdout).verdict).toBe('warn');
    expect(defaults.code).toBe(0);
    const config = write('ignore-missing.yml', 'coverage:\n  missing: ignore\n');
    const args = ['compare', '--baseline', `${K6}smoke-baseline.ndjson.gz`, '--current', current, '--format', 'json', '--config', config];
    const lenient = await cli(...args);
    expect(JSON.parse(lenient.stdout).verdict).toBe('inconclusive');
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/inconclusive/);
    const strict = await cli(...args, '--fail-on-inconclusive');
    expect(strict.code).toBe(1);
  });
});

describe('bad input: one clear message, exit 2, no stack trace', () => {
  const cut = gunzipSync(readFileSync(`${K6}smoke-baseline.ndjson.gz`)).toString('utf8').split('\n');
  cut[100] = '{"metric":"http_reqs","type":"Point","data":{"time":';
  const malformed = write('malformed.ndjson', cut.join('\n'));
  mkdirSync(join(tmp, 'a-directory'), { recursive: true });

  it.each([
    { what: 'missing file', file: join(tmp, 'nope.ndjson'), says: /nope\.ndjson/ },
    { what: 'empty file', file: write('empty.ndjson', ''), says: /empty/i },
    { what: 'a directory', file: join(tmp, 'a-directory'), says: /a-directory/ },
    { what: 'random JSON', file: write('random.json', '{"hello": "world"}\n'), says: /k6/ },
    { what: 'a JMeter results file without its success column', file: write('results.jtl', 'timeStamp,elapsed,label,responseCode,responseMessage,threadName\n1700000000000,12,GET /,200,OK,t-1\n'), says: /results\.jtl:1: the header has no 'success' column/ },
    { what: 'a malformed line in the middle', file: malformed, says: /malformed\.ndjson:101/ },
  ])('$what', async ({ file, says }) => {
    const r = await cli('summarize', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(says);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
  });

  it('a bad config names the key and suggests the right one', async () => {
    const cfg = write('perf-gate.yml', 'stages:\n  smoke:\n    regresion:\n      latency: { maxIncrease: 0.2 }\n');
    const r = await cli('compare', '--config', cfg, '--baseline', `${K6}smoke-baseline.ndjson.gz`, '--current', `${K6}smoke-aa.ndjson.gz`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stages\.smoke\.regresion: unknown key — did you mean 'regression'\?/);
  });

  it('an unknown option is a usage error', async () => {
    const r = await cli('compare', '--baseline', 'a', '--current', 'b', '--formt', 'json');
    expect(r.code).toBe(2);
  });

  it('--verbose adds the stack trace', async () => {
    const r = await cli('--verbose', 'summarize', join(tmp, 'nope.ndjson'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('perf-gate summarize', () => {
  it("agrees with k6's handleSummary within 1 % (trends) and exactly (counts, rates)", async () => {
    const r = await cli('summarize', `${K6}smoke-baseline.ndjson.gz`, '--json');
    expect(r.code).toBe(0);
    const ours = JSON.parse(r.stdout).metrics as Record<string, { values: Record<string, number> }>;
    const k6 = JSON.parse(readFileSync(`${K6}smoke-baseline.handle-summary.json`, 'utf8')).metrics as Record<string, { type: string; values: Record<string, number> }>;
    let checked = 0;
    for (const [name, m] of Object.entries(k6)) {
      const mine = ours[name];
      expect(mine, name).toBeDefined();
      for (const [key, expected] of Object.entries(m.values)) {
        if (m.type === 'counter' && key === 'rate') continue; // k6 divides by its own run duration, not in NDJSON
        const actual = mine!.values[key]!;
        if (m.type === 'trend') expect(Math.abs(actual - expected), `${name} ${key}`).toBeLessThanOrEqual(Math.abs(expected) * 0.01 + 1e-9);
        else expect(actual, `${name} ${key}`).toBe(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('prints a readable table', async () => {
    const r = await cli('summarize', `${K6}smoke-csv.csv.gz`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/http_req_duration\s+avg=/);
  });
});

describe('perf-gate merge', () => {
  it('adds the shards exactly', async () => {
    const a = join(tmp, 'a.json');
    const merged = join(tmp, 'merged.json');
    await cli('ingest', `${K6}smoke-baseline.ndjson.gz`, '-o', a);
    const r = await cli('merge', a, a, '-o', merged);
    expect(r.code).toBe(0);
    const s = await cli('summarize', merged, '--json');
    const one = await cli('summarize', a, '--json');
    const m = JSON.parse(s.stdout).metrics;
    const o = JSON.parse(one.stdout).metrics;
    expect(m['http_reqs'].values.count).toBe(2 * o['http_reqs'].values.count);
    expect(m['http_req_duration'].values.count).toBe(2 * o['http_req_duration'].values.count);
    expect(m['http_req_duration'].values.avg).toBeCloseTo(o['http_req_duration'].values.avg, 9);
    expect(m['http_req_duration'].values.max).toBe(o['http_req_duration'].values.max);
    expect(m['http_req_failed'].values.fails).toBe(2 * o['http_req_failed'].values.fails);
  });
});
