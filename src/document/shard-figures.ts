/**
 * What each shard of a merged run contributed, and each region (`--region`) when the shards name one: the
 * requests, the whole run's p95 latency and error rate, for the report of a distributed test
 * (docs/distributed.md). Exact: a region's p95 comes from its shards' histograms added up. Pure.
 */
import { isInsufficient } from '../stats/insufficient.js';
import { percentile } from '../stats/percentile.js';
import { isReported, type RunDocument, type ShardsSummary } from './run-document.js';
import { K6_ROLES } from './roles.js';
import { RunView } from './run-view.js';
import { TrendHistogram } from './trend-histogram.js';

/** One shard's or region's share of the load. */
export interface ShardShare {
  readonly requests: number;
  /** The whole run's p95 latency (the latency role), ms; absent when the shard timed no request. */
  readonly p95?: number;
  /** Failed / all requests; absent when the shard records no failures rate. */
  readonly errorRate?: number;
}

export interface ShardFigures {
  readonly count: number;
  readonly members: readonly (ShardShare & { readonly index: number; readonly segment: string; readonly region?: string })[];
  readonly missing: readonly { readonly index: number; readonly segment: string }[];
  readonly startSpreadSeconds: number;
  /** By region, in the order regions first appear among the shards; empty when no shard names one. */
  readonly regions: readonly (ShardShare & { readonly region: string; readonly shards: number })[];
}

/**
 * @param docs the shard documents that were merged (each records `meta.shard`).
 * @param summary the merged document's `meta.shards`.
 */
export function shardFigures(docs: readonly RunDocument[], summary: ShardsSummary): ShardFigures {
  const byIndex = new Map(docs.map((d) => [d.meta.shard?.index, d]));
  const members = summary.members.map((m) => {
    const doc = byIndex.get(m.index);
    return { index: m.index, segment: m.segment, ...(m.region !== undefined ? { region: m.region } : {}), ...(doc ? shareOf([doc]) : { requests: m.requests }) };
  });
  const regionOrder: string[] = [];
  const ofRegion = new Map<string, RunDocument[]>();
  for (const m of summary.members) {
    if (m.region === undefined) continue;
    const doc = byIndex.get(m.index);
    if (!doc) continue;
    if (!ofRegion.has(m.region)) regionOrder.push(m.region);
    ofRegion.set(m.region, [...(ofRegion.get(m.region) ?? []), doc]);
  }
  const regions = regionOrder.map((region) => ({ region, shards: ofRegion.get(region)!.length, ...shareOf(ofRegion.get(region)!) }));
  return { count: summary.count, members, missing: summary.missing, startSpreadSeconds: summary.startSpreadSeconds, regions };
}

/**
 * What shardFigures reads of a shard document: its meta and the whole run's request, failure and latency
 * scopes — a few kilobytes, so that a merge of many shards can keep this of each and drop the rest.
 */
export function shardFiguresView(doc: RunDocument): RunDocument {
  const roles = doc.meta.roles ?? K6_ROLES;
  const scopes: RunDocument['scopes'] = {};
  for (const name of [roles.requests, roles.failures, roles.latency]) {
    const s = doc.scopes[name];
    if (s) scopes[name] = s;
  }
  return { schema: doc.schema, meta: doc.meta, metrics: {}, scopes, windows: { originMs: doc.windows.originMs, widthMs: doc.windows.widthMs, series: {} } };
}

/** The requests, p95 and error rate of some shards taken together. */
function shareOf(docs: readonly RunDocument[]): ShardShare {
  let requests = 0;
  let failed = 0;
  let total = 0;
  let hasErrors = false;
  let latency: TrendHistogram | undefined;
  for (const doc of docs) {
    const view = new RunView(doc);
    const roles = doc.meta.roles ?? K6_ROLES;
    requests += view.value(roles.requests, 'count') ?? 0;
    const errors = view.errors({});
    if (errors) {
      hasErrors = true;
      failed += errors.failed;
      total += errors.total;
    }
    const scope = doc.scopes[roles.latency];
    if (scope && !isReported(scope) && scope.type === 'trend' && scope.trend.count > 0) {
      const h = TrendHistogram.decode(scope.trend, roles.latency);
      if (latency) latency.add(h);
      else latency = h;
    }
  }
  const p95 = latency ? percentile(latency.distribution(), 0.95) : undefined;
  return {
    requests,
    ...(p95 !== undefined && !isInsufficient(p95) ? { p95 } : {}),
    ...(hasErrors && total > 0 ? { errorRate: failed / total } : {}),
  };
}
