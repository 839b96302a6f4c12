import type { Outcome } from './verdict.js';

/** The lowest verdict that fails the build: the CLI's `--fail-on` and the Action's `fail-on` input. */
export type FailOn = 'fail' | 'warn' | 'never';

/**
 * Whether a verdict fails the build. `fail` fails unless `failOn` is `never`; `warn` fails only with
 * `failOn: 'warn'`; `pass` never fails. An inconclusive verdict (the data cannot decide) fails only when
 * `failOnInconclusive` asks for it, whatever `failOn` says: it is no breach, but a gate that must decide
 * can refuse it. The Action passes `false` (it warns on inconclusive); the CLI its `--fail-on-inconclusive`.
 *
 * @example shouldFail('warn', 'warn', false) // true
 * @example shouldFail('fail', 'never', false) // false
 * @example shouldFail('inconclusive', 'fail', true) // true
 */
export function shouldFail(verdict: Outcome, failOn: FailOn, failOnInconclusive: boolean): boolean {
  switch (verdict) {
    case 'pass':
      return false;
    case 'warn':
      return failOn === 'warn';
    case 'fail':
      return failOn !== 'never';
    case 'inconclusive':
      return failOnInconclusive;
  }
}
