/**
 * Whether shard documents form one whole before they are added up (docs/distributed.md, "What merge
 * checks"): the same script, cut by the same segment sequence into the same number of shards, each
 * segment once. Pure: the caller names the documents (their files) and says what it tolerates.
 */
import { formatSegment, parseSequence, SegmentSyntaxError, type Segment } from './execution-segment.js';
import { MergeError } from './merge-error.js';
import type { RunDocument, ShardRecord, ShardsSummary } from './run-document.js';

/** The default tolerance of shards' start times, seconds: more apart and their load did not overlap as one test's. */
export const DEFAULT_START_TOLERANCE_S = 5;

export interface ShardCheckOptions {
  /** Merge the shards that are there when some are missing (with a warning), instead of refusing. */
  readonly allowMissingShards?: boolean;
  /** Start times further apart than this (seconds) get a warning; default {@link DEFAULT_START_TOLERANCE_S}. */
  readonly startToleranceSeconds?: number;
}

/**
 * The merged documents' shard summary and the warnings to keep with it; undefined when no document is a
 * shard (plain documents merge unchecked, as before shards were recorded).
 *
 * @param names how each document is named in messages (its file), in the order of `docs`.
 * @throws MergeError naming the file(s) when a document is no shard among shards, ran another script, was
 *   cut by another sequence or count, has a segment not in its sequence, doubles a segment, or when a
 *   shard is missing and `allowMissingShards` is not set ("shard 3/4 (segment 1/2:3/4) is missing").
 */
export function checkShards(docs: readonly Pick<RunDocument, 'meta' | 'scopes'>[], names: readonly string[], options: ShardCheckOptions = {}): { summary: ShardsSummary; warnings: string[] } | undefined {
  const firstAt = docs.findIndex((d) => d.meta.shard !== undefined);
  if (firstAt < 0) return undefined;
  const ref = docs[firstAt]!.meta.shard!;
  const refName = names[firstAt] ?? `run ${firstAt + 1}`;
  const name = (k: number): string => names[k] ?? `run ${k + 1}`;
  const label = (s: ShardRecord): string => `shard ${s.index}/${s.count} (segment ${s.segment})`;
  for (const [k, d] of docs.entries()) {
    const s = d.meta.shard;
    if (!s) throw new MergeError(`${name(k)} is no shard (it records no meta.shard), but ${refName} is ${label(ref)}: merge the shard documents of one test only`);
    if (s.scriptHash !== ref.scriptHash) {
      throw new MergeError(`${name(k)} ran another script than ${refName} (sha256 ${s.scriptHash.slice(0, 12)}… against ${ref.scriptHash.slice(0, 12)}…): the shards of one test run the same script`);
    }
    if (s.count !== ref.count) throw new MergeError(`${name(k)} is ${label(s)}, but ${refName} is ${label(ref)}: the shards of one test are cut into the same number of shards`);
    if (s.sequence !== ref.sequence) {
      throw new MergeError(`${name(k)} was cut by the segment sequence ${s.sequence}, ${refName} by ${ref.sequence}: the shards of one test share one sequence`);
    }
  }
  let segments: Segment[];
  try {
    segments = parseSequence(ref.sequence);
  } catch (err) {
    if (err instanceof SegmentSyntaxError) throw new MergeError(`${refName}: its segment sequence is not k6's syntax: ${err.message}`, { cause: err });
    throw err;
  }
  if (segments.length !== ref.count) throw new MergeError(`${refName}: its segment sequence ${ref.sequence} has ${segments.length} segments, but it says ${ref.count} shards`);
  const byIndex = new Map<number, number>();
  for (const [k, d] of docs.entries()) {
    const s = d.meta.shard!;
    const expected = segments[s.index - 1];
    if (expected === undefined || formatSegment(expected) !== s.segment) {
      throw new MergeError(`${name(k)} says it is ${label(s)}, but segment ${s.index} of ${s.sequence} is ${expected ? formatSegment(expected) : 'not there'}`);
    }
    const seen = byIndex.get(s.index);
    if (seen !== undefined) throw new MergeError(`${name(seen)} and ${name(k)} are both ${label(s)}: a segment is doubled (its load would count twice) — give each shard once`);
    byIndex.set(s.index, k);
  }
  const warnings: string[] = [];
  const missing = segments.flatMap((seg, k) => (byIndex.has(k + 1) ? [] : [{ index: k + 1, segment: formatSegment(seg) }]));
  if (missing.length > 0) {
    const list = missing.map((m) => `shard ${m.index}/${ref.count} (segment ${m.segment})`);
    const what = `${list.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`;
    if (!options.allowMissingShards) {
      throw new MergeError(`${what}: ${docs.length} of ${ref.count} shard documents given — find the missing shard's document (did its job fail?), or allow missing shards to judge the part that ran`);
    }
    warnings.push(`${what}: the merged run holds ${docs.length} of ${ref.count} shards, so its counts and throughput are short of the whole test's`);
  }
  const starts = docs.map((d, k) => ({ k, ms: Date.parse(d.meta.shard!.startedAt) }));
  const earliest = starts.reduce((a, b) => (b.ms < a.ms ? b : a));
  const latest = starts.reduce((a, b) => (b.ms > a.ms ? b : a));
  const spread = Number.isFinite(latest.ms - earliest.ms) ? (latest.ms - earliest.ms) / 1000 : 0;
  const tolerance = options.startToleranceSeconds ?? DEFAULT_START_TOLERANCE_S;
  if (spread > tolerance) {
    warnings.push(
      `the shards' loads started ${spread.toFixed(1)} s apart, more than the ${tolerance} s tolerance (${label(docs[earliest.k]!.meta.shard!)} first, ${label(docs[latest.k]!.meta.shard!)} last): ` +
        'their load did not overlap as one test\'s would — start them with a common start-at',
    );
  }
  const members = docs
    .map((d) => {
      const s = d.meta.shard!;
      return { index: s.index, segment: s.segment, requests: requestCount(d), startedAt: s.startedAt, ...(s.region !== undefined ? { region: s.region } : d.meta.labels['region'] !== undefined ? { region: d.meta.labels['region'] } : {}) };
    })
    .sort((a, b) => a.index - b.index);
  const thresholds = recordedThresholds(docs, name, warnings);
  return { summary: { count: ref.count, sequence: ref.sequence, scriptHash: ref.scriptHash, members, missing, startSpreadSeconds: spread, ...(thresholds ? { thresholds } : {}) }, warnings };
}

