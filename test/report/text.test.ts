import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StageReport } from '../../src/gate/verdict.js';
import { renderText } from '../../src/report/text.js';
import { scopeRows } from '../../src/report/view.js';
import { displayWidth } from '../../src/report/width.js';
import { smallReport } from './arbitraries.js';
import { alertsGetScope, failingReport, failingSmoke, passingLoad, report } from './reports.js';

// eslint-disable-next-line no-control-regex -- matching ANSI sequences is the point
const ANSI = /\u001b\[[0-9;]*m/g;

/** The lines of a stage's table: from its header (`verdict  endpoint …`) to the first blank line. */
function tableLines(text: string, stage: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l, i) => l.trimStart().startsWith('verdict') && lines.slice(0, i).some((p) => p.startsWith(`Stage ${stage}:`)));
  const end = lines.indexOf('', start);
  return lines.slice(start, end === -1 ? undefined : end);
}

/** Display column where each cell starts and ends, finding the cells left to right. */
function cellSpans(line: string, cells: readonly string[]): { start: number; end: number }[] {
  let cursor = 0;
  return cells.map((cell) => {
    const at = line.indexOf(cell, cursor);
    if (at === -1) throw new Error(`cell ${JSON.stringify(cell)} not found in ${JSON.stringify(line)}`);
    cursor = at + cell.length;
    const start = displayWidth(line.slice(0, at));
    return { start, end: start + displayWidth(cell) };
  });
}

const HEADER = ['verdict', 'endpoint', 'p50 ms', 'p95 ms', 'p99 ms', 'change', 'req/s', 'error rate', 'how sure'];
const ALIGN = ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'] as const;

function expectAligned(lines: readonly string[], rows: readonly (readonly string[])[]): void {
  const spans = [cellSpans(lines[0] ?? '', HEADER), ...rows.map((cells, i) => cellSpans(lines[i + 1] ?? '', cells))];
  ALIGN.forEach((align, col) => {
    const edges = spans.map((s) => (align === 'left' ? s[col]?.start : s[col]?.end));
    expect(new Set(edges).size, `column ${HEADER[col]} is ${align}-aligned`).toBe(1);
  });
}

