/**
 * The words of a report: a finding's sentence, a limit's text, the headline. The gate hands over data
 * (outcomes, units, limits, structured reasons and details); every renderer words it through here, so
 * the comment, the terminal, the HTML page and the JSON say the same thing.
 */

import type { RequestMix } from '../document/request-mix.js';
import { DURATION_PHASES } from '../gate/phases.js';
import { capacityText } from './capacity-words.js';
import { resourceHints, resourcesText } from './resource-words.js';
import type { ShardFigures, ShardShare } from '../document/shard-figures.js';
import type { AbSummary, Finding, PhaseBreakdown, RequestPhase, ScopeComparison, SequentialSummary, FindingKind, Limit, Report, Shortfall, StageNoise, StagePower, StageReport, Unit } from '../gate/verdict.js';
import { formatChange, formatDuration, formatInterval, formatMegabytes, formatMs, formatNumber, formatPercent, formatRate, formatSlope, groupThousands } from './format.js';

/** A number in its unit: `80.1 ms`, `104 req/s`, `2.50 /s`, `5.00 %`, `168 MB`, `+560 MB/h`, `1,234`. */
export function formatInUnit(unit: Unit, value: number): string {
  switch (unit) {
    case 'ms':
      return formatMs(value);
    case 'req/s':
      return formatRate(value);
    case 'per-second':
      return `${formatNumber(value)} /s`;
    case 'fraction':
      return formatPercent(value);
    case 'bytes':
      return formatMegabytes(value);
    case 'MB/h':
      return formatSlope(value);
    case 'count':
      return formatCount(value);
    case 'value':
      return formatNumber(value);
  }
}

/** A count: whole numbers as they are (`2`, `1,234`), anything else with 3 significant digits. */
function formatCount(n: number): string {
  return Number.isInteger(n) ? groupThousands(n) : formatNumber(n);
}

/** A limit as the user configured it: `+20 %`, `−15 %`, `+50 % and +0.1 % points`, `p(95)<500`. */
export function limitText(limit: Limit): string {
  switch (limit.kind) {
    case 'max-increase':
      return `+${percent(limit.max)} %`;
    case 'max-decrease':
      return `−${percent(limit.max)} %`;
    case 'error-rate':
      return `+${Math.round(limit.maxIncrease * 100)} % and +${Math.round(limit.absoluteFloor * 10000) / 100} % points`;
    case 'failure-signature':
      return `new failure signatures warn at ${formatCount(limit.warnCount)} and fail at ${formatCount(limit.failCount)} ${limit.failCount === 1 ? 'request' : 'requests'} and ${formatPercent(limit.failRate)}`;
    case 'threshold':
      return limit.expression;
    case 'no-sustained-growth':
      return 'no sustained growth';
    case 'measured-in-both':
      return 'measured in both runs';
  }
}

/** A shortfall in a report's words: `too few requests`. */
export function shortfallText(shortfall: Shortfall): string {
  switch (shortfall) {
    case 'too-few-requests':
      return 'too few requests';
    case 'too-short':
      return 'run too short';
    case 'missing':
      return 'missing from a run';
    case 'no-spread':
      return 'no spread to measure against';
    case 'mix-changed':
      return 'the request mix changed';
    case 'other':
      return 'see the findings';
  }
}

/** Where a finding is, in a reviewer's words: the endpoint, `service memory`, or `all requests`. */
function where(f: Finding): string {
  if (f.scope) return f.scope.value;
  return f.kind === 'memory' || f.kind === 'leak' ? 'service memory' : 'all requests';
}

/** What was asked: `typical response time`, `p(95) response time`, `throughput`, … */
function subject(f: Finding): string {
  switch (f.kind) {
    case 'latency': {
      const what = f.statistic === 'med' ? 'typical response time' : `${f.statistic} response time`;
      return f.details?.compared === 'end-of-run' ? `${what} at the end of the run` : what;
    }
    case 'throughput':
      return 'throughput';
    case 'error-rate':
      return 'error rate';
    case 'failure-signature':
      return 'new failure signature';
    case 'memory':
      return f.statistic === 'growth' ? 'memory growth' : 'memory';
    case 'leak':
      return 'memory leak check';
    case 'degradation':
      return 'latency degradation over the run';
    case 'threshold':
      return `threshold ${limitText(f.limit)}`;
    case 'data':
      return 'data';
  }
}

