/**
 * `perf-gate history`: a generated history of the default branch (20 runs, the baseline stores' default
 * length) whose whole-run p95 and one endpoint rise by +10 % in three steps of about +3.2 % on consecutive
 * commits, each under a +5 % limit, while another endpoint stays: the shift is found where it began, on the
 * series that moved only; read from a file, beside a file-store baseline, and from the baseline branch of a
 * git clone (the real git, through the built CLI in dist/).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyFileText } from '../../src/document/history-file.js';
import { FIRST_STEP, history, sha } from '../support/generated-history.js';
import { cli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'perf-gate-history-'));
const file = join(tmp, 'smoke.history.json');
writeFileSync(file, historyFileText('smoke', history(4)));

describe('perf-gate history', () => {
  it('finds the shift where it began, on the whole run and the endpoint that moved, and exits 1', async () => {
    const r = await cli('history', '--stage', 'smoke', '--history', file);
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`perf-gate history: stage smoke, 20 runs (${sha(0).slice(0, 7)} … ${sha(19).slice(0, 7)}), from ${file}`);
    const began = new RegExp(`(?:at|began at) (?:${[FIRST_STEP - 1, FIRST_STEP, FIRST_STEP + 1].map((i) => sha(i).slice(0, 7)).join('|')})`);
    const whole = lines.find((l) => l.startsWith('  p95 of all requests +'));
    expect(whole, r.stdout).toMatch(/^ {2}p95 of all requests \+\d+(?:\.\d)? % \(1\d\d → 1\d\d ms\), /);
    expect(whole).toMatch(began);
    const alerts = lines.find((l) => l.includes('typical latency of GET /api/alerts'));
    expect(alerts, r.stdout).toMatch(began);
    expect(r.stdout).not.toContain('GET /api/tenants +');
  });

  it('gives the shifts as JSON, with the commits and both p-values', async () => {
    const r = await cli('history', '--stage', 'smoke', '--history', file, '--format', 'json');
    const out = JSON.parse(r.stdout) as { runs: number; shifts: { series: { statistic: string; scope?: { value: string } }; beganAt: string; settledAt: string; lastBefore: string; change: number; pValue: number; qValue: number }[] };
    expect(out.runs).toBe(20);
    const whole = out.shifts.find((s) => s.series.scope === undefined)!;
    expect(whole.change).toBeGreaterThan(0.06);
    expect(whole.change).toBeLessThan(0.14);
    expect(whole.qValue).toBeLessThanOrEqual(0.05);
    expect(whole.qValue).toBeGreaterThanOrEqual(whole.pValue);
    expect(out.shifts.map((s) => s.series.scope?.value ?? 'all')).not.toContain('GET /api/tenants');
  });

  it('marks where the shift began on the Markdown trend', async () => {
    const r = await cli('history', '--stage', 'smoke', '--history', file, '--format', 'markdown');
    expect(r.stdout).toContain('```mermaid');
    expect(r.stdout).toMatch(/"[0-9a-f]{7} \(shift\)"/);
  });

  it('exits 0 when the history holds no shift', async () => {
    const flat = join(tmp, 'flat.history.json');
    writeFileSync(flat, historyFileText('smoke', history(4).map((e, i) => ({ ...e, p95: 150 * (1 + 0.01 * Math.sin(i)), levels: [] }))));
    const r = await cli('history', '--stage', 'smoke', '--history', flat);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('  no shift beyond the noise and the minimum change');
  });

  it("reads the newest entry's latency metric only, and says how many runs of another it left out", async () => {
    // The shifted history, but its first 8 runs judged another metric at a third of the level: a shift
    // if they were read with the rest, and another series.
    const mixed = join(tmp, 'mixed.history.json');
    writeFileSync(mixed, historyFileText('smoke', history(4).map((e, i) => (i < 8 ? { ...e, p95: 50, levels: [], latencyMetric: 'http_req_waiting' } : e))));
    const r = await cli('history', '--stage', 'smoke', '--history', mixed, '--format', 'json');
    expect(r.stderr).toBe("perf-gate history: 8 of 20 runs measured another latency metric than the newest (the tool's own) and are left out\n");
    expect((JSON.parse(r.stdout) as { runs: number }).runs).toBe(12);
  });

  it('reads the history beside a file-store baseline', async () => {
    writeFileSync(join(tmp, 'baseline.smoke.history.json'), historyFileText('smoke', history(4)));
    const r = await cli('history', '--stage', 'smoke', '--baseline', join(tmp, 'baseline.smoke.json'));
    expect(r.code, r.stderr).toBe(1);
  });

  it.each([
    { what: 'another stage', args: ['--stage', 'load', '--history', file], says: `perf-gate: ${file} is the history of stage smoke, not load: pass --stage smoke, or the other stage's file` },
    { what: 'a file that is not JSON', args: ['--stage', 'smoke', '--history', 'README.md'], says: 'perf-gate: README.md: not JSON' },
    { what: 'no such file', args: ['--stage', 'smoke', '--history', join(tmp, 'nope.json')], says: `perf-gate: no history of stage smoke: ${join(tmp, 'nope.json')}: no such file` },
    { what: 'a bad --alpha', args: ['--stage', 'smoke', '--history', file, '--alpha', '2'], says: "perf-gate: --alpha must be a number between 0 and 1, but got '2'" },
  ])('says what is wrong with $what (exit 2)', async ({ args, says }) => {
    const r = await cli('history', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(says), r.stderr).toBe(true);
  });

  it("reads the baseline branch of the clone it runs in (git show), the shape the Action's store writes", () => {
    const repo = join(tmp, 'clone');
    mkdirSync(join(repo, 'stages', 'smoke'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { encoding: 'utf8' });
    git('init', '-q', '-b', 'perf-gate-baselines');
    writeFileSync(join(repo, 'stages', 'smoke', 'history.json'), historyFileText('smoke', history(4)));
    git('add', '.');
    git('commit', '-q', '-m', 'history');
    const r = spawnSync(process.execPath, [resolve('dist/cli.js'), 'history', '--stage', 'smoke'], { cwd: repo, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('from git perf-gate-baselines:stages/smoke/history.json');
    const none = spawnSync(process.execPath, [resolve('dist/cli.js'), 'history', '--stage', 'load'], { cwd: repo, encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^perf-gate: no history of stage load: git origin\/perf-gate-baselines:stages\/load\/history.json: .*; git perf-gate-baselines:stages\/load\/history.json: .* — pass --history FILE/);
  });
});
