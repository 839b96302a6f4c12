import { describe, expect, it } from 'vitest';
import { formatConfigIssue } from '../../src/config/errors.js';
import { resolvePolicy } from '../../src/config/policy.js';
import { parseConfig, validateConfig } from '../../src/config/schema.js';

/** The problems validation reports, one line each. */
function problems(raw: unknown): string[] {
  const result = validateConfig(raw);
  return result.ok ? [] : result.issues.map((issue) => formatConfigIssue(issue));
}

describe('stages.<name>.sequential', () => {
  it.each([
    { what: 'durations as k6 strings, defaults filled in', seq: { duration: '2m' }, expected: { plannedSeconds: 120, maxSeconds: 120, everySeconds: 30 } },
    { what: 'a budget and a look step', seq: { duration: '2m', maxDuration: '3m', lookEvery: '20s' }, expected: { plannedSeconds: 120, maxSeconds: 180, everySeconds: 20 } },
    { what: 'seconds as numbers', seq: { duration: 60, maxDuration: 90 }, expected: { plannedSeconds: 60, maxSeconds: 90, everySeconds: 15 } },
  ])('$what', ({ seq, expected }) => {
    expect(resolvePolicy(parseConfig({ stages: { load: { sequential: seq } } }), 'load').sequential).toEqual(expected);
  });

  it('is inherited through extends, and a stage without it has none', () => {
    const config = parseConfig({ stages: { load: { sequential: { duration: '1m' } }, 'load-eu': { extends: 'load' } } });
    expect(resolvePolicy(config, 'load-eu').sequential?.plannedSeconds).toBe(60);
    expect(resolvePolicy(config, 'smoke').sequential).toBeUndefined();
  });

  it.each([
    { what: 'a budget below the planned length', seq: { duration: '2m', maxDuration: '1m' }, match: /maxDuration: .*must be at least the planned duration \(120 s\), got 60 s/ },
    { what: 'a look step past the planned length', seq: { duration: '1m', lookEvery: '2m' }, match: /lookEvery: .*must be at most the planned duration \(60 s\)/ },
    { what: 'no planned length', seq: { maxDuration: '1m' }, match: /duration/ },
    { what: 'a planned length too short to look at', seq: { duration: '2s' }, match: /duration: expected a number of seconds/ },
    { what: 'a misspelt key', seq: { duration: '1m', maxDuraton: '2m' }, match: /maxDuraton: unknown key — did you mean 'maxDuration'\?/ },
  ])('refuses $what, naming the key', ({ seq, match }) => {
    const lines = problems({ stages: { load: { sequential: seq } } });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(match);
  });

  it('refuses a sequential stage with endurance rules: it would stop before what they judge', () => {
    const config = parseConfig({ stages: { endurance: { sequential: { duration: '10m' } } } });
    expect(() => resolvePolicy(config, 'endurance')).toThrow(/stages\.endurance\.sequential: stage 'endurance' has endurance rules/);
  });
});
