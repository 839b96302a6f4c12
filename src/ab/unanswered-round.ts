/**
 * A round whose arm did not answer: its load ran, but (almost) no request got an HTTP answer. Such a
 * round says nothing about the service's speed and must not be compared; it is how a dead arm shows in
 * a document. Pure.
 *
 * A request with no answer is a failed request whose failure signature has status `0` (k6 tags a
 * refused connection `status: 0`, `error_code: 1212`; a timeout 1050; the embedded engine records
 * connection errors and timeouts as status 0). Failures with an HTTP status (a 500, `error_code` 1500)
 * are answers: a slow or failing service is a result, not a dead arm. A failure without a status tag
 * says nothing either way and is not counted.
 */
import { RunView } from '../document/run-view.js';
import type { RunDocument } from '../document/run-document.js';
import { groupThousands } from '../report/format.js';

/** At least this share of a round's requests without an answer makes the round one of a dead arm. */
export const UNANSWERED_SHARE = 0.9;

/** A round's requests and how many got no HTTP answer (undefined: the document does not record signatures). */
export interface Answered {
  readonly requests: number;
  readonly unanswered: number | undefined;
}

/** The requests of the whole run and those without an answer, from the run's unsplit scopes. */
export function answered(document: RunDocument): Answered {
  const view = new RunView(document);
  const requests = view.value(view.roles.requests, 'count') ?? view.errors({})?.total ?? 0;
  const signatures = view.signatures({});
  const unanswered = signatures?.reduce((n, s) => (!s.other && s.status === '0' ? n + s.failed : n), 0);
  return { requests, unanswered };
}

/**
 * Why a round's document shows no service, or undefined when it does: no request at all, or at least
 * UNANSWERED_SHARE of them without an answer.
 *
 * @example // a round of 1 180 requests, every one refused (status 0)
 *   unansweredRound(doc) // 'all 1,180 requests got no answer (connection refused or timed out)'
 */
export function unansweredRound(document: RunDocument): string | undefined {
  const { requests, unanswered } = answered(document);
  if (requests === 0) return 'it sent no request';
  if (unanswered === undefined || unanswered < UNANSWERED_SHARE * requests) return undefined;
  const share = unanswered === requests ? `all ${groupThousands(requests)}` : `${groupThousands(unanswered)} of ${groupThousands(requests)}`;
  return `${share} requests got no answer (connection refused or timed out)`;
}
