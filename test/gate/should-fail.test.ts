import { describe, expect, it } from 'vitest';
import { shouldFail } from '../../src/gate/should-fail.js';

describe('shouldFail: one rule for the CLI (compare, run) and the Action', () => {
  // Every verdict × fail-on × fail-on-inconclusive, written out.
  it.each([
    { verdict: 'pass', failOn: 'fail', failOnInconclusive: false, fails: false },
    { verdict: 'pass', failOn: 'warn', failOnInconclusive: false, fails: false },
    { verdict: 'pass', failOn: 'never', failOnInconclusive: false, fails: false },
    { verdict: 'pass', failOn: 'warn', failOnInconclusive: true, fails: false },
    { verdict: 'warn', failOn: 'fail', failOnInconclusive: false, fails: false },
    { verdict: 'warn', failOn: 'warn', failOnInconclusive: false, fails: true },
    { verdict: 'warn', failOn: 'never', failOnInconclusive: false, fails: false },
    { verdict: 'warn', failOn: 'fail', failOnInconclusive: true, fails: false },
    { verdict: 'fail', failOn: 'fail', failOnInconclusive: false, fails: true },
    { verdict: 'fail', failOn: 'warn', failOnInconclusive: false, fails: true },
    { verdict: 'fail', failOn: 'never', failOnInconclusive: false, fails: false },
    { verdict: 'fail', failOn: 'never', failOnInconclusive: true, fails: false },
    { verdict: 'inconclusive', failOn: 'fail', failOnInconclusive: false, fails: false },
    { verdict: 'inconclusive', failOn: 'warn', failOnInconclusive: false, fails: false },
    { verdict: 'inconclusive', failOn: 'never', failOnInconclusive: false, fails: false },
    { verdict: 'inconclusive', failOn: 'fail', failOnInconclusive: true, fails: true },
    { verdict: 'inconclusive', failOn: 'warn', failOnInconclusive: true, fails: true },
    // Asked for explicitly: the CLI has always failed an inconclusive run here, even with --fail-on never.
    { verdict: 'inconclusive', failOn: 'never', failOnInconclusive: true, fails: true },
  ] as const)('$verdict, fail-on $failOn, fail-on-inconclusive $failOnInconclusive → $fails', ({ verdict, failOn, failOnInconclusive, fails }) => {
    expect(shouldFail(verdict, failOn, failOnInconclusive)).toBe(fails);
  });
});