/**
 * The script's thresholds the shards recorded: one set for all of them (the same script with other
 * variables can declare others, and the merged run can be judged on one set only); a shard that could not
 * read them is warned about and the others' set is judged.
 * @throws MergeError naming two shards whose sets differ.
 */
function recordedThresholds(docs: readonly Pick<RunDocument, 'meta'>[], name: (k: number) => string, warnings: string[]): Record<string, string[]> | undefined {
  const canonical = (t: Readonly<Record<string, readonly string[]>>): string => JSON.stringify(Object.keys(t).sort().map((m) => [m, t[m]]));
  let first: { k: number; thresholds: Record<string, string[]>; key: string } | undefined;
  const without: number[] = [];
  for (const [k, d] of docs.entries()) {
    const t = d.meta.shard!.thresholds;
    if (t === undefined) {
      without.push(k);
      continue;
    }
    if (!first) first = { k, thresholds: t, key: canonical(t) };
    else if (canonical(t) !== first.key) {
      throw new MergeError(`${name(k)} and ${name(first.k)} recorded different script thresholds (${canonical(t)} against ${first.key}): the shards of one test run the script with the same variables`);
    }
  }
  if (first && without.length > 0) {
    warnings.push(`${without.map(name).join(', ')} recorded no script thresholds (k6 inspect failed there, or an older perf-gate wrote ${without.length === 1 ? 'it' : 'them'}): the merged run is judged on those ${name(first.k)} recorded`);
  }
  return first?.thresholds;
}

/** The requests a run made: its requests role's count (k6's http_reqs), 0 when it has none. */
function requestCount(doc: Pick<RunDocument, 'meta' | 'scopes'>): number {
  const scope = doc.scopes[doc.meta.roles?.requests ?? 'http_reqs'];
  if (!scope) return 0;
  if ('reported' in scope) return scope.reported['count'] ?? 0;
  return scope.type === 'counter' ? scope.counter.count : 0;
}
