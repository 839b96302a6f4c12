/**
 * Where a request's time went (issue 13 §2, "request phases"): k6 times every request in parts — sending,
 * waiting (time to first byte: the server's time), receiving make up `http_req_duration`; blocked,
 * connecting and TLS handshaking happen before it. Means add, so the change of the mean duration is the sum
 * of the changes of its parts exactly, and the part that moved says where to look. Connection setup is
 * outside the duration: it is reported on its own (a lost keep-alive shows there, not in the latency).
 * Explanation only, never a verdict. Pure.
 */
import type { RunView } from '../document/run-view.js';
import { scopeName } from '../document/selector.js';
import { totalCount } from '../stats/distribution.js';
import type { PhaseBreakdown, RequestPhase } from './verdict.js';

/** k6's trend of each phase. */
const PHASE_METRICS: Readonly<Record<RequestPhase, string>> = {
  sending: 'http_req_sending',
  waiting: 'http_req_waiting',
  receiving: 'http_req_receiving',
  blocked: 'http_req_blocked',
  connecting: 'http_req_connecting',
  tls: 'http_req_tls_handshaking',
};

/** The parts of k6's `http_req_duration`; the others come before it. */
export const DURATION_PHASES: readonly RequestPhase[] = ['sending', 'waiting', 'receiving'];

/**
 * The mean of each phase per request in both runs, for the scope `tags`; undefined when the latency is not
 * k6's `http_req_duration` or either run lacks the duration's parts (other tools, aggregate-only summaries).
 */
export function phaseBreakdown(baseline: RunView, current: RunView, latencyMetric: string, tags: Readonly<Record<string, string>>): PhaseBreakdown | undefined {
  if (latencyMetric !== 'http_req_duration') return undefined;
  const mean = (view: RunView, metric: string): number | undefined => view.value(scopeName(metric, tags), 'avg');
  const phases: PhaseBreakdown['phases'][number][] = [];
  for (const [phase, metric] of Object.entries(PHASE_METRICS) as [RequestPhase, string][]) {
    const b = mean(baseline, metric);
    const c = mean(current, metric);
    if (b === undefined || c === undefined) {
      if (DURATION_PHASES.includes(phase)) return undefined;
      continue;
    }
    phases.push({ phase, baseline: b, current: c });
  }
  const b = mean(baseline, latencyMetric);
  const c = mean(current, latencyMetric);
  if (b === undefined || c === undefined) return undefined;
  const connectedB = connectedShare(baseline, scopeName(PHASE_METRICS.connecting, tags));
  const connectedC = connectedShare(current, scopeName(PHASE_METRICS.connecting, tags));
  const connected = connectedB !== undefined && connectedC !== undefined ? { connected: { baseline: connectedB, current: connectedC } } : {};
  return { meanBaseline: b, meanCurrent: c, phases, ...connected };
}

/** The share of the requests whose connect time is above 0 (a new connection), from the trend's buckets; undefined without them. */
function connectedShare(view: RunView, name: string): number | undefined {
  const d = view.distribution(name);
  if (!d) return undefined;
  const n = totalCount(d);
  if (n === 0) return undefined;
  let opened = 0;
  for (let i = 0; i < d.length; i++) if (d[i]!.value > 0) opened += d[i]!.count;
  return opened / n;
}
