import { ConfigError } from '../config/errors.js';
import { tryParseMetricSelector } from '../config/metric-selector.js';
import type { StagePolicy } from '../config/policy.js';
import type { ThresholdSet } from '../config/schema.js';
import { didYouMean } from '../config/suggest.js';
import { aggregationKindText, aggregationsFor } from '../config/threshold.js';
import type { MetricType, RunDocument } from '../document/run-document.js';
import { scopeName } from '../document/selector.js';

/**
 * k6 built-in counters that only appear when something happened: absent means a count of 0, not a typo.
 */
export const ZERO_WHEN_ABSENT: ReadonlySet<string> = new Set(['dropped_iterations']);

/**
 * What the runs hold that a policy can name: metrics with their type and tag keys, and the values of each
 * grouping tag. Read from both runs, so a name that exists in either is known.
 */
class RunNames {
  readonly metrics = new Map<string, { type: MetricType; tags: Set<string> | undefined }>();
  /** tag → metric → values seen (from the scopes grouped by that tag). */
  private readonly values = new Map<string, Map<string, Set<string>>>();

  constructor(readonly docs: readonly RunDocument[]) {
    for (const doc of docs) {
      for (const [name, m] of Object.entries(doc.metrics)) {
        const known = this.metrics.get(name);
        const tags = m.tags === undefined ? known?.tags : new Set([...(known?.tags ?? []), ...m.tags]);
        this.metrics.set(name, { type: known?.type ?? m.type, tags });
      }
      for (const s of Object.values(doc.scopes)) {
        if (!this.metrics.has(s.metric)) this.metrics.set(s.metric, { type: s.type, tags: undefined });
        const keys = Object.keys(s.tags);
        if (keys.length !== 1) continue;
        const tag = keys[0]!;
        const byMetric = this.values.get(tag) ?? new Map<string, Set<string>>();
        const set = byMetric.get(s.metric) ?? new Set<string>();
        set.add(s.tags[tag]!);
        byMetric.set(s.metric, set);
        this.values.set(tag, byMetric);
      }
    }
  }

  has(scope: string): boolean {
    return this.docs.some((d) => d.scopes[scope] !== undefined);
  }

  /** Values of `tag` on `metric` that some run grouped by, sorted. */
  valuesOf(metric: string, tag: string): string[] {
    return [...(this.values.get(tag)?.get(metric) ?? [])].sort();
  }

  /** Tag keys of `metric`'s points, when a run recorded them. */
  tagsOf(metric: string): string[] | undefined {
    const t = this.metrics.get(metric)?.tags;
    return t ? [...t].sort() : undefined;
  }

  metricNames(): string[] {
    return [...this.metrics.keys()].sort();
  }

  /** Whether every run is aggregate-only (k6 summaries keep no per-tag data). */
  get aggregateOnly(): boolean {
    return this.docs.every((d) => d.meta.aggregateOnly);
  }
}

/**
 * Checks that a policy names what the runs have: every threshold's metric, submetric tags and values, and
 * an aggregation that fits the metric's type; the latency metric; every grouping tag. A name no run has
 * is a typo or a wrong assumption about the test, and judging without it would pass silently, so it is
 * an error (exit 2) that names the key, the value and the closest names the runs do have. What only the
 * baseline has is not an error: the current run lost it, which the gate reports as a failing finding.
 * Thresholds of a preset or of the k6 script on a metric no run has are left to the threshold check,
 * which reports them as not judged (the user never wrote them in the config).
 *
 * @throws {ConfigError} listing every problem, one line each.
 */
export function checkPolicyAgainstRuns(policy: StagePolicy, runs: { readonly baseline?: RunDocument; readonly current: RunDocument }, latencyMetric: string): void {
  const names = new RunNames(runs.baseline ? [runs.baseline, runs.current] : [runs.current]);
  const problems: Problem[] = [];
  problems.push(...checkLatencyMetric(latencyMetric, policy.latencyMetric === undefined, names));
  for (const set of policy.thresholds) problems.push(...checkThresholdSet(policy.stage, set, names));
  problems.push(...checkGroupBy(policy, latencyMetric, names));
  throwProblems(policy, problems);
}

/**
 * The part of the check that needs no run: thresholds whose aggregation does not fit the type of a metric
 * whose type is known in advance (k6's built-in metrics, passed in by the caller). Run it before a long
 * load test, so `p(95)` on `http_req_failed` stops at once rather than after the test.
 *
 * @throws {ConfigError} listing every problem, one line each.
 */
export function checkPolicyBeforeRun(policy: StagePolicy, knownTypes: ReadonlyMap<string, { readonly type: MetricType }>): void {
  const problems: Problem[] = [];
  for (const set of policy.thresholds) {
    const parsed = tryParseMetricSelector(set.metric);
    if ('error' in parsed) continue;
    const known = knownTypes.get(parsed.metric);
    if (known) problems.push(...aggregationProblems(`stages.${policy.stage}.thresholds[${JSON.stringify(set.metric)}]`, parsed.metric, known.type, set));
  }
  throwProblems(policy, problems);
}

function throwProblems(policy: StagePolicy, problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  const where = policy.configFile === undefined ? '' : `${policy.configFile}: `;
  throw new ConfigError(problems.map((p) => `${where}${p.key}: ${p.message}`), { path: problems[0]!.key, ...(policy.configFile !== undefined ? { file: policy.configFile } : {}) });
}