/** The facts behind a finding, as a trailing clause (` — …`), or ''. */
function detailClause(f: Finding): string {
  const d = f.details;
  if (!d) return '';
  const parts: string[] = [];
  if (d.aggregateOnly) parts.push('aggregate-only input: the change cannot be tested, only reported');
  if (d.superiority) {
    const delta = d.superiority.delta;
    parts.push(`a current request is slower than a baseline one ${Math.round(d.superiority.probability * 100)} % of the time (Cliff's δ ${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(2)})`);
  }
  if (d.tail) parts.push(`the tail moved away from the median: ${f.statistic}/median ${formatChange(d.tail.fromMedian)}`);
  if (d.pooledBaseline) parts.push(`baseline ${f.statistic} is the geometric mean of ${d.pooledBaseline.runs} stored runs (the baseline run alone: ${formatInUnit(f.unit, d.pooledBaseline.baselineRun)})`);
  if (d.noRequests) parts.push('the current run served no requests');
  if (d.paired) parts.push(`from ${formatCount(d.paired.ratios.length)} round pairs, candidate/baseline ${ratiosText(d.paired.ratios)}`);
  if (d.compared === 'last-third-vs-first-third') parts.push('last third of the run against its first third, after warm-up');
  if (d.compared === 'end-of-run') parts.push("last third of the run against the baseline's last third");
  if (d.changePoint) {
    const c = d.changePoint;
    parts.push(`slower from ${formatDuration(c.atSeconds)} on (${formatInUnit(f.unit, c.before)} → ${formatInUnit(f.unit, c.after)}, geometric means)`);
  }
  if (d.memory) {
    const m = d.memory;
    parts.push(
      f.kind === 'leak'
        ? `slope ${formatSlope(m.slopeMBPerHour)} (95 % CI ${formatSlope(m.slopeInterval.lower)} … ${formatSlope(m.slopeInterval.upper)}), growth ${formatPercent(m.growth)} over the run, limit ${percent(m.growthLimit)} %`
        : `resident memory ${formatMegabytes(m.startBytes)} → ${formatMegabytes(m.endBytes)} after warm-up, steady-state slope ${formatSlope(m.slopeMBPerHour)}`,
    );
  }
  return parts.length === 0 ? '' : ` — ${parts.join('; ')}`;
}

/**
 * One sentence a reviewer can act on, from the finding's data:
 * `GET /api/alerts: p(95) response time +29.8 % (80.0 ms → 104 ms) is beyond the +20 % limit and confirmed, 95 % CI +16 … +46 %.`
 * `acceptedBy` names the label that accepted it, when the finding is accepted.
 */
export function findingMessage(f: Finding, acceptedBy?: string): string {
  const text = sentence(f);
  return f.accepted ? `${text} Accepted by ${acceptedBy === undefined ? 'a pull-request label' : `the '${acceptedBy}' label`}.` : text;
}

function sentence(f: Finding): string {
  const at = where(f);
  const what = subject(f);
  const value = (v: number): string => formatInUnit(f.unit, v);
  const numbers = f.statistic === 'growth' ? '' : f.baseline !== undefined && f.current !== undefined ? ` (${value(f.baseline)} → ${value(f.current)})` : f.current !== undefined ? ` (${value(f.current)})` : '';
  const delta = f.change !== undefined ? ` ${formatChange(f.change)}` : '';
  const ci = f.confidence.interval ? `, ${formatInterval(f.confidence.interval)}` : '';
  const note = detailClause(f);
  const limit = limitText(f.limit);
  const r = f.reason;
  switch (r.code) {
    case 'not-judged':
      return `${at}: ${what} cannot be judged: ${r.detail}.`;
    case 'leak':
      return `${at}: leaking — the GC floor keeps growing in the steady state${note}.`;
    case 'no-leak':
      return `${at}: no leak — the GC floor does not keep growing credibly in the steady state${note}.`;
    case 'threshold-crossed':
      return `${f.metric}: ${limit} is crossed${numbers}.`;
    case 'threshold-holds':
      return `${f.metric}: ${limit} holds${numbers}.`;
    case 'threshold-lost':
      return `${f.metric}: ${limit} fails: no point of the current run matches ${f.metric}, while the baseline had ${formatCount(r.baselineCount)}.`;
    case 'lost-metric':
      return `${at}: the current run has no '${f.metric}' at all, while the baseline had ${formatCount(r.baselineCount)} requests.`;
    case 'lost-tag':
      return `${at}: no request of the current run carries the tag '${r.tag}', while ${formatCount(r.baselineValues)} ${r.tag === 'name' ? 'endpoints' : `'${r.tag}' values`} of the baseline did — the script stopped setting it, so nothing can be judged per ${r.tag}.`;
    case 'lost-scope':
      return `${at}: no request of the current run, while the baseline had ${formatCount(r.baselineCount)} — nothing about it could be judged (coverage.missing).`;
    case 'confirmed-few':
      return `${at}: ${what}${delta}${numbers} is beyond the ${limit} limit and an exact rank test on ${formatCount(r.baselineCount)} and ${formatCount(r.currentCount)} requests supports it${ci}; below minSamples (${formatCount(r.minSamples)}) it is a warning, not a fail${note}.`;
    case 'confirmed':
      return `${at}: ${what}${delta}${numbers} is beyond the ${limit} limit and confirmed${ci}${note}.`;
    case 'confirmed-short':
      return `${at}: ${what}${delta}${numbers} is beyond the ${limit} limit and confirmed${ci}${note}; but the runs have only ${formatCount(Math.min(r.baselineWindows, r.currentWindows))} time windows with requests (a fail needs ${formatCount(r.needs)} to measure how requests cluster), so it is a warning.`;
    case 'confirmed-end':
      return `${at}: ${what}${delta}${numbers} is beyond the ${limit} limit and confirmed${ci}${note}; evidence from a third of the run warns, the whole run's fails.`;
    case 'unconfirmed':
      return f.confidence.level === 'not-applicable'
        ? `${at}: ${what}${delta}${numbers} is beyond the ${limit} limit but cannot be confirmed${note}.`
        : `${at}: ${what}${delta}${numbers} is beyond the ${limit} limit, but the data cannot confirm it${ci}${note}.`;
    case 'near-limit':
      return `${at}: ${what}${delta}${numbers} is a confirmed change beyond the ${limit} limit, but too close to it to fail on: within the data's uncertainty it may be inside the limit${ci}${note}.`;
    case 'multiplicity':
      return `${at}: ${what}${delta}${numbers} looks beyond the ${limit} limit on its own${ci}, but not once the many comparisons made are accounted for${note}.`;
    case 'noise':
      return `${at}: ${what}${delta}${numbers} looks beyond the ${limit} limit but is within run-to-run noise${ci}${note}.`;
    case 'within-limit':
      return `${at}: ${what}${delta}${numbers} is within the ${limit} limit${ci}${note}.`;
    case 'new-signature':
      return `${at}: ${signatureSentence(f)}`;
  }
}

