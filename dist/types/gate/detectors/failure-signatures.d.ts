import type { RunView } from '../../document/run-view.js';
import type { Detector, JudgedScope } from '../detector.js';
/**
 * Did an endpoint fail in a way the baseline never saw? A failure signature — the status code and k6
 * `error_code` of failed requests, such as 500 / 1500 on `POST /api/alerts` — that the baseline did not
 * have on that endpoint is evidence of its own, whatever the error rate says: two 500s out of 220 are no
 * significant rise of the rate, but they are a new way of failing. It warns from `warnCount` failed
 * requests (default the first), and fails from `failCount` that are also `failRate` of the endpoint's
 * requests, when the baseline was large enough to have seen it: the exact conditional test of "none of
 * the baseline's requests against this many of the current run's", its counts divided by the design
 * effect of the endpoint's failures clustering in time (an outage is one event), must give p < α.
 *
 * Judged per endpoint (the whole run when the stage groups by nothing). Documents that do not record
 * signatures (older ones, summaries) give no assessment; compare.ts notes it. A signature past the
 * document's cap (`other`) is never "new", and when the baseline counted some as `other`, no signature
 * outside its named list can be called new either.
 */
export declare const failureSignatures: Detector;
/**
 * The note of a stage whose runs cannot be compared by failure signature: one of them does not record
 * signatures (written before they were, or an aggregate-only summary). Undefined when both do, or when
 * there is no baseline or no failures metric to speak of.
 */
export declare function signatureNote(baseline: RunView | undefined, current: RunView, failuresMetric: string, scope?: JudgedScope): string | undefined;
