import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { formatMetricSelector, parseMetricSelector, tryParseMetricSelector } from '../../src/config/metric-selector.js';

describe('parseMetricSelector: k6 submetric syntax', () => {
  it.each<{ what: string; input: string; metric: string; tags: Record<string, string>; canonical: string }>([
    { what: 'plain metric', input: 'http_req_duration', metric: 'http_req_duration', tags: {}, canonical: 'http_req_duration' },
    {
      what: 'one tag, value with spaces and slashes',
      input: 'http_req_duration{name:GET /api/alerts}',
      metric: 'http_req_duration',
      tags: { name: 'GET /api/alerts' },
      canonical: 'http_req_duration{name:GET /api/alerts}',
    },
    {
      what: 'two tags keep their order',
      input: 'http_req_duration{tenant:acme,name:GET /api/alerts}',
      metric: 'http_req_duration',
      tags: { tenant: 'acme', name: 'GET /api/alerts' },
      canonical: 'http_req_duration{tenant:acme,name:GET /api/alerts}',
    },
    {
      what: 'spaces around keys and values are trimmed',
      input: 'http_req_duration{ name: GET /api/alerts , method : GET }',
      metric: 'http_req_duration',
      tags: { name: 'GET /api/alerts', method: 'GET' },
      canonical: 'http_req_duration{name:GET /api/alerts,method:GET}',
    },
    {
      what: 'quoted values lose their quotes (as in k6)',
      input: `http_req_duration{name:"GET /api/alerts"}`,
      metric: 'http_req_duration',
      tags: { name: 'GET /api/alerts' },
      canonical: 'http_req_duration{name:GET /api/alerts}',
    },
    {
      what: 'value with a colon splits on the first',
      input: 'http_req_duration{url:http://127.0.0.1:18080/api}',
      metric: 'http_req_duration',
      tags: { url: 'http://127.0.0.1:18080/api' },
      canonical: 'http_req_duration{url:http://127.0.0.1:18080/api}',
    },
    {
      what: 'value with braces (k6 uses the last })',
      input: 'http_req_duration{name:PUT /api/alerts/{id}}',
      metric: 'http_req_duration',
      tags: { name: 'PUT /api/alerts/{id}' },
      canonical: 'http_req_duration{name:PUT /api/alerts/{id}}',
    },
    {
      what: "Artillery's dotted name",
      input: 'http.response_time{name:GET /api/dashboard/metrics}',
      metric: 'http.response_time',
      tags: { name: 'GET /api/dashboard/metrics' },
      canonical: 'http.response_time{name:GET /api/dashboard/metrics}',
    },
    {
      what: 'boolean-looking tag',
      input: 'http_req_duration{expected_response:true}',
      metric: 'http_req_duration',
      tags: { expected_response: 'true' },
      canonical: 'http_req_duration{expected_response:true}',
    },
  ])('$what', ({ input, metric, tags, canonical }) => {
    const parsed = parseMetricSelector(input);
    expect(parsed).toEqual({ metric, tags });
    expect(Object.keys(parsed.tags)).toEqual(Object.keys(tags));
    expect(formatMetricSelector(parsed)).toBe(canonical);
    expect(parseMetricSelector(canonical)).toEqual(parsed);
  });

  it.each<{ what: string; input: string; reason: string }>([
    { what: 'no closing brace', input: 'http_req_duration{name:x', reason: 'the tag filter must be one {…} at the end' },
    { what: 'text after the brace', input: 'http_req_duration{name:x}y', reason: 'the tag filter must be one {…} at the end' },
    { what: 'empty filter', input: 'http_req_duration{}', reason: 'the tag filter {} is empty' },
    { what: 'tag without value', input: 'http_req_duration{name}', reason: `'name' is not tag:value` },
    { what: 'empty value', input: 'http_req_duration{name:}', reason: `'name:' is not tag:value` },
    { what: 'trailing comma', input: 'http_req_duration{name:x,}', reason: `'' is not tag:value` },
    { what: 'duplicate tag', input: 'http_req_duration{name:x,name:y}', reason: `tag 'name' appears twice` },
    { what: 'space before the brace', input: 'http_req_duration {name:x}', reason: `remove the space before '{'` },
    { what: 'dash in name', input: 'http-req-duration', reason: `'http-req-duration' is not a metric name` },
    { what: 'only tags', input: '{name:x}', reason: 'it has no metric name' },
    { what: 'two dots in a row', input: 'http..response_time', reason: `'http..response_time' is not a metric name` },
    { what: 'a dot at the end', input: 'http.', reason: `'http.' is not a metric name` },
    { what: 'a dot first', input: '.http', reason: `'.http' is not a metric name` },
  ])('rejects $what', ({ input, reason }) => {
    const result = tryParseMetricSelector(input);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(`'${input}' is not a k6 metric selector — ${reason}`);
    expect(() => parseMetricSelector(input, 'stages.smoke.thresholds')).toThrow(ConfigError);
    expect(() => parseMetricSelector(input, 'stages.smoke.thresholds')).toThrow(/^stages\.smoke\.thresholds: /);
  });
});

describe('format → parse roundtrip (property)', () => {
  it('gives the selector back, tags in order', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,30}$/);
    // Keys: no ':' or ','; values: no ','; neither empty nor padded with spaces or quotes (k6 trims those).
    const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,15}$/);
    const value = fc.stringMatching(/^[^,\s"'][^,]{0,20}$/).filter((v) => v.trim() === v && !/["']$/.test(v));
    const tags = fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength: 4 });
    fc.assert(
      fc.property(name, tags, (metric, entries) => {
        const selector = { metric, tags: Object.fromEntries(entries) };
        const text = formatMetricSelector(selector);
        const parsed = parseMetricSelector(text);
        expect(parsed).toEqual(selector);
        expect(Object.keys(parsed.tags)).toEqual(Object.keys(selector.tags));
      }),
      { seed: 20240602, numRuns: 1000 },
    );
  });
});