/**
 * A new failure signature in words: `14 requests failed with status 500 (error_code 1500), 6.17 % of
 * them; the baseline had none — beyond the fail limit of 10 requests and 1.00 %.`
 */
function signatureSentence(f: Finding): string {
  const s = f.details?.signature;
  if (!s || f.limit.kind !== 'failure-signature') return `${subject(f)} (${limitText(f.limit)}).`;
  const how = [s.status !== undefined ? `status ${s.status}` : undefined, s.errorCode !== undefined ? `error_code ${s.errorCode}` : undefined].filter((p) => p !== undefined);
  const signature = how.length === 0 ? 'no status recorded' : how.length === 2 ? `${how[0]} (${how[1]})` : how[0]!;
  const requests = `${formatCount(s.failed)} ${s.failed === 1 ? 'request' : 'requests'} failed with ${signature}, ${formatPercent(s.share)} of them; the baseline had none`;
  const limit = f.limit;
  const failLimit = `${formatCount(limit.failCount)} ${limit.failCount === 1 ? 'request' : 'requests'} and ${formatPercent(limit.failRate)}`;
  if (f.outcome === 'fail') return `${requests} — beyond the fail limit of ${failLimit}.`;
  const chance = s.failed >= limit.failCount && s.share >= limit.failRate ? `, but the baseline had too few requests (or the failures came in too few bursts) to be sure it would have shown one (p ${s.pChance.toFixed(2)})` : '';
  return `${requests} — a new way of failing, to look at; it fails at ${failLimit}${chance}.`;
}

/** Where a finding is, in the headline: the endpoint, the whole run, the memory, or the SLO's metric. */
function place(f: Finding): string {
  if (f.scope) return f.scope.value;
  switch (f.kind) {
    case 'memory':
    case 'leak':
      return 'memory';
    case 'threshold':
      return f.metric;
    case 'latency':
    case 'throughput':
    case 'error-rate':
    case 'failure-signature':
    case 'degradation':
    case 'data':
      return 'all requests';
  }
}

/**
 * One line without the verdict word or mark: `4 breaches in smoke: POST /api/alerts, …; 1 of 10 endpoints
 * could not be judged (too few requests)`. Renderers add the verdict and its mark.
 */