describe('renderText', () => {
  const text = renderText(failingReport);

  it('starts with the verdict line', () => {
    expect(text.split('\n')[0]).toMatch(/^perf-gate: fail — 2 breaches in smoke, load, smoke-aborted, endurance: POST \/api\/alerts, GET \/api\/alerts; /);
  });

  it('aligns every column of a stage table, failures first', () => {
    const lines = tableLines(text, 'smoke');
    const rows = scopeRows(failingSmoke.scopes).map((r) => [r.outcome, r.label, r.p50, r.p95, r.p99, r.change, r.throughput, r.errorRate, r.sure]);
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines.slice(1).map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(['fail', 'fail', 'warn', 'inconclusive', 'pass']);
    expectAligned(lines, rows);
  });

  it('aligns by display width with CJK and emoji endpoint names', () => {
    const wide: StageReport = {
      ...passingLoad,
      scopes: [
        { ...alertsGetScope, scope: { tag: 'name', value: 'GET /api/検索/東京' } },
        { ...alertsGetScope, scope: { tag: 'name', value: 'GET /api/👩‍❤️‍👩' }, outcome: 'pass' },
        { ...alertsGetScope, scope: { tag: 'name', value: 'GET /a' }, outcome: 'warn' },
      ],
    };
    const lines = tableLines(renderText(report([wide], 'fail')), 'load');
    const rows = scopeRows(wide.scopes).map((r) => [r.outcome, r.label, r.p50, r.p95, r.p99, r.change, r.throughput, r.errorRate, r.sure]);
    expectAligned(lines, rows);
  });

  it('lists failures and warnings with their messages and numbers, then info, memory and notes', () => {
    expect(text).toContain(
      '  fail  POST /api/alerts: p(95) response time +43.8 % (120 ms → 173 ms) is beyond the +10 % limit and confirmed, 95 % CI +24 … +41 %.\n' +
        '        http_req_duration{name:POST /api/alerts} p(95): 120 ms → 173 ms, +43.8 %, p < 0.001, confirmed (95 % CI +24 … +41 %); threshold +10 %\n',
    );
    expect(text).toContain('  warn  all requests: typical response time +6.4 % (20.1 ms → 21.4 ms) is beyond the +5 % limit');
    expect(text).toContain('  info  all requests: throughput −1.6 % (104 req/s → 103 req/s) is within the −15 % limit.');
    expect(text).toContain('  note: current run is partial\n  note: baseline is aggregate-only: distribution tests not applicable');
    expect(text).toContain('  memory      start      end     peak       slope   growth\n  baseline  50.8 MB  70.7 MB  70.7 MB  +1.20 MB/h  +39.0 %\n');
    expect(text).toContain('current 2026-11-25 14:42 UTC, 6.2 s, k6 0.49.0 (partial)');
  });

  it('writes no ANSI without color, and the same text with color once ANSI is removed', () => {
    expect(text).not.toContain('\u001b');
    const colored = renderText(failingReport, { color: true });
    expect(colored).toContain('\u001b[31mfail\u001b[0m');
    expect(colored).toContain('\u001b[32mpass\u001b[0m');
    expect(colored.replace(ANSI, '')).toBe(text);
  });

  it('shows control characters from the test instead of sending them to the terminal', () => {
    const evil: StageReport = { ...passingLoad, stage: 'load\u001b]0;pwned\u0007', scopes: [{ ...alertsGetScope, scope: { tag: 'name', value: 'GET /a\u001b[2J\nb' } }] };
    const out = renderText(report([evil], 'fail'));
    expect(out).not.toContain('\u001b');
    expect(out).toContain('GET /a\\x1b[2J b');
    expect(out).toContain('Stage load\\x1b]0;pwned\\x07:');
  });

  it('fits a narrow terminal: shortens endpoints (not below 16 columns) and wraps messages', () => {
    const long: StageReport = { ...failingSmoke, scopes: [{ ...alertsGetScope, scope: { tag: 'name', value: `GET /api/alerts/${'segment/'.repeat(10)}` } }] };
    const out = renderText(report([long], 'fail'), { width: 80 });
    const row = tableLines(out, 'smoke')[1] ?? '';
    const label = row.trim().split(/\s{2,}/)[1] ?? '';
    expect(label.endsWith('…')).toBe(true);
    expect(displayWidth(label)).toBeGreaterThanOrEqual(16);
    // Below the table (which may be wider than the terminal), every line fits.
    const afterTable = out.split('\n').slice(out.split('\n').indexOf(row) + 1);
    for (const l of afterTable) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    expect(out).toContain('+43.8 %,'); // a number is never separated from its unit
    expect(out).toContain('  fail  POST /api/alerts: p(95) response time +43.8 % (120 ms → 173 ms) is\n        beyond the +10 % limit and confirmed, 95 % CI +24 … +41 %.');
  });

  it('never shortens or wraps without a width (logs and pipes)', () => {
    const long: StageReport = { ...failingSmoke, scopes: [{ ...alertsGetScope, scope: { tag: 'name', value: `GET /api/alerts/${'segment/'.repeat(10)}` } }] };
    expect(renderText(report([long], 'fail'))).toContain(`GET /api/alerts/${'segment/'.repeat(10)}`);
  });

  it('renders any report without control characters but newlines (property)', () => {
    fc.assert(
      fc.property(smallReport, fc.option(fc.integer({ min: 20, max: 200 }), { nil: undefined }), (r, width) => {
        const out = renderText(r, { width });
        // eslint-disable-next-line no-control-regex -- looking for control characters is the point
        expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
        expect(out.endsWith('\n')).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
