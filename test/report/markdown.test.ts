import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome, Report, ScopeComparison, StageReport } from '../../src/gate/verdict.js';
import { DEFAULT_MAX_LENGTH, GITHUB_COMMENT_LIMIT, TRUNCATION_LEAD, renderMarkdown } from '../../src/report/markdown.js';
import { escapeMarkdown } from '../../src/report/index.js';
import { verdictText } from '../../src/report/view.js';
import { finding, outcome, scope, smallReport, stage, userText } from './arbitraries.js';
import { expectWellFormed, hasLoneSurrogate, unescapedPipes } from './checks.js';
import {
  alertsGetScope,
  failingReport,
  failingSmoke,
  loginScope,
  passingLoad,
  report,
  wholeRunScope,
} from './reports.js';

const MARKER = '<!-- perf-gate:id=smoke -->';

/** The data rows (after header and delimiter) of the n-th table of a rendered report. */
function tableRows(markdown: string, n = 0): string[][] {
  const tables = markdown.split(/\n\n/).filter((b) => b.startsWith('| |'));
  const table = tables[n];
  if (table === undefined) throw new Error(`no table #${n}`);
  return table.split('\n').slice(2).filter((line) => line !== '').map((line) => splitCells(line));
}

function splitCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let backslashes = 0;
  for (const c of line) {
    if (c === '|' && backslashes % 2 === 0) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
    backslashes = c === '\\' ? backslashes + 1 : 0;
  }
  return cells.slice(1);
}

function lastLine(s: string): string {
  return s.trimEnd().split('\n').at(-1) ?? '';
}