export function headlineOf(report: Pick<Report, 'verdict' | 'stages'>): string {
  const { verdict, stages } = report;
  const names = stages.map((s) => s.stage).join(', ');
  const failing = stages.flatMap((s) => s.findings.filter((f) => f.outcome === 'fail'));
  const warning = stages.flatMap((s) => s.findings.filter((f) => f.outcome === 'warn'));
  const unjudged = unjudgedText(stages);
  const tail = unjudged === '' ? '' : `; ${unjudged}`;
  switch (verdict) {
    case 'fail': {
      const places = [...new Set(failing.map(place))];
      return `${failing.length} ${failing.length === 1 ? 'breach' : 'breaches'} in ${names}: ${places.slice(0, 4).join(', ')}${places.length > 4 ? ', …' : ''}${tail}`;
    }
    case 'warn': {
      // Endpoints the current run lost are not changes: name them apart (coverage.missing: warn).
      // Endpoints the current run lost, and changes seen on too few requests to fail on, are named apart.
      const lost = warning.filter((f) => f.reason.code === 'lost-scope');
      const few = warning.filter((f) => f.reason.code === 'confirmed-few');
      const ends = warning.filter((f) => f.reason.code === 'confirmed-end');
      const short = warning.filter((f) => f.reason.code === 'confirmed-short');
      const unconfirmed = warning.length - lost.length - few.length - ends.length - short.length;
      const listed = (fs: readonly Finding[]): string => {
        const places = [...new Set(fs.map(place))];
        return `${places.slice(0, 4).join(', ')}${places.length > 4 ? ', …' : ''}`;
      };
      const parts: string[] = [];
      if (unconfirmed > 0 || (lost.length === 0 && few.length === 0 && ends.length === 0 && short.length === 0)) {
        parts.push(`${unconfirmed} ${unconfirmed === 1 ? 'change' : 'changes'} beyond a limit in ${names} that the data cannot confirm`);
      }
      const inNames = parts.length > 0 ? '' : ` in ${names}`;
      if (short.length > 0) parts.push(`${short.length} ${short.length === 1 ? 'change' : 'changes'} beyond a limit${inNames} on a run too short to fail on: ${listed(short)}`);
      if (ends.length > 0) parts.push(`${ends.length} ${ends.length === 1 ? 'slowdown' : 'slowdowns'} in the last third of the run${inNames}: ${listed(ends)}`);
      if (few.length > 0) parts.push(`${few.length} ${few.length === 1 ? 'change' : 'changes'} beyond a limit${inNames} on fewer requests than minSamples: ${listed(few)}`);
      if (lost.length > 0) parts.push(`${lost.length} ${lost.length === 1 ? 'endpoint' : 'endpoints'} of the baseline missing from the current run${parts.length > 0 ? '' : ` in ${names}`}: ${listed(lost)}`);
      return `${parts.join('; ')}${tail}`;
    }
    case 'inconclusive': {
      const note = stages.flatMap((s) => s.notes)[0];
      return `${names}: the data cannot decide${note !== undefined ? ` (${note})` : unjudged === '' ? ' (too little data)' : ''}${tail}`;
    }
    case 'pass':
      return `${names}: no regression beyond the limits, thresholds hold${tail}`;
  }
}

/**
 * What went unjudged, so a pass never hides it: `3 of 11 endpoints could not be judged (too few requests)`,
 * then other questions (`1 threshold`, `throughput`) with their reasons. Empty when everything was judged.
 */
function unjudgedText(stages: readonly StageReport[]): string {
  const endpoints = stages.flatMap((s) => s.scopes.filter((row) => row.scope !== undefined));
  const none = { count: 0, why: new Set<Shortfall>() };
  const part = { count: 0, why: new Set<Shortfall>() };
  for (const stage of stages) {
    for (const row of stage.scopes) {
      if (row.scope === undefined || row.outcome !== 'inconclusive') continue;
      const tag = row.scope.tag;
      const value = row.scope.value;
      const own = stage.findings.filter((f) => f.kind !== 'threshold' && f.kind !== 'data' && f.scope?.tag === tag && f.scope.value === value);
      const open = own.filter((f) => f.outcome === 'inconclusive');
      // Passing findings are not listed in stage.findings; an inconclusive row with fewer open questions than it asked was judged in part.
      const judgedSome = row.confidence.level !== 'not-applicable' || open.length < own.length;
      const target = judgedSome ? part : none;
      target.count++;
      for (const f of open) target.why.add(f.shortfall ?? 'other');
      if (open.length === 0) target.why.add(row.decidedBy?.shortfall ?? 'other');
    }
  }
  const parts: string[] = [];
  const of = `of ${endpoints.length} ${endpoints.length === 1 ? 'endpoint' : 'endpoints'}`;
  if (none.count > 0) parts.push(`${none.count} ${of} could not be judged (${reasons(none.why)})`);
  if (part.count > 0) parts.push(`${part.count} ${none.count > 0 ? 'more' : of} could be judged only in part (${reasons(part.why)})`);
  const others = new Map<string, { count: number; why: Set<Shortfall> }>();
  for (const f of stages.flatMap((s) => s.findings)) {
    if (f.outcome !== 'inconclusive' || (f.scope !== undefined && f.kind !== 'threshold')) continue;
    const what = f.kind === 'threshold' ? 'threshold' : runSubject(f.kind, f.statistic);
    const entry = others.get(what) ?? { count: 0, why: new Set<Shortfall>() };
    entry.count++;
    entry.why.add(f.shortfall ?? 'other');
    others.set(what, entry);
  }
  for (const [what, { count, why }] of others) {
    parts.push(what === 'threshold' ? `${count} ${count === 1 ? 'threshold' : 'thresholds'} could not be checked (${reasons(why)})` : `${what} could not be judged (${reasons(why)})`);
  }
  return parts.join('; ');
}

