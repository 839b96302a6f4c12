import { describe, expect, it } from 'vitest';
import { ConfigError, formatConfigIssue, formatConfigPath, formatValue } from '../../src/config/errors.js';

describe('formatConfigPath', () => {
  it.each([
    { path: [], expected: '' },
    { path: ['alpha'], expected: 'alpha' },
    { path: ['stages', 'smoke', 'regresion'], expected: 'stages.smoke.regresion' },
    { path: ['stages', 'smoke', 'thresholds', 'http_req_duration', 0], expected: 'stages.smoke.thresholds["http_req_duration"][0]' },
    {
      path: ['stages', 'load', 'thresholds', 'http_req_duration{name:GET /api/alerts}', 1],
      expected: 'stages.load.thresholds["http_req_duration{name:GET /api/alerts}"][1]',
    },
    { path: ['stages', 'my stage', 'extends'], expected: 'stages["my stage"].extends' },
    { path: ['stages', 'blue-green', 'extends'], expected: 'stages.blue-green.extends' },
    { path: ['groupBy', 2], expected: 'groupBy[2]' },
  ])('$expected', ({ path, expected }) => {
    expect(formatConfigPath(path)).toBe(expected);
  });
});

describe('formatValue', () => {
  it.each([
    { value: '20%', expected: '"20%"' },
    { value: 20, expected: '20' },
    { value: true, expected: 'true' },
    { value: null, expected: 'null' },
    { value: undefined, expected: 'nothing' },
    { value: [1, 'a'], expected: '[1,"a"]' },
    { value: { a: 'x'.repeat(100) }, expected: `{"a":"${'x'.repeat(51)}…` },
  ])('$expected', ({ value, expected }) => {
    expect(formatValue(value)).toBe(expected);
  });
});

describe('ConfigError', () => {
  it('one issue: the message is the line', () => {
    const error = ConfigError.fromIssues([{ path: ['alpha'], message: 'expected a number' }], 'perf-gate.yml');
    expect(error.message).toBe('perf-gate.yml: alpha: expected a number');
    expect(error.path).toBe('alpha');
    expect(error.file).toBe('perf-gate.yml');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
  });

  it('several issues: a count, then every line', () => {
    const error = ConfigError.fromIssues([
      { path: ['alpha'], message: 'a', location: { line: 2, col: 1 } },
      { path: ['window'], message: 'b' },
    ]);
    expect(error.issues).toEqual(['alpha: a', 'window: b']);
    expect(error.message).toBe('2 problems in the perf-gate config:\n  alpha: a\n  window: b');
  });

  it('carries the cause', () => {
    const cause = new Error('EACCES');
    expect(new ConfigError(['x'], { cause }).cause).toBe(cause);
  });

  it('formats located issues as file:line:col', () => {
    expect(formatConfigIssue({ path: ['stages', 'smoke', 'regresion'], message: 'm', location: { line: 7, col: 5 } }, 'perf-gate.yml')).toBe(
      'perf-gate.yml:7:5: stages.smoke.regresion: m',
    );
  });
});
