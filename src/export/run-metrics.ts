/**
 * A judged run as Prometheus samples: per stage and endpoint the latency quantiles, error ratio, request
 * rate, verdict and change against the baseline, labelled with the repository, branch, commit, stage,
 * endpoint and tool. Pure: the renderers (openmetrics.ts, remote-write.ts) format these, the adapters send
 * them. Documented for users in docs/prometheus.md.
 */

import { DEFAULT_MAX_SCOPES } from '../document/scope-cardinality.js';
import type { Outcome, Report, ScopeComparison, StageReport } from '../gate/verdict.js';
import { ALL_REQUESTS, baseMetric, latencyMetricOf, scopeLabel } from '../report/view.js';

/** Every metric the exporter writes, with its help text and OpenMetrics unit (the Grafana test checks against it). */
export const METRICS = {
  perf_gate_latency_seconds: { help: 'Request latency percentile (p50, p95, p99) of the current run, seconds.', unit: 'seconds' },
  perf_gate_error_ratio: { help: 'Share of failed requests in the current run, 0 to 1.', unit: 'ratio' },
  perf_gate_requests_per_second: { help: 'Requests per second over the current run.', unit: undefined },
  perf_gate_requests: { help: 'Requests in the current run.', unit: undefined },
  perf_gate_verdict: { help: 'Outcome of the endpoint: 0 pass, 1 warn, 2 fail, 3 inconclusive.', unit: undefined },
  perf_gate_change_ratio: { help: 'Relative change of typical latency against the baseline (0.3 is 30 percent slower).', unit: 'ratio' },
  perf_gate_stage_verdict: { help: 'Outcome of the stage: 0 pass, 1 warn, 2 fail, 3 inconclusive.', unit: undefined },
  perf_gate_run_timestamp_seconds: { help: 'Start of the current run, Unix seconds.', unit: 'seconds' },
  perf_gate_run_duration_seconds: { help: 'Length of the current run, seconds.', unit: 'seconds' },
  perf_gate_endpoints_dropped: { help: 'Endpoints left out of the export by the endpoint cap.', unit: undefined },
} as const;

export type MetricName = keyof typeof METRICS;

/**
 * The labels every series has; endpoint-level series add `endpoint`, latency adds `percentile` (`p95`: not
 * `quantile`, which Prometheus reserves for summaries, and promtool's lint refuses on a gauge).
 */
export const RUN_LABELS = ['repository', 'branch', 'commit', 'stage', 'tool'] as const;
export const LABEL_NAMES = [...RUN_LABELS, 'endpoint', 'percentile'] as const;
export type LabelName = (typeof LABEL_NAMES)[number];

/** One sample of one series. Every value is finite: a statistic a run lacks is left out, never NaN. */
export interface MetricSample {
  readonly name: MetricName;
  readonly labels: Readonly<Partial<Record<LabelName, string>>>;
  readonly value: number;
}

/** Who the run belongs to: the adapter reads these from CI's environment or `--label`. */
export interface RunIdentity {
  readonly repository?: string;
  readonly branch?: string;
  readonly commit?: string;
}

export interface RunMetricsOptions {
  /** Most endpoints exported per stage (the busiest kept; the whole run always); default the report's cap, 500. */
  readonly maxEndpoints?: number;
}

/** The verdict as a number, for a gauge a dashboard can colour: worse outcomes are larger, inconclusive last. */
export function outcomeValue(outcome: Outcome): number {
  switch (outcome) {
    case 'pass':
      return 0;
    case 'warn':
      return 1;
    case 'fail':
      return 2;
    case 'inconclusive':
      return 3;
  }
}

/** The quantiles exported, and where each is in a scope's summary (milliseconds). */
const PERCENTILES = [
  { percentile: 'p50', of: 'p50' },
  { percentile: 'p95', of: 'p95' },
  { percentile: 'p99', of: 'p99' },
] as const;

/**
 * The samples of every stage of `report`. Only the scopes of each stage's request-latency metric are
 * endpoints (the whole run is `endpoint="all requests"`); past `maxEndpoints` the least busy are dropped and
 * counted in `perf_gate_endpoints_dropped`, so a run cannot flood Prometheus with series.
 *
 * @example runMetrics(report, { repository: 'acme/api', branch: 'main', commit: 'abc123' })
 *   // → [{ name: 'perf_gate_stage_verdict', labels: { repository: 'acme/api', …, stage: 'smoke', tool: 'k6' }, value: 2 }, …]
 * @throws RangeError when maxEndpoints is not a whole number ≥ 1
 */
export function runMetrics(report: Report, identity: RunIdentity, options: RunMetricsOptions = {}): MetricSample[] {
  const max = options.maxEndpoints ?? DEFAULT_MAX_SCOPES;
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxEndpoints must be a whole number ≥ 1, got ${max}`);
  return report.stages.flatMap((stage) => stageMetrics(stage, identity, max));
}

function stageMetrics(stage: StageReport, identity: RunIdentity, max: number): MetricSample[] {
  const run: Partial<Record<LabelName, string>> = {
    repository: identity.repository ?? '',
    branch: identity.branch ?? '',
    commit: identity.commit ?? stage.currentRun.gitSha ?? '',
    stage: stage.stage,
    tool: stage.currentRun.tool,
  };
  const out: MetricSample[] = [];
  const push = (name: MetricName, labels: Partial<Record<LabelName, string>>, value: number | undefined): void => {
    if (value !== undefined && Number.isFinite(value)) out.push({ name, labels, value });
  };
  push('perf_gate_stage_verdict', run, outcomeValue(stage.outcome));
  const started = Date.parse(stage.currentRun.start);
  push('perf_gate_run_timestamp_seconds', run, Number.isNaN(started) ? undefined : started / 1000);
  push('perf_gate_run_duration_seconds', run, stage.currentRun.durationSeconds);

  const latencyMetric = latencyMetricOf(stage.scopes);
  const endpoints = stage.scopes.filter((s) => baseMetric(s.metric) === baseMetric(latencyMetric));
  const { kept, dropped } = capEndpoints(endpoints, max);
  push('perf_gate_endpoints_dropped', run, dropped);
  for (const scope of kept) {
    const labels = { ...run, endpoint: scope.scope === undefined ? ALL_REQUESTS : scopeLabel(scope, latencyMetric) };
    const current = scope.current;
    for (const q of PERCENTILES) {
      const ms = current?.[q.of];
      push('perf_gate_latency_seconds', { ...labels, percentile: q.percentile }, ms === undefined ? undefined : ms / 1000);
    }
    push('perf_gate_error_ratio', labels, current?.errorRate);
    push('perf_gate_requests_per_second', labels, current?.throughput);
    push('perf_gate_requests', labels, current?.count);
    push('perf_gate_verdict', labels, outcomeValue(scope.outcome));
    push('perf_gate_change_ratio', labels, scope.baseline === undefined ? undefined : scope.latencyChange);
  }
  return out;
}

/** The whole run plus the `max` busiest endpoints (by current requests, then name, so the cut is stable). */
function capEndpoints(scopes: readonly ScopeComparison[], max: number): { kept: ScopeComparison[]; dropped: number } {
  const whole = scopes.filter((s) => s.scope === undefined);
  const parts = scopes.filter((s) => s.scope !== undefined);
  if (parts.length <= max) return { kept: [...whole, ...parts], dropped: 0 };
  const busiest = [...parts].sort((a, b) => (b.current?.count ?? 0) - (a.current?.count ?? 0) || a.metric.localeCompare(b.metric)).slice(0, max);
  return { kept: [...whole, ...busiest], dropped: parts.length - max };
}