function reasons(set: ReadonlySet<Shortfall>): string {
  return [...set].sort().map(shortfallText).join(', ');
}

/** The whole-run subject of a finding, in the headline's words. */
function runSubject(kind: FindingKind, statistic: string): string {
  switch (kind) {
    case 'latency':
      return `${statistic === 'med' ? 'typical' : statistic} latency of all requests`;
    case 'throughput':
      return 'throughput';
    case 'error-rate':
      return 'the error rate';
    case 'failure-signature':
      return 'failure signatures';
    case 'memory':
    case 'leak':
      return 'memory';
    case 'degradation':
      return 'degradation over the run';
    case 'threshold':
      return 'threshold';
    case 'data':
      return 'coverage';
  }
}

/** 0.2 → `20`, 0.155 → `15.5`: a limit's percentage with at most one decimal. */
function percent(fraction: number): string {
  return String(Math.round(fraction * 1000) / 10);
}

/** What a row's test could have caught: `can detect ≥ +34 %`. */
export function detectableText(change: number): string {
  return `can detect ≥ ${formatChange(change)}`;
}

/**
 * A request's share in words: `1 in 11 requests` for shares down to 1 in 1,000 (rounded to a whole
 * "1 in n" when it reads well), else a percentage.
 */
function shareText(share: number): string {
  if (share >= 0.5) return `${formatPercent(share)} of requests`;
  const n = Math.round(1 / share);
  return share > 0.001 && Math.abs(1 / n - share) / share < 0.05 ? `1 in ${groupThousands(n)} requests` : `${formatPercent(share)} of requests`;
}

/**
 * The test's mix change, as sentences: `GET /api/new-feature is new: 1 in 11 requests. … All requests are
 * compared over the 10 endpoints both runs share, weighted as in the baseline; throughput is not judged.`
 */
export function mixText(mix: RequestMix): string {
  const by = new Map(mix.entries.map((e) => [e.value, e]));
  const parts: string[] = [];
  for (const v of mix.added) parts.push(`${v} is new: ${shareText(by.get(v)!.currentShare)}`);
  for (const v of mix.removed) parts.push(`${v} is gone (it was ${shareText(by.get(v)!.baselineShare)})`);
  for (const v of mix.shifted) {
    const e = by.get(v)!;
    parts.push(`${v} went from ${formatPercent(e.baselineShare)} to ${formatPercent(e.currentShare)} of requests`);
  }
  const shared = mix.entries.filter((e) => e.baselineCount > 0 && e.currentCount > 0).length;
  return `The test's request mix changed: ${parts.join('; ')}. All requests are compared over the ${shared} ${shared === 1 ? 'endpoint' : 'endpoints'} both runs share, weighted as in the baseline; throughput is not judged across different mixes.`;
}

/**
 * What the stage could not see, in one sentence: `The least-powered endpoint, GET /api/x, can detect ≥ +41 %
 * here; detecting the +20 % limit would take about 1 min 20 s of this load (same request rate, spread and
 * clustering assumed).`
 */
export function powerText(p: StagePower): string {
  const head = `The least-powered endpoint, ${p.scope.value}, ${detectableText(p.detectable)} here`;
  const limit = `+${percent(p.limit)} %`;
  if (p.unreachable === true) return `${head}; no run length reaches the ${limit} limit, because the run-to-run noise alone is larger (runToRunNoise).`;
  if (p.neededSeconds === undefined) return `${head}.`;
  if (p.neededSeconds <= p.durationSeconds) return `${head}; this run is long enough to detect the ${limit} limit with 80 % power.`;
  return `${head}; detecting the ${limit} limit with 80 % power would take about ${formatDuration(p.neededSeconds)} of this load instead of ${formatDuration(p.durationSeconds)} (same request rate, spread and clustering assumed).`;
}

/**
 * Where the run-to-run noise came from, when it was learned: `Run-to-run noise learned from 12 stored runs of
 * the baseline branch: 1.4 % for the stage, 1.1–2.3 % per endpoint (default 3 %).` The default is not worded
 * (docs/verdict.md states it; the JSON report carries it).
 */