function aggregationProblems(key: string, metric: string, type: MetricType, set: ThresholdSet): Problem[] {
  const allowed = aggregationsFor(type);
  return set.expressions.flatMap((e, i) =>
    allowed.includes(e.aggregation.kind)
      ? []
      : [{ key: `${key}[${i}]`, message: `'${e.source}' does not fit '${metric}', a ${type} metric: a ${type} takes ${allowed.map(aggregationKindText).join(', ')} (k6 itself refuses this threshold, exit 104)` }],
  );
}

interface Problem {
  /** The config key, as a path: `stages.smoke.thresholds["htp_req_duration"]`, `groupBy`. */
  readonly key: string;
  readonly message: string;
}

function checkLatencyMetric(latencyMetric: string, fromTool: boolean, names: RunNames): Problem[] {
  const key = fromTool ? `latencyMetric (not set: the tool's '${latencyMetric}')` : 'latencyMetric';
  const parsed = tryParseMetricSelector(latencyMetric);
  if ('error' in parsed) return [{ key, message: parsed.error }];
  const m = names.metrics.get(parsed.metric);
  if (!m) {
    const trends = names.metricNames().filter((n) => names.metrics.get(n)!.type === 'trend');
    return [{ key, message: `no run has the metric '${parsed.metric}'${suggest(parsed.metric, trends)}${known('trends in the runs', trends)} — set latencyMetric to the trend that times your requests` }];
  }
  if (m.type !== 'trend') return [{ key, message: `'${parsed.metric}' is a ${m.type} metric; the latency metric must be a trend (a duration per request), e.g. http_req_duration` }];
  return checkTags(key, parsed.metric, parsed.tags, names);
}

function checkThresholdSet(stage: string, set: ThresholdSet, names: RunNames): Problem[] {
  const origin = set.origin ?? 'config';
  const key = `stages.${stage}.thresholds[${JSON.stringify(set.metric)}]`;
  const parsed = tryParseMetricSelector(set.metric);
  if ('error' in parsed) return [{ key, message: parsed.error }];
  const m = names.metrics.get(parsed.metric);
  if (!m) {
    if (origin !== 'config' || ZERO_WHEN_ABSENT.has(parsed.metric)) return [];
    const close = suggest(parsed.metric, names.metricNames());
    // A custom metric that never recorded a value has no points in k6's output: say how to tell it from a typo.
    const silent = close === '' ? ` — if '${parsed.metric}' is a custom metric that recorded nothing, add 0 to it once in the script (e.g. in setup) so the run shows it` : '';
    return [{ key, message: `no run has the metric '${parsed.metric}'${close}${known('metrics in the runs', names.metricNames())}${silent}` }];
  }
  const out = aggregationProblems(key, parsed.metric, m.type, set);
  if (origin === 'config') out.push(...checkTags(key, parsed.metric, parsed.tags, names));
  return out;
}

/** A submetric's tags must be tags the metric's points carry, and its values values some point had. */
function checkTags(key: string, metric: string, tags: Readonly<Record<string, string>>, names: RunNames): Problem[] {
  const entries = Object.entries(tags);
  if (entries.length === 0 || names.has(scopeName(metric, tags))) return [];
  if (names.aggregateOnly) {
    return [{ key, message: `the k6 summaries hold no submetric '${scopeName(metric, tags)}': a summary keeps only the submetrics the script's thresholds name — give the k6 NDJSON output instead` }];
  }
  const tagKeys = names.tagsOf(metric);
  for (const [tag, value] of entries) {
    if (tagKeys && !tagKeys.includes(tag)) {
      return [{ key, message: `no point of '${metric}' carries the tag '${tag}'${suggest(tag, tagKeys)}${known(`tags on ${metric}`, tagKeys)}` }];
    }
    const values = names.valuesOf(metric, tag);
    if (values.length > 0 && !values.includes(value)) {
      return [{ key, message: `no point of '${metric}' has ${tag} '${value}'${suggest(value, values)}${known(`${tag} values in the runs`, values)}` }];
    }
  }
  return [{
    key,
    message: `no point of '${metric}' in the runs matches ${entries.map(([k, v]) => `${k}:${v}`).join(', ')} — check the tag values the k6 script sets ` +
      '(a run document keeps only the submetrics asked for when it was made: ingest the k6 output again)',
  }];
}

function checkGroupBy(policy: StagePolicy, latencyMetric: string, names: RunNames): Problem[] {
  const metric = tryParseMetricSelector(latencyMetric);
  if ('error' in metric || !names.metrics.has(metric.metric) || names.aggregateOnly) return [];
  const out: Problem[] = [];
  const tagKeys = names.tagsOf(metric.metric);
  for (const tag of policy.groupBy) {
    if (names.valuesOf(metric.metric, tag).length > 0) continue;
    if (tagKeys?.includes(tag)) {
      out.push({ key: 'groupBy', message: `the requests carry the tag '${tag}', but the run documents were made without grouping by it — ingest the k6 output again with --group-by ${policy.groupBy.join(',')}` });
      continue;
    }
    out.push({
      key: 'groupBy',
      message: `no request in the runs carries the tag '${tag}'${tagKeys ? suggest(tag, tagKeys) : ''}${tagKeys ? known(`tags on ${metric.metric}`, tagKeys) : ''} — ` +
        'without it no endpoint is judged on its own, only the whole run',
    });
  }
  return out;
}

function suggest(input: string, candidates: readonly string[]): string {
  const s = didYouMean(input, candidates);
  return s === undefined ? '' : ` — did you mean '${s}'?`;
}

/** `(metrics in the runs: a, b, c and 12 more)`. */
function known(what: string, names: readonly string[]): string {
  if (names.length === 0) return ` (the runs have no ${what})`;
  const shown = names.slice(0, 8).join(', ');
  return ` (${what}: ${shown}${names.length > 8 ? ` and ${names.length - 8} more` : ''})`;
}
