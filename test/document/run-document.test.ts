import { beforeAll, describe, expect, it } from 'vitest';
import { reportedScopeOf, scopeOf, seriesOf, windowsOf } from '../../src/document/by-type.js';
import { RunDocumentSchema, type RunDocument } from '../../src/document/run-document.js';
import { smokeRun } from '../support/github-documents.js';

// Scopes and windows are one shape per metric type; the schema refuses what fits no shape, or the wrong one.
let smoke: RunDocument;
beforeAll(async () => {
  smoke = await smokeRun();
});

/** The JSON of a run document, loosely typed so a test can break it. */
interface Loose {
  scopes: Record<string, Record<string, unknown>>;
  windows: { series: Record<string, Record<string, unknown>[]> };
}

/** A copy of the real smoke run with one change made to its JSON. */
function edited(change: (doc: Loose) => void): unknown {
  const doc = JSON.parse(JSON.stringify(smoke));
  change(doc);
  return doc;
}

function firstIssue(input: unknown): string {
  const r = RunDocumentSchema.safeParse(input);
  if (r.success) return 'parsed';
  const i = r.error.issues[0]!;
  return `${i.path.join('.')}: ${i.message}`;
}

describe('RunDocumentSchema', () => {
  it('reads back a real run exactly, every scope and window with its own type', () => {
    expect(RunDocumentSchema.parse(JSON.parse(JSON.stringify(smoke)))).toEqual(smoke);
  });

  it.each([
    { what: 'a trend window without its sketch', change: (d: Loose) => delete d.windows.series['http_req_duration']![0]!['sketch'], issue: /^windows\.series\.http_req_duration\.0/ },
    { what: 'a rate window without its passes', change: (d: Loose) => delete d.windows.series['http_req_failed']![0]!['passes'], issue: /^windows\.series\.http_req_failed\.0/ },
    { what: 'a counter series holding rate windows', change: (d: Loose) => { d.windows.series['http_reqs'] = d.windows.series['http_req_failed']!; }, issue: /^windows\.series\.http_reqs\.0: not a counter window/ },
    { what: 'a trend series holding counter windows', change: (d: Loose) => { d.windows.series['http_req_duration'] = d.windows.series['http_reqs']!; }, issue: /^windows\.series\.http_req_duration\.0: not a trend window/ },
    { what: 'a series with no scope', change: (d: Loose) => { d.windows.series['nothing'] = []; }, issue: /series 'nothing' has no scope/ },
    { what: 'a series that is not a list', change: (d: Loose) => { (d.windows.series as Record<string, unknown>)['http_reqs'] = { i: 0, count: 1 }; }, issue: /^windows\.series\.http_reqs: not a list of windows/ },
    { what: 'a window that is not an object', change: (d: Loose) => { (d.windows.series['http_reqs'] as unknown[])[1] = 7; }, issue: /^windows\.series\.http_reqs\.1: not a counter window/ },
    { what: 'a trend scope without its histogram', change: (d: Loose) => delete d.scopes['http_req_duration']!['trend'], issue: /^scopes\.http_req_duration/ },
    { what: 'a counter scope holding a rate', change: (d: Loose) => { d.scopes['http_reqs']!['rate'] = { passes: 1, fails: 0 }; delete d.scopes['http_reqs']!['counter']; }, issue: /^scopes\.http_reqs/ },
  ])('refuses $what', ({ change, issue }) => {
    expect(firstIssue(edited(change))).toMatch(issue);
  });

  it('reads a scope of aggregates only, with or without a rate\'s counts', () => {
    const doc = edited((d) => {
      d.scopes.http_req_duration = { metric: 'http_req_duration', tags: {}, type: 'trend', reported: { avg: 12, 'p(95)': 30 } };
      d.scopes.http_req_failed = { metric: 'http_req_failed', tags: {}, type: 'rate', reported: { rate: 0.5, passes: 1, fails: 1 }, rate: { passes: 1, fails: 1 } };
      delete d.windows.series.http_req_duration;
      delete d.windows.series.http_req_failed;
    });
    const parsed = RunDocumentSchema.parse(doc);
    expect(reportedScopeOf(parsed, 'http_req_duration')?.reported).toEqual({ avg: 12, 'p(95)': 30 });
    expect(reportedScopeOf(parsed, 'http_req_failed')?.rate).toEqual({ passes: 1, fails: 1 });
    expect(scopeOf(parsed, 'http_req_duration', 'trend')).toBeUndefined();
  });
});

describe('typed access', () => {
  it.each([
    { what: 'a trend as a trend', name: 'http_req_duration', type: 'trend' as const, found: true },
    { what: 'a counter as a counter', name: 'http_reqs', type: 'counter' as const, found: true },
    { what: 'a rate as a rate', name: 'http_req_failed', type: 'rate' as const, found: true },
    { what: 'a gauge as a gauge', name: 'vus', type: 'gauge' as const, found: true },
    { what: 'a trend as a counter', name: 'http_req_duration', type: 'counter' as const, found: false },
    { what: 'a rate as a trend', name: 'http_req_failed', type: 'trend' as const, found: false },
    { what: 'a scope the run lacks', name: 'no_such_metric', type: 'trend' as const, found: false },
  ])('scopeOf and windowsOf find $what: $found', ({ name, type, found }) => {
    expect(scopeOf(smoke, name, type) !== undefined).toBe(found);
    expect(windowsOf(smoke, name, type).length > 0).toBe(found);
  });

  it('seriesOf gives each window its scope\'s type, with the fields of that type', () => {
    const trend = seriesOf(smoke, 'http_req_duration');
    expect(trend?.type).toBe('trend');
    if (trend?.type === 'trend') expect(trend.windows.every((w) => w.sketch.length > 0 && Number.isFinite(w.sumLog))).toBe(true);
    const rate = seriesOf(smoke, 'http_req_failed');
    if (rate?.type !== 'rate') throw new Error('http_req_failed is a rate');
    expect(rate.windows.reduce((a, w) => a + w.passes, 0)).toBe(scopeOf(smoke, 'http_req_failed', 'rate')!.rate.passes);
  });

  it('an aggregate-only scope has no typed windows', () => {
    const doc = RunDocumentSchema.parse(edited((d) => {
      d.scopes.http_reqs = { metric: 'http_reqs', tags: {}, type: 'counter', reported: { count: 3, rate: 1 } };
      delete d.windows.series.http_reqs;
    }));
    expect(seriesOf(doc, 'http_reqs')).toBeUndefined();
    expect(windowsOf(doc, 'http_reqs', 'counter')).toEqual([]);
  });
});