export function noiseText(n: StageNoise): string | undefined {
  if (n.source !== 'history') return undefined;
  const range = n.lowest === n.highest ? `${percentText(n.lowest)} for every scope` : `${percentText(n.pooled)} for the stage, ${percentText(n.lowest)}–${percentText(n.highest)} per scope`;
  const aside = n.setAside > 0 ? `; ${n.setAside} ${n.setAside === 1 ? 'step' : 'steps'} between stored runs too large for noise set aside as code changes` : '';
  return `Run-to-run noise learned from ${n.runs} stored runs of the baseline branch: ${range} (default ${percentText(n.default)})${aside}.`;
}

/**
 * The A/B rounds of a stage: how many pairs were judged, each pair's whole-run typical-latency ratio (so a
 * reviewer sees whether they agree), the spread between them, and any round that failed.
 */
export function abText(ab: AbSummary): string {
  const planned = ab.plannedRounds / 2;
  const rounds = ab.roundSeconds !== undefined ? ` of ${formatDuration(ab.roundSeconds)} rounds` : '';
  const judged = ab.pairs === planned ? `${formatCount(ab.pairs)} pairs${rounds}` : `${formatCount(ab.pairs)} of ${formatCount(planned)} pairs${rounds}`;
  const ratios = ab.ratios.length > 0 ? `; typical latency of the whole run, candidate/baseline per pair: ${ratiosText(ab.ratios)}` : '';
  const spread = ab.spread !== undefined ? `; the pairs differ by ± ${percentText(Math.expm1(ab.spread))} (the noise these rounds measured)` : '';
  const failed = ab.failedRounds.length === 0
    ? ''
    : ` ${formatCount(ab.failedRounds.length)} ${ab.failedRounds.length === 1 ? 'round' : 'rounds'} failed and ${ab.failedRounds.length === 1 ? 'its pair was' : 'their pairs were'} left out: ${ab.failedRounds.map((r) => `round ${r.round + 1} (${r.arm}): ${r.reason}`).join('; ')}.`;
  return `A/B rounds against the baseline service, in ABBA order: ${judged} judged${ratios}${spread}.${failed}`;
}

/**
 * What the pairs could see, in pairs rather than seconds: the pairs' se shrinks as 1/√pairs, so the pairs
 * needed for the limit are today's times the stage's sample-size factor (StagePower: needed / duration).
 */
export function abPowerText(p: StagePower, ab: AbSummary): string {
  const head = `The least-powered endpoint, ${p.scope.value}, ${detectableText(p.detectable)} from ${formatCount(ab.pairs)} round pairs`;
  const limit = `+${percent(p.limit)} %`;
  if (p.neededSeconds === undefined || !(p.durationSeconds > 0)) return `${head}.`;
  const needed = Math.ceil(ab.pairs * (p.neededSeconds / p.durationSeconds));
  if (needed <= ab.pairs) return `${head}; enough to detect the ${limit} limit with 80 % power.`;
  return `${head}; detecting the ${limit} limit with 80 % power would take about ${formatCount(needed)} pairs of these rounds (--rounds ${needed}).`;
}

/** Ratios as `×1.02 ×0.98 …`, the first 12 of them. */
function ratiosText(ratios: readonly number[]): string {
  const shown = ratios.slice(0, 12).map((r) => `×${r.toFixed(2)}`).join(' ');
  return ratios.length > 12 ? `${shown} … (${formatCount(ratios.length)} in all)` : shown;
}

function percentText(x: number): string {
  return `${percent(x)} %`;
}

/**
 * What a sequential stage did: when and why its load stopped and the time that saved against the planned
 * length, or why it ran on. `Sequential: stopped at 31 s of the 2 min planned — a regression was confirmed at
 * the look at 30 s; 1 min 29 s (74 %) of the planned time saved; …`
 */
