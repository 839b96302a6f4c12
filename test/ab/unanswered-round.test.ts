import { describe, expect, it } from 'vitest';
import { answered, unansweredRound } from '../../src/ab/unanswered-round.js';
import { lognormal, syntheticRun, withoutSignatures } from '../gate/synthetic.js';

/** A round of 100 requests of which the first `refused` got no answer (status 0) and the next `errors` a 500. */
function roundOf(refused: number, errors = 0) {
  return syntheticRun({
    endpoints: {
      'GET /a': {
        latencies: lognormal(100, 10, 0.2, 3),
        status: (i) => (i < refused ? 0 : i < refused + errors ? 500 : 200),
        failed: (i) => i < refused + errors,
      },
    },
  });
}

describe('unansweredRound', () => {
  it.each([
    { what: 'every request answered', refused: 0, errors: 0, expected: undefined },
    { what: 'half refused: a sick service, still measured', refused: 50, errors: 0, expected: undefined },
    { what: '89 % refused: under the 90 % line', refused: 89, errors: 0, expected: undefined },
    { what: '90 % refused', refused: 90, errors: 0, expected: '90 of 100 requests got no answer (connection refused or timed out)' },
    { what: 'all refused', refused: 100, errors: 0, expected: 'all 100 requests got no answer (connection refused or timed out)' },
    { what: 'all 500: answers, a failing service is a result', refused: 0, errors: 100, expected: undefined },
    { what: '60 refused and 40 answered 500: still under the line', refused: 60, errors: 40, expected: undefined },
  ])('$what', ({ refused, errors, expected }) => {
    expect(unansweredRound(roundOf(refused, errors))).toBe(expected);
  });

  it('counts the requests and the unanswered ones from the unsplit scopes', () => {
    expect(answered(roundOf(30, 10))).toEqual({ requests: 100, unanswered: 30 });
  });

  it('a document without failure signatures cannot tell: never a dead arm by its failures', () => {
    const doc = withoutSignatures(roundOf(100));
    expect(answered(doc)).toEqual({ requests: 100, unanswered: undefined });
    expect(unansweredRound(doc)).toBeUndefined();
  });

  it('a round that sent no request shows no service', () => {
    expect(unansweredRound(syntheticRun({ endpoints: {} }))).toBe('it sent no request');
  });
});
