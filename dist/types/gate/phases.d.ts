/**
 * Where a request's time went (issue 13 §2, "request phases"): k6 times every request in parts — sending,
 * waiting (time to first byte: the server's time), receiving make up `http_req_duration`; blocked,
 * connecting and TLS handshaking happen before it. Means add, so the change of the mean duration is the sum
 * of the changes of its parts exactly, and the part that moved says where to look. Connection setup is
 * outside the duration: it is reported on its own (a lost keep-alive shows there, not in the latency).
 * Explanation only, never a verdict. Pure.
 */
import type { RunView } from '../document/run-view.js';
import type { PhaseBreakdown, RequestPhase } from './verdict.js';
/** The parts of k6's `http_req_duration`; the others come before it. */
export declare const DURATION_PHASES: readonly RequestPhase[];
/**
 * The mean of each phase per request in both runs, for the scope `tags`; undefined when the latency is not
 * k6's `http_req_duration` or either run lacks the duration's parts (other tools, aggregate-only summaries).
 */
export declare function phaseBreakdown(baseline: RunView, current: RunView, latencyMetric: string, tags: Readonly<Record<string, string>>): PhaseBreakdown | undefined;