export function sequentialText(q: SequentialSummary): string {
  const planned = formatDuration(q.plannedSeconds);
  const ran = formatDuration(q.ranSeconds);
  const saved = q.plannedSeconds - q.ranSeconds;
  const savedText = saved > 0.5 ? `; ${formatDuration(saved)} (${Math.round((100 * saved) / q.plannedSeconds)} %) of the planned time saved` : '';
  const finalAlpha = `judged at the end at α ${formatAlpha(q.finalAlpha)}`;
  const open = [...q.looks].reverse().find((l) => l.decision === 'open' && l.open && l.open.length > 0)?.open;
  const openText = open ? ` (still open at the last look: ${open.slice(0, 3).join(', ')}${open.length > 3 ? ` and ${open.length - 3} more` : ''})` : '';
  const lookTimes = q.looks.length > 0 ? `looks at ${q.looks.map((l) => formatDuration(l.atSeconds)).join(', ')}` : 'no look was taken';
  switch (q.end) {
    case 'regression':
      return `Sequential: stopped at ${ran} of the ${planned} planned — a regression was confirmed at the look at ${formatDuration(q.stoppedAtLook ?? q.ranSeconds)}${savedText}; ${finalAlpha}.`;
    case 'within-limits':
      return `Sequential: stopped at ${ran} of the ${planned} planned — every question was within its limits at the look at ${formatDuration(q.stoppedAtLook ?? q.ranSeconds)}, and the rest of the run could not plausibly have failed it${savedText}; ${finalAlpha}.`;
    case 'full-length': {
      const extended = q.ranSeconds > q.plannedSeconds + 0.5 ? `, ${formatDuration(q.ranSeconds - q.plannedSeconds)} past the ${planned} planned (budget ${formatDuration(q.maxSeconds)}), as the answer was still open` : q.ranSeconds < q.plannedSeconds - 0.5 ? ` — the script's own length, shorter than the ${planned} planned` : ` (the ${planned} planned)`;
      return `Sequential: the load ran its full ${ran}${extended}; ${lookTimes} did not settle it${openText}; ${finalAlpha}.`;
    }
    case 'budget':
      return `Sequential: the load was stopped at its budget of ${formatDuration(q.maxSeconds)} (it ran ${ran}; the script does not seem to read PERF_GATE_STAGE_DURATION)${openText}; ${finalAlpha}.`;
    case 'no-baseline':
      return `Sequential: no baseline to compare with, so no look could settle anything early; the load ran the ${planned} planned.`;
    case 'unwatched':
      return `Sequential: not applied — ${q.why ?? 'the run could not be seen while the load ran'}; the load ran ${ran}, ${finalAlpha}.`;
    case 'cancelled':
      return `Sequential: the run was cancelled at ${ran} of the ${planned} planned; ${lookTimes}.`;
  }
}

function formatAlpha(alpha: number): string {
  return Number(alpha.toPrecision(3)).toString();
}

/** How many shards a sentence lists by name; a bigger test shows the lightest and heaviest. */
const SHARDS_LISTED = 8;

/**
 * What each shard, and each region, of a merged distributed run contributed: `Shards: 4 of 4 merged, their
 * loads started 0.3 s apart — 1/4 us-east 1,210 requests (p95 80.1 ms, 0.00 % errors), …; by region: …`.
 */
export function shardsText(f: ShardFigures): string {
  const share = (x: ShardShare): string => `${formatCount(x.requests)} requests${x.p95 !== undefined || x.errorRate !== undefined ? ` (${[...(x.p95 !== undefined ? [`p95 ${formatMs(x.p95)}`] : []), ...(x.errorRate !== undefined ? [`${formatPercent(x.errorRate)} errors`] : [])].join(', ')})` : ''}`;
  const member = (m: ShardFigures['members'][number]): string => `${m.index}/${f.count}${m.region !== undefined ? ` ${m.region}` : ''} ${share(m)}`;
  let listed: string;
  if (f.members.length <= SHARDS_LISTED) listed = f.members.map(member).join(', ');
  else {
    const sorted = [...f.members].sort((a, b) => a.requests - b.requests);
    listed = `the fewest requests ${member(sorted[0]!)}, the most ${member(sorted[sorted.length - 1]!)}`;
  }
  const missing = f.missing.length > 0 ? `; missing: ${f.missing.map((m) => `${m.index}/${f.count} (segment ${m.segment})`).join(', ')}, so the counts and throughput fall short of the whole test's` : '';
  const regions = f.regions.length > 0 ? `; by region: ${f.regions.map((r) => `${r.region} (${r.shards} shard${r.shards === 1 ? '' : 's'}) ${share(r)}`).join('; ')}` : '';
  return `Shards: ${f.members.length} of ${f.count} merged, their loads started ${formatNumber(f.startSpreadSeconds, 2)} s apart — ${listed}${regions}${missing}.`;
}

/** How each phase is named to a reader: what it means for where to look. */
const PHASE_WORDS: Readonly<Record<RequestPhase, string>> = {
  sending: 'sending the request',
  waiting: 'waiting (server time)',
  receiving: 'receiving the response',
  blocked: 'blocked (waiting for a free connection or DNS)',
  connecting: 'connecting',
  tls: 'TLS handshaking',
};

/** A phase's mean change below this (ms) is no part of an explanation. */
const PHASE_NOISE_MS = 0.05;

/**
 * Where the time went on one endpoint, when its mean latency rose: `GET /api/alerts: +42.0 ms mean per
 * request, of which +40.1 ms waiting (server time)`; and connection setup that at least tripled, which
 * the latency does not include: `connection setup 0.04 → 1.87 ms per request: connections are no longer
 * reused (keep-alive lost?)`. Undefined when neither applies.
 */
