import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/gate/verdict.js';
import { renderJson } from '../../src/report/json.js';
import { findingMessage, headlineOf, limitText } from '../../src/report/words.js';
import { smallReport } from './arbitraries.js';
import { alertsGetFinding, failingReport, failingSmoke, report } from './reports.js';

/** The same data with every object's keys in reverse order, as another gate version might build them. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
}

/** The report plus the words the JSON carries: the headline, each finding's limit text and sentence. */
function withWords(r: Report): unknown {
  const word = (f: Finding) => ({ ...f, threshold: limitText(f.limit), message: findingMessage(f, r.acceptedBy) });
  return { ...r, headline: headlineOf(r), stages: r.stages.map((s) => ({ ...s, findings: s.findings.map(word) })), findings: r.findings.map(word) };
}

describe('renderJson', () => {
  const json = renderJson(failingReport);
  const parsed = JSON.parse(json) as Report;

  it('round-trips: parsing the output gives the report back, with its words', () => {
    expect(parsed).toEqual(withWords(failingReport));
  });

  it('uses a 2-space indent and ends with a newline', () => {
    expect(json.startsWith('{\n  "schema": "perf-gate/report@1",\n  "verdict": "fail",\n')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.endsWith('\n\n')).toBe(false);
  });

  it.each([
    { what: 'report', keys: () => Object.keys(parsed), expected: ['schema', 'verdict', 'headline', 'generatedAt', 'stages', 'findings'] },
    { what: 'stage', keys: () => Object.keys(parsed.stages[0] ?? {}), expected: ['stage', 'outcome', 'baselineRun', 'currentRun', 'scopes', 'findings', 'notes'] },
    { what: 'run', keys: () => Object.keys(parsed.stages[0]?.currentRun ?? {}), expected: ['start', 'durationSeconds', 'partial', 'tool', 'toolVersion', 'gitSha'] },
    { what: 'scope comparison', keys: () => Object.keys(parsed.stages[0]?.scopes[2] ?? {}), expected: ['metric', 'scope', 'outcome', 'latencyChange', 'confidence', 'baseline', 'current'] },
    { what: 'scope summary', keys: () => Object.keys(parsed.stages[0]?.scopes[2]?.baseline ?? {}), expected: ['count', 'p50', 'p95', 'p99', 'avg', 'throughput', 'errorRate'] },
    {
      what: 'finding',
      keys: () => Object.keys(parsed.stages[0]?.findings[3] ?? {}),
      expected: ['outcome', 'severity', 'kind', 'metric', 'scope', 'statistic', 'unit', 'baseline', 'current', 'change', 'limit', 'threshold', 'pValue', 'confidence', 'reason', 'message'],
    },
    { what: 'confidence', keys: () => Object.keys(parsed.stages[0]?.findings[3]?.confidence ?? {}), expected: ['level', 'interval'] },
    { what: 'interval', keys: () => Object.keys(parsed.stages[0]?.findings[3]?.confidence.interval ?? {}), expected: ['lower', 'upper', 'confidence'] },
    { what: 'memory', keys: () => Object.keys(parsed.stages[3]?.memory?.current ?? {}), expected: ['startBytes', 'endBytes', 'peakBytes', 'slopeMBPerHour', 'growth'] },
  ])('writes $what keys in the documented order', ({ keys, expected }) => {
    expect(keys()).toEqual(expected);
  });

  it('is stable: the order objects were built in does not matter', () => {
    expect(renderJson(reversedKeys(failingReport) as Report)).toBe(json);
  });

  it('keeps keys it does not know, after the known ones, alphabetically', () => {
    const withExtra = { ...alertsGetFinding, zeta: 1, alpha: 'x' } as Finding;
    const out = JSON.parse(renderJson(report([{ ...failingSmoke, findings: [withExtra] }], 'fail'))) as Report;
    expect(Object.keys(out.stages[0]?.findings[0] ?? {}).slice(-3)).toEqual(['message', 'alpha', 'zeta']);
  });

  it.each([
    { what: 'NaN change', value: Number.NaN, message: 'stages[0].scopes[0].latencyChange is NaN' },
    { what: 'infinite change', value: Number.POSITIVE_INFINITY, message: 'stages[0].scopes[0].latencyChange is Infinity' },
  ])('refuses a $what instead of writing null', ({ value, message }) => {
    const bad = report([{ ...failingSmoke, scopes: [{ ...failingSmoke.scopes[0]!, latencyChange: value }] }], 'fail');
    expect(() => renderJson(bad)).toThrow(new TypeError(`${message}: the JSON report cannot hold a non-finite number`));
  });

  it('round-trips random reports (property)', () => {
    fc.assert(
      fc.property(smallReport, (r) => {
        const out = renderJson(r);
        // JSON has no -0 and no undefined: compare with what JSON itself makes of the report.
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(withWords(r))));
        // Read back, the words are recomputed from the data: the same file again.
        expect(renderJson(JSON.parse(out) as Report)).toBe(out);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