describe('renderMarkdown: the verdict line', () => {
  it.each([
    { verdict: 'pass', stage: 'load', expected: '### ✅ pass — load: no regression beyond the limits, thresholds hold' },
    { verdict: 'warn', stage: 'endurance', expected: '### ⚠️ warn — 0 changes beyond a limit in endurance that the data cannot confirm' },
    { verdict: 'fail', stage: 'smoke', expected: '### ❌ fail — 0 breaches in smoke:' },
    { verdict: 'inconclusive', stage: 'smoke', expected: '### ❔ inconclusive — smoke: the data cannot decide (too little data)' },
    { verdict: 'pass', stage: 'GET /a|b <script>', expected: '### ✅ pass — GET /a\\|b &lt;script&gt;: no regression beyond the limits, thresholds hold' },
  ] as const)('$verdict, stage "$stage"', ({ verdict, stage, expected }) => {
    const md = renderMarkdown(report([{ ...passingLoad, stage }], verdict), { marker: MARKER });
    expect(md.split('\n').slice(0, 2)).toEqual([MARKER, expected]);
  });

  it('puts the title between marker and verdict line, escaped', () => {
    const md = renderMarkdown(failingReport, { marker: MARKER, title: 'Perf *checkout*' });
    expect(md.split('\n').slice(0, 3)).toEqual([MARKER, '## Perf \\*checkout\\*', expect.stringMatching(/^### ❌ fail — /)]);
  });

  it.each([
    { what: 'not a comment', marker: 'perf-gate:id=smoke' },
    { what: 'a comment that closes early', marker: '<!-- a --><script>x</script><!-- b -->' },
    { what: 'two lines', marker: '<!-- a\nb -->' },
  ])('rejects a marker that is $what', ({ marker }) => {
    expect(() => renderMarkdown(failingReport, { marker })).toThrow(/'marker' must be one line holding one HTML comment/);
  });
});

describe('renderMarkdown: stages and tables', () => {
  const md = renderMarkdown(failingReport, { marker: MARKER });

  it('orders rows failures first, then warn, inconclusive, pass; larger change first within a group', () => {
    const rows = tableRows(md, 0);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['❌', 'POST /api/alerts'],
      ['❌', 'GET /api/alerts'],
      ['⚠️', '**all requests**'],
      ['❔', 'GET /api/dashboard/metrics'],
      ['✅', 'POST /api/auth/login'],
    ]);
  });

  it('puts the whole run first within its group', () => {
    const both: StageReport = { ...passingLoad, scopes: [{ ...loginScope, latencyChange: 0.05 }, { ...wholeRunScope, outcome: 'pass' }] };
    const rows = tableRows(renderMarkdown(report([both], 'pass')), 0);
    expect(rows.map((r) => r[1])).toEqual(['**all requests**', 'POST /api/auth/login']);
  });

  it('shows baseline → current per percentile, the change, throughput, error rate and how sure', () => {
    const row = tableRows(md, 0)[1];
    expect(row).toEqual(['❌', 'GET /api/alerts', '38.5 → 50.3', '80.1 → 106', '104 → 140', '+29.7 %', '11.3 → 11.1', '0 % → 0 %', 'confirmed (95 % CI +21 … +38 %)']);
  });

  it('writes one line per stage with outcome, runs and partial marks', () => {
    expect(md).toContain('#### ❌ Stage smoke: fail\n\nBaseline 2026-11-24 09:12 UTC, 20 s, k6 0.49.0, 3f2a9c1 → current 2026-11-25 14:40 UTC, 20 s, k6 0.49.0, a81c0e2\n');
    expect(md).toContain('#### ❔ Stage smoke-aborted: inconclusive\n\nBaseline 2026-11-24 09:12 UTC, 20 s, k6-summary 0.49.0, 3f2a9c1 → current 2026-11-25 14:42 UTC, 6.2 s, k6 0.49.0 ⚠️ **partial**\n');
    expect(md).toContain('#### ⚠️ Stage endurance: warn');
    expect(md).toContain('#### ✅ Stage load: pass');
  });

  it('lists failures then warnings with message, metric, statistic, values, change and p-value', () => {
    const smoke = md.slice(md.indexOf('#### ❌ Stage smoke'), md.indexOf('#### ✅ Stage load'));
    const items = smoke.split('\n').filter((l) => l.startsWith('- '));
    expect(items).toEqual([
      '- ❌ POST /api/alerts: p(95) response time +43.8 % (120 ms → 173 ms) is beyond the +10 % limit and confirmed, 95 % CI +24 … +41 %. — http\\_req\\_duration{name:POST /api/alerts} p(95): 120 ms → 173 ms, +43.8 %, p < 0.001, confirmed (95 % CI +24 … +41 %); threshold +10 %',
      '- ❌ GET /api/alerts: p(95) response time +32.2 % (80.1 ms → 106 ms) is beyond the +10 % limit and confirmed, 95 % CI +21 … +38 %. — http\\_req\\_duration{name:GET /api/alerts} p(95): 80.1 ms → 106 ms, +32.2 %, p < 0.001, confirmed (95 % CI +21 … +38 %); threshold +10 %',
      '- ⚠️ all requests: typical response time +6.4 % (20.1 ms → 21.4 ms) is beyond the +5 % limit, but the data cannot confirm it, 95 % CI +1.0 … +12 %. — http\\_req\\_duration med: 20.1 ms → 21.4 ms, +6.4 %, p = 0.03, suggestive (95 % CI +1.0 … +12 %); threshold +5 %',
      '- ℹ️ all requests: throughput −1.6 % (104 req/s → 103 req/s) is within the −15 % limit. — http\\_reqs throughput: 104 req/s → 103 req/s, −1.6 %; threshold −15 %',
      '- 📝 Thresholds of the k6 script were not evaluated: perf-gate compares runs, k6 checks limits.',
    ]);
    // Info findings and notes are collapsed.
    const details = smoke.slice(smoke.indexOf('<details>'));
    expect(details).toMatch(/^<details><summary>Details: 1 info finding, 1 note<\/summary>\n\n- ℹ️ all requests: throughput/);
    expect(details.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('shows the memory summary in MB with slope and growth', () => {
    expect(md).toContain(
      '| Memory | start | end | peak | slope | growth |\n| :- | -: | -: | -: | -: | -: |\n| baseline | 50.8 MB | 70.7 MB | 70.7 MB | +1.20 MB/h | +39.0 % |\n| current | 51.0 MB | 85.9 MB | 86.2 MB | +96.5 MB/h | +68.6 % |',
    );
  });

  it('puts notes of a partial run into the details block', () => {
    const aborted = md.slice(md.indexOf('#### ❔ Stage smoke-aborted'));
    expect(aborted).toContain('<details><summary>Details: 1 info finding, 2 notes</summary>');
    expect(aborted).toContain('- 📝 current run is partial\n- 📝 baseline is aggregate-only: distribution tests not applicable');
  });

  it('is well formed and not truncated', () => {
    expectWellFormed(md);
    expect(lastLine(md).startsWith(TRUNCATION_LEAD)).toBe(false);
    expect(md.endsWith('| current | 51.0 MB | 85.9 MB | 86.2 MB | +96.5 MB/h | +68.6 % |\n')).toBe(true);
  });

  it('appends the trend block last', () => {
    const trend = '```mermaid\nxychart-beta\n  line [80, 106]\n```';
    expect(renderMarkdown(failingReport, { trend }).endsWith(`\n\n${trend}\n`)).toBe(true);
  });

  it('shows run-wide findings that belong to no stage', () => {
    const extra = { ...failingReport, findings: [...failingReport.findings, { ...failingSmoke.findings[1]!, scope: { tag: 'name', value: 'a run-wide question' } }] };
    expect(renderMarkdown(extra)).toContain('#### Run-wide findings\n\n- ⚠️ a run-wide question: typical response time +6.4 %');
  });
});

describe('renderMarkdown: escaping what came from the test', () => {
  const evil: ScopeComparison[] = [
    { ...alertsGetScope, metric: 'http_req_duration{name:GET /a|b <script>}', scope: { tag: 'name', value: 'GET /a|b <script>alert(1)</script>' } },
    { ...alertsGetScope, scope: { tag: 'name', value: '`rm -rf /` **bold** [x](y)' } },
    { ...alertsGetScope, scope: { tag: 'name', value: 'GET /line\nbreak\r\n| --- |' } },
    { ...alertsGetScope, scope: { tag: 'name', value: 'trailing backslash \\' } },
    { ...alertsGetScope, scope: { tag: 'tenant', value: '@acme/admins' } },
    { ...alertsGetScope, scope: { tag: 'name', value: '<!-- perf-gate:id=smoke -->' } },
  ];
  const stageWithEvil: StageReport = {
    ...failingSmoke,
    stage: 'smoke </details>',
    scopes: evil,
    findings: [{ ...failingSmoke.findings[2]!, scope: { tag: 'name', value: 'GET /a|b <script>alert(1)</script> is `slower`\nsee *this*' } }],
    notes: ['note with <img src=x onerror=alert(1)> and | pipe'],
  };
  const md = renderMarkdown(report([stageWithEvil], 'fail'), { marker: MARKER });

  it('keeps every table row at the header’s number of cells', () => {
    expectWellFormed(md);
    const rows = tableRows(md, 0);
    expect(rows).toHaveLength(evil.length);
    for (const r of rows) expect(r).toHaveLength(9);
  });

  it.each([
    { what: 'pipe and script tag', cell: 'GET /a\\|b &lt;script&gt;alert(1)&lt;/script&gt;' },
    { what: 'backticks, emphasis and links', cell: '\\`rm -rf /\\` \\*\\*bold\\*\\* \\[x\\](y)' },
    { what: 'newlines and a fake delimiter row', cell: 'GET /line break \\| --- \\|' },
    { what: 'a trailing backslash', cell: 'trailing backslash \\\\' },
    { what: 'a team mention under another tag', cell: 'tenant=@\u200bacme/admins' },
    { what: 'a fake marker', cell: '&lt;\\!-- perf-gate:id=smoke --&gt;' },
  ])('escapes $what in the endpoint cell', ({ cell }) => {
    expect(tableRows(md, 0).map((r) => r[1])).toContain(cell);
  });

  it('escapes messages, stage names and notes, and has exactly one marker', () => {
    expect(md).toContain('- ❌ GET /a\\|b &lt;script&gt;alert(1)&lt;/script&gt; is \\`slower\\` see \\*this\\*');
    expect(md).toContain('Stage smoke &lt;/details&gt;: fail');
    expect(md).toContain('- 📝 note with &lt;img src=x onerror=alert(1)&gt; and \\| pipe');
    expect(md.split('<!--').length).toBe(2);
  });
});

describe('renderMarkdown: staying under maxLength', () => {
  const trend = `\`\`\`mermaid\nxychart-beta\n  x-axis [${Array.from({ length: 60 }, (_, i) => `run${i}`).join(', ')}]\n\`\`\``;
  const full = renderMarkdown(failingReport, { marker: MARKER, trend });

  it('defaults to GitHub’s limit minus a margin', () => {
    expect(DEFAULT_MAX_LENGTH).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(DEFAULT_MAX_LENGTH).toBe(65_000);
  });

  it('drops the trend chart first', () => {
    const md = renderMarkdown(failingReport, { marker: MARKER, trend, maxLength: full.length - 1 });
    expect(md).not.toContain('mermaid');
    expect(md).toContain('<details>');
    expect(lastLine(md)).toMatch(/^… the trend chart omitted \(report truncated to fit [\d,]+ characters\); see the JSON report\.$/);
  });

  it('drops the detail blocks next, keeping every row', () => {
    const noTrend = renderMarkdown(failingReport, { marker: MARKER });
    const md = renderMarkdown(failingReport, { marker: MARKER, maxLength: noTrend.length - 1 });
    expect(md).not.toContain('<details>');
    expect(tableRows(md, 0)).toHaveLength(5);
    expect(lastLine(md)).toMatch(/^… the details omitted/);
    expect(md.length).toBeLessThanOrEqual(noTrend.length - 1);
  });

  it('then drops rows, passes first, and says how many', () => {
    const smoke = report([failingSmoke], 'fail');
    const noDetails = renderMarkdown(smoke, { maxLength: renderMarkdown(smoke).length - 1 });
    expect(noDetails).not.toContain('<details>');
    const marks = (md: string): string[] => tableRows(md, 0).map((r) => r[0] ?? '');
    expect(marks(noDetails)).toEqual(['❌', '❌', '⚠️', '❔', '✅']);
    const oneRow = renderMarkdown(smoke, { maxLength: noDetails.length - 50 });
    expect(marks(oneRow)).toEqual(['❌', '❌', '⚠️', '❔']);
    expect(oneRow).toContain('_… 1 more row omitted._');
    expect(lastLine(oneRow)).toMatch(/^… 1 row and the details omitted \(report truncated to fit [\d,]+ characters\); see the JSON report\.$/);
    const twoRows = renderMarkdown(smoke, { maxLength: oneRow.length - 50 });
    expect(marks(twoRows)).toEqual(['❌', '❌', '⚠️']);
    expectWellFormed(twoRows);
  });

  it('keeps marker, verdict and note when nothing else fits, and cuts the headline between graphemes', () => {
    const family = '👩‍❤️‍👩';
    const long = report([{ ...failingSmoke, stage: `${family}|<`.repeat(200) }], 'fail');
    const md = renderMarkdown(long, { marker: MARKER, maxLength: 400 });
    expect(md.length).toBeLessThanOrEqual(400);
    const [marker, verdict] = md.split('\n');
    expect(marker).toBe(MARKER);
    expect(verdict).toMatch(new RegExp(`^### ❌ fail — 2 breaches in (${family}\\\\\\|&lt;)*(${family}(\\\\\\|)?)?…$`, 'u'));
    expect(hasLoneSurrogate(md)).toBe(false);
    expect(lastLine(md)).toMatch(/^… 1 stage section omitted/);
  });

  it('says GitHub’s limit when truncating at the default length', () => {
    const big = report([{ ...failingSmoke, scopes: Array.from({ length: 800 }, (_, i) => ({ ...loginScope, scope: { tag: 'name', value: `GET /api/items/${i}/${'x'.repeat(60)}` } })) }], 'fail');
    const md = renderMarkdown(big);
    expect(md.length).toBeLessThanOrEqual(DEFAULT_MAX_LENGTH);
    expect(lastLine(md)).toMatch(/^… \d+ rows and the details omitted \(report truncated to fit GitHub's 65,536-character limit\); see the JSON report\.$/);
  });

  it('throws when maxLength cannot hold even the verdict and the note', () => {
    expect(() => renderMarkdown(failingReport, { marker: MARKER, maxLength: 50 })).toThrow(RangeError);
  });

  it('holds for big random reports: 500–3000 scopes with long names (property)', () => {
    const big = fc
      .integer({ min: 500, max: 3000 })
      .chain((n) =>
        fc.record({
          scopes: fc.array(scope(userText(60, 160)), { minLength: n, maxLength: n }),
          stages: fc.array(stage(fc.constant([]), fc.array(finding, { maxLength: 30 })), { minLength: 1, maxLength: 3 }),
          verdict: outcome,
        }),
      )
      .map(({ scopes, stages, verdict }): Report => {
        const filled = stages.map((s, i) => ({ ...s, scopes: scopes.filter((_, j) => j % stages.length === i) }));
        return { schema: 'perf-gate/report@1', verdict, stages: filled, findings: filled.flatMap((s) => s.findings), generatedAt: '2026-11-25T14:47:12.345Z' };
      });
    fc.assert(
      fc.property(big, fc.integer({ min: 20_000, max: DEFAULT_MAX_LENGTH }), (r: Report, maxLength) => {
        const md = renderMarkdown(r, { marker: MARKER, maxLength, trend: '```mermaid\nxychart-beta\n```' });
        expect(md.length).toBeLessThanOrEqual(maxLength);
        expect(md.split('\n')[1]).toBe(`### ${markOf(r.verdict)} ${escapeMarkdown(verdictText(r))}`);
        expect(lastLine(md)).toMatch(/^… .+ omitted \(report truncated to fit .+\); see the JSON report\.$/);
        expectWellFormed(md);
      }),
      { numRuns: 25, seed: 20261125 },
    );
  });

  it('holds for small random reports and any limit that can hold the verdict (property)', () => {
    fc.assert(
      fc.property(smallReport, fc.integer({ min: 300, max: 20_000 }), outcome, (r, maxLength, verdict) => {
        const md = renderMarkdown({ ...r, verdict }, { marker: MARKER, maxLength });
        expect(md.length).toBeLessThanOrEqual(maxLength);
        expect(md.startsWith(`${MARKER}\n### ${markOf(verdict)} `)).toBe(true);
        expectWellFormed(md);
        for (const line of md.split('\n')) if (line.startsWith('|')) expect(unescapedPipes(line)).toBeGreaterThan(1);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

function markOf(o: Outcome): string {
  return { pass: '✅', warn: '⚠️', fail: '❌', inconclusive: '❔' }[o];
}

describe('escapeMarkdown is exported from the Markdown renderer', () => {
  it('is the same function', async () => {
    const m = await import('../../src/report/markdown.js');
    expect(m.escapeMarkdown).toBe(escapeMarkdown);
  });
});