export function phasesText(label: string, p: PhaseBreakdown): string | undefined {
  const parts: string[] = [];
  const rise = p.meanCurrent - p.meanBaseline;
  const delta = (x: { baseline: number; current: number }): number => x.current - x.baseline;
  if (rise > PHASE_NOISE_MS && rise / p.meanBaseline > 0.02) {
    const inside = p.phases.filter((x) => DURATION_PHASES.includes(x.phase) && delta(x) > PHASE_NOISE_MS && delta(x) >= rise * 0.1).sort((a, b) => delta(b) - delta(a)).slice(0, 2);
    const of = inside.length > 0 ? `, of which ${inside.map((x) => `+${formatMs(delta(x))} ${PHASE_WORDS[x.phase]}`).join(' and ')}` : '';
    parts.push(`+${formatMs(rise)} mean per request${of}`);
  }
  const setup = (which: 'baseline' | 'current'): number => p.phases.filter((x) => x.phase === 'connecting' || x.phase === 'tls').reduce((sum, x) => sum + x[which], 0);
  const [before, after] = [setup('baseline'), setup('current')];
  // Tripled and by more than noise: on a LAN a connect costs a tenth of a millisecond, so a lost keep-alive
  // moves the mean per request by little in absolute terms and by many times relatively.
  if (after - before > PHASE_NOISE_MS && after >= 3 * before) {
    // Where the runs say how many requests opened a connection, that decides: most of them now, and ten
    // times the baseline's share. Else the mean connect time, which a short run's few slow first connects inflate.
    const c = p.connected;
    const lost = c ? c.current >= 0.5 && c.current >= 10 * c.baseline : before < after / 10;
    const reuse = lost ? ': connections are no longer reused (keep-alive lost?)' : ': fewer connections are reused';
    const share = c ? `, ${formatPercent(c.baseline)} → ${formatPercent(c.current)} of requests opened a connection` : '';
    parts.push(`connection setup ${formatMs(before)} → ${formatMs(after)} per request${before > 0 ? ` (×${formatNumber(after / before, 2)})` : ''}${reuse}${share}`);
  }
  const blocked = p.phases.find((x) => x.phase === 'blocked');
  if (blocked && delta(blocked) > 1 && blocked.current >= 2 * blocked.baseline && !(after - before > PHASE_NOISE_MS && after >= 3 * before)) parts.push(`+${formatMs(delta(blocked))} ${PHASE_WORDS.blocked} per request`);
  return parts.length > 0 ? `${label}: ${parts.join('; ')}.` : undefined;
}

/**
 * Where the time went, for the rows a reviewer looks at: every failing or warning endpoint, and the whole
 * run (connection setup lost shows there even when no latency moved).
 */
export function timeHints(scopes: readonly ScopeComparison[]): string[] {
  return scopes.flatMap((row) => {
    if (!row.phases) return [];
    const wholeRun = row.scope === undefined;
    if (!wholeRun && row.outcome !== 'fail' && row.outcome !== 'warn') return [];
    const text = phasesText(wholeRun ? 'All requests' : row.scope!.value, row.phases);
    return text !== undefined && (!wholeRun || row.outcome === 'fail' || row.outcome === 'warn' || text.includes('connection') || text.includes('blocked')) ? [`Where the time went — ${text}`] : [];
  });
}

/** A stage's notes as the renderers list them: the mix change, what the run could see and the noise it assumed, then the gate's own notes. */
export function stageNotes(stage: Pick<StageReport, 'mix' | 'power' | 'noise' | 'ab' | 'sequential' | 'notes'> & Partial<Pick<StageReport, 'shards' | 'scopes' | 'resources' | 'findings' | 'capacity'>>): string[] {
  const noise = stage.noise ? noiseText(stage.noise) : undefined;
  const power = stage.power ? (stage.ab ? abPowerText(stage.power, stage.ab) : powerText(stage.power)) : undefined;
  const resources = stage.resources ? [...resourceHints({ findings: stage.findings ?? [], resources: stage.resources }), resourcesText(stage.resources)] : [];
  return [...(stage.shards ? [shardsText(stage.shards)] : []), ...(stage.capacity ? [capacityText(stage.capacity)] : []), ...timeHints(stage.scopes ?? []), ...resources, ...(stage.sequential ? [sequentialText(stage.sequential)] : []), ...(stage.ab ? [abText(stage.ab)] : []), ...(stage.mix ? [mixText(stage.mix)] : []), ...(power ? [power] : []), ...(noise ? [noise] : []), ...stage.notes];
}
