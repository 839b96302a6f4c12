import type { StagePolicy } from '../config/policy.js';
import { entriesOfLatency, type HistoryEntry } from '../document/history-entry.js';
import type { RunDocument } from '../document/run-document.js';
import { RunView } from '../document/run-view.js';
import { scopeName } from '../document/selector.js';
import { isInsufficient } from '../stats/insufficient.js';
import { benjaminiHochberg, holm } from '../stats/multiplicity.js';
import type { Assessment } from './assessment.js';
import { checkPolicyAgainstRuns } from './check-policy.js';
import { checkSameTool } from './same-tool.js';
import { renameNote, withRunNames } from './role-names.js';
import { classify } from './classify.js';
import type { ComparisonContext, Detector, JudgedScope, RunContext } from './detector.js';
import { AB_DETECTORS, DETECTORS } from './detectors/index.js';
import { signatureNote } from './detectors/failure-signatures.js';
import { defaultNoise, learnNoise, type LearnedNoise } from './learned-noise.js';
import { NO_POOLING, poolBaseline, type PooledBaseline } from './pooled-baseline.js';
import { memoryTrend, type MemoryTrend } from './memory-trend.js';
import { compareResources } from './resources.js';
import { compareCapacity } from './capacity.js';
import { changedMix, sharedMixViews } from './mix.js';
import { stagePower } from './power.js';
import { phaseBreakdown } from './phases.js';
import { outcomeRank, sortFindings, worstOutcome } from './outcome.js';
import type { AbSummary, Decision, Finding, Outcome, ScopeComparison, ScopeSummary, StageNoise, StageReport } from './verdict.js';

export interface CompareInput {
  /** The stored baseline; absent on a first run (regressions are then inconclusive, SLOs still apply). */
  readonly baseline?: RunDocument;
  readonly current: RunDocument;
  readonly policy: StagePolicy;
  /** The questions to ask; default the registry (detectors/index.ts). */
  readonly detectors?: readonly Detector[];
  /**
   * The stage's stored history on the baseline branch, oldest first: the run-to-run noise is learned
   * from it (policy.noiseLearning). Absent or short: the policy's runToRunNoise.
   */
  readonly history?: readonly HistoryEntry[];
  /**
   * Interleaved A/B rounds (ab mode): `baseline` is then the baseline service's rounds added up and
   * `current` the candidate's (document/arm-run.ts), and latency and throughput are judged from the round
   * pairs (AB_DETECTORS). The history is not used: the pairs measure the noise.
   */
  readonly ab?: AbInput;
}

/** The round pairs of an A/B stage and what became of its rounds. */
export interface AbInput {
  /** Pairs whose two rounds both measured, in schedule order. */
  readonly pairs: readonly { readonly pair: number; readonly baseline: RunDocument; readonly current: RunDocument }[];
  readonly plannedRounds: number;
  readonly failedRounds: AbSummary['failedRounds'];
  readonly roundSeconds?: number;
}

/**
 * Compares a run with its baseline under a stage's policy: absolute SLOs, regressions per scope
 * (latency, error rate), whole-run throughput, memory, and for endurance stages leaks and degradation.
 * Pure: the same documents and policy always give the same report.
 */
export function compareRuns(input: CompareInput): StageReport {
  return judgeStage(input).report;
}

/**
 * compareRuns, and every finding it classified — also the passes the report leaves out — for callers that
 * decide from all of them (the sequential gate asks whether every question is within its limit).
 */
export function judgeStage(given: CompareInput): { readonly report: StageReport; readonly findings: readonly Finding[] } {
  if (given.baseline) checkSameTool(given.baseline, given.current);
  const current = new RunView(given.current);
  const baseline = given.baseline ? new RunView(given.baseline) : undefined;
  // Role names (the presets' k6 names, `latency`) mean the tool's own metrics.
  const named = withRunNames(given.policy, current.roles, given.baseline ? [given.current, given.baseline] : [given.current]);
  const policy = named.policy;
  const input: CompareInput = { ...given, policy };
  // The tool names what the gate judges; the config may name another latency metric.
  const roles = { ...current.roles, latency: policy.latencyMetric ?? current.roles.latency };
  checkPolicyAgainstRuns(policy, input, roles.latency);
  const notes: string[] = [];
  const renamed = renameNote(named.renamed, input.current.meta.tool);
  if (renamed !== undefined) notes.push(renamed);
  const scopes = judgedScopes(baseline, current, policy, notes, roles.latency);
  if (!baseline) notes.push('No baseline: regressions cannot be judged on a first run; absolute thresholds still apply.');
  const unsigned = signatureNote(baseline, current, roles.failures);
  if (unsigned !== undefined) notes.push(unsigned);

  const warmup = policy.endurance?.warmupSeconds ?? 0;
  const currentMemory = input.current.memory ? memoryTrend(input.current.memory.samples, warmup) : undefined;
  const baselineMemory = input.baseline?.memory ? memoryTrend(input.baseline.memory.samples, warmup) : undefined;
  if (isInsufficient(currentMemory)) notes.push(`Memory of the current run: ${currentMemory.reason}.`);
  if (isInsufficient(baselineMemory)) notes.push(`Memory of the baseline: ${baselineMemory.reason}.`);
  for (const [which, m] of [['current run', currentMemory], ['baseline', baselineMemory]] as const) {
    if (m && !isInsufficient(m) && m.discarded > 0) notes.push(`Memory of the ${which}: ${m.discarded} ${m.discarded === 1 ? 'sample' : 'samples'} of 0 bytes set aside (the sampler read nothing).`);
  }
  if (policy.endurance && !input.current.memory) {
    notes.push('No memory samples for this endurance stage: leak and growth checks were skipped (pass --memory or memory-source).');
  }
  const memory = {
    ...(currentMemory && !isInsufficient(currentMemory) ? { current: currentMemory } : {}),
    ...(baselineMemory && !isInsufficient(baselineMemory) ? { baseline: baselineMemory } : {}),
  };
  // A test whose request mix changed is judged on the whole run over the shared endpoints, in the baseline's proportions.
  const mix = baseline ? changedMix(baseline, current, roles.latency, policy.groupBy[0]) : undefined;
  const judged = baseline && mix ? sharedMixViews(baseline, current, roles.latency, mix) : { baseline, current };
  const history = ofLatency(input.history ?? [], roles.latency, current.roles.latency, notes);
  const noise = baseline && !input.ab ? learnNoise(history, policy) : defaultNoise(policy);
  const pooled = input.baseline && !input.ab ? poolBaseline(history, input.baseline.meta, policy) : NO_POOLING;
  const pairs = input.ab?.pairs.map((p) => ({ pair: p.pair, baseline: new RunView(p.baseline), current: new RunView(p.current) }));
  const detectors = input.detectors ?? (input.ab ? AB_DETECTORS : DETECTORS);
  const assessments = detect(detectors, { policy, roles, current, baseline, scopes, memory, noise, pooled, ...(mix ? { mix } : {}), ...(pairs ? { pairs } : {}) }, judged);

  const findings = adjustAndClassify(assessments, policy);
  const pooledNote = pooledBaselineNote(pooled, findings, history.length);
  if (pooledNote) notes.push(pooledNote);
  if (input.current.meta.partial) notes.push('The current run is partial (the load test was cut short): its numbers cover only what was measured.');
  if (input.baseline?.meta.partial) notes.push('The baseline run is partial (its load test was cut short): it covers only what was measured.');
  if (input.current.meta.aggregateOnly || input.baseline?.meta.aggregateOnly) {
    const formats = [...new Set([input.current, input.baseline].flatMap((d) => (d?.meta.aggregateOnly ? d.meta.sources.map((src) => src.format) : [])))];
    notes.push(`Aggregate-only input (${formats.join(', ') || 'a summary'}): percentile changes are reported, distribution tests are not applicable.`);
  }
  for (const w of input.current.meta.warnings) notes.push(`Current run: ${w}`);
  for (const w of input.baseline?.meta.warnings ?? []) notes.push(`Baseline: ${w}`);

  const scopeRows = scopes.map((s) => {
    const row = scopeRow(s, judged.baseline, judged.current, findings);
    const phases = baseline ? phaseBreakdown(baseline, current, roles.latency, s.tags) : undefined;
    return phases ? { ...row, phases } : row;
  });
  const resources = compareResources(input.baseline, input.current);
  const capacity = compareCapacity(baseline, current, roles, policy.thresholds);
  const outcome = overallOutcome(findings, baseline !== undefined, scopeRows);
  const power = stagePower(findings, policy, input.current.meta.durationSeconds);
  const report: StageReport = {
    stage: policy.stage,
    outcome,
    ...(input.baseline ? { baselineRun: runInfo(input.baseline) } : {}),
    currentRun: runInfo(input.current),
    findings: sortFindings(withoutRepeats(findings.filter(worthReporting))),
    scopes: scopeRows,
    ...(currentMemory && !isInsufficient(currentMemory)
      ? { memory: { current: memorySummary(currentMemory), ...(baselineMemory && !isInsufficient(baselineMemory) ? { baseline: memorySummary(baselineMemory) } : {}) } }
      : {}),
    limits: { latency: policy.regression.latency.maxIncrease, throughput: policy.regression.throughput.maxDecrease, errorRate: { ...policy.regression.errorRate } },
    ...(capacity ? { capacity } : {}),
    ...(resources ? { resources } : {}),
    ...(mix ? { mix } : {}),
    ...(power ? { power } : {}),
    ...(baseline && !input.ab ? { noise: stageNoise(noise, scopes, policy) } : {}),
    ...(input.ab ? { ab: abSummary(input.ab, findings) } : {}),
    notes,
  };
  return { report, findings };
}

/** The A/B section of the report: the rounds, and the whole run's typical-latency ratio of each pair. */
function abSummary(ab: AbInput, findings: readonly Finding[]): AbSummary {
  const whole = findings.find((f) => f.kind === 'latency' && f.statistic === 'med' && f.scope === undefined);
  const paired = whole?.details?.paired;
  return {
    pairs: ab.pairs.length,
    plannedRounds: ab.plannedRounds,
    failedRounds: ab.failedRounds,
    ratios: paired?.ratios ?? [],
    ...(paired ? { spread: paired.spread } : {}),
    ...(ab.roundSeconds !== undefined ? { roundSeconds: ab.roundSeconds } : {}),
  };
}


function stageNoise(noise: LearnedNoise, scopes: readonly JudgedScope[], policy: StagePolicy): StageNoise {
  const figures = scopes.map((s) => noise.of(s.scope).noise);
  return {
    source: noise.pooled.source,
    default: policy.runToRunNoise,
    runs: noise.runs,
    setAside: noise.setAside,
    pooled: noise.pooled.noise,
    lowest: Math.min(...figures),
    highest: Math.max(...figures),
  };
}

/** The scopes a stage judges: the whole run, then each value of each grouping tag (the busiest maxScopes of them). */
export function judgedScopes(baseline: RunView | undefined, current: RunView, policy: StagePolicy, notes: string[] = [], latencyMetric = policy.latencyMetric ?? current.roles.latency): JudgedScope[] {
  const out: JudgedScope[] = [{ name: latencyMetric, tags: {} }];
  for (const tag of policy.groupBy) {
    const values = new Set([...current.scopesByTag(latencyMetric, tag).keys(), ...(baseline ? baseline.scopesByTag(latencyMetric, tag).keys() : [])]);
    let kept = [...values].sort();
    if (kept.length > policy.maxScopes) {
      // Documents made with a higher cap (or before there was one): judge the busiest, say what was left out.
      const requests = (v: string): number => (current.value(scopeName(latencyMetric, { [tag]: v }), 'count') ?? 0) + (baseline?.value(scopeName(latencyMetric, { [tag]: v }), 'count') ?? 0);
      const busiest = [...kept].sort((a, b) => requests(b) - requests(a) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, policy.maxScopes);
      notes.push(`${kept.length} values of '${tag}' are more than maxScopes (${policy.maxScopes}): the ${policy.maxScopes} with the most requests are judged on their own, the other ${kept.length - policy.maxScopes} only as part of the whole run.`);
      kept = busiest.sort();
    }
    for (const value of kept) {
      out.push({ name: scopeName(latencyMetric, { [tag]: value }), scope: { tag, value }, tags: { [tag]: value } });
    }
  }
  return out;
}

/**
 * Asks every detector its questions, in registry order; consecutive per-scope detectors are asked scope
 * by scope (all questions about one endpoint together), and those that compare with a baseline are
 * skipped on a first run. Per-scope comparisons read `judged` (the whole run re-formed over the shared
 * endpoints when the mix changed); run-level questions — absolute SLOs, throughput, memory, degradation
 * within the run — read the runs as measured.
 */
function detect(detectors: readonly Detector[], ctx: RunContext, judged: { readonly baseline: RunView | undefined; readonly current: RunView }): Assessment[] {
  const out: Assessment[] = [];
  const comparison: ComparisonContext | undefined = ctx.baseline ? { ...ctx, baseline: ctx.baseline } : undefined;
  const scopeComparison: ComparisonContext | undefined = judged.baseline ? { ...ctx, current: judged.current, baseline: judged.baseline } : undefined;
  for (let i = 0; i < detectors.length; ) {
    const d = detectors[i]!;
    if (d.each === 'run') {
      if (d.needs === 'current') out.push(...d.detect(ctx));
      else if (comparison) out.push(...d.detect(comparison));
      i++;
      continue;
    }
    let j = i;
    while (j < detectors.length && detectors[j]!.each === 'scope') j++;
    const group = detectors.slice(i, j);
    for (const scope of ctx.scopes) {
      for (const g of group) {
        if (g.each !== 'scope') continue;
        if (g.needs === 'current') out.push(...g.detect(ctx, scope));
        else if (scopeComparison) out.push(...g.detect(scopeComparison, scope));
      }
    }
    i = j;
  }
  return out;
}

/**
 * Holm (or BH) over the tested questions that could confirm something, in two families: the questions
 * that can fail the stage, and those that can at most warn (an end of the run, a small endpoint). Each
 * family is held at α, so the chance of any false fail stays α and the warn-only questions do not cost
 * the ones that fail builds their power. A discrete test whose smallest attainable p is not below α (no
 * failures in either run) joins no family: it keeps its raw p, which cannot confirm, and does not dilute
 * the questions that can (Tarone's refinement, still FWER-valid).
 */
function adjustAndClassify(assessments: readonly Assessment[], policy: StagePolicy): Finding[] {
  const byIndex = new Map<number, number>();
  for (const warnOnly of [false, true]) {
    const tested = assessments
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => (a.atMost === 'warn') === warnOnly && a.pValue !== undefined && !a.deterministic && a.insufficient === undefined && !(a.minAttainableP !== undefined && a.minAttainableP >= policy.alpha));
    const raw = tested.map(({ a }) => a.pValue!);
    const adjusted = policy.multipleComparisons === 'holm' ? holm(raw) : policy.multipleComparisons === 'bh' ? benjaminiHochberg(raw) : raw;
    tested.forEach(({ i }, k) => byIndex.set(i, adjusted[k]!));
  }
  return assessments.map((a, i) => classify(a, byIndex.get(i) ?? (a.minAttainableP !== undefined && a.insufficient === undefined ? a.pValue : undefined), policy));
}

/**
 * An end-of-run finding says nothing new when the same scope's whole-run typical latency already has an
 * outcome at least as severe (a regression through the whole run is slower at its end too): it stays out
 * of the list, as one line per regression reads better. It was asked all the same, and counted in the
 * multiple-comparison family.
 */
function withoutRepeats(findings: readonly Finding[]): Finding[] {
  const whole = new Map<string, Finding>();
  for (const f of findings) if (f.kind === 'latency' && f.statistic === 'med' && f.details?.compared === undefined) whole.set(scopeKey(f), f);
  return findings.filter((f) => {
    if (f.details?.compared !== 'end-of-run') return true;
    const w = whole.get(scopeKey(f));
    return !w || outcomeRank(w.outcome) > outcomeRank(f.outcome);
  });
}

function scopeKey(f: Finding): string {
  return f.scope ? `${f.scope.tag}\u0000${f.scope.value}` : '';
}

/** Pass findings with nothing to say stay out of the list (the scope table shows them). */
function worthReporting(f: Finding): boolean {
  if (f.outcome !== 'pass') return true;
  if (f.kind === 'threshold' || f.kind === 'leak' || f.kind === 'memory' || f.kind === 'degradation') return true;
  // Changes that look beyond a limit but are noise are worth a line: a reviewer sees the number in the table.
  return f.confidence.level === 'confirmed' || f.beyondLimit === true;
}

function overallOutcome(findings: readonly Finding[], hasBaseline: boolean, rows: readonly ScopeComparison[]): Outcome {
  if (findings.some((f) => f.outcome === 'fail')) return 'fail';
  if (findings.some((f) => f.outcome === 'warn')) return 'warn';
  if (!hasBaseline) return 'inconclusive';
  // Per-endpoint gaps (a rare endpoint) do not make the run undecidable; the whole-run row does.
  return rows[0]?.outcome === 'inconclusive' ? 'inconclusive' : 'pass';
}

function scopeRow(s: JudgedScope, baseline: RunView | undefined, current: RunView, findings: readonly Finding[]): ScopeComparison {
  const mine = findings.filter((f) => f.kind !== 'threshold' && sameScope(f, s) && (f.kind === 'latency' || f.kind === 'error-rate' || f.kind === 'failure-signature'));
  const shift = mine.find((f) => f.kind === 'latency' && f.statistic === 'med') ?? mine.find((f) => f.kind === 'latency');
  const b = baseline ? withPooledPercentiles(summary(baseline, s), mine) : undefined;
  const c = summary(current, s);
  const outcome = mine.length > 0 ? worstOutcome(mine.map((f) => f.outcome)) : 'inconclusive';
  // The first finding with the row's outcome decides it (latency findings come first, the median first of them).
  const decider = mine.find((f) => f.outcome === outcome);
  return {
    metric: s.name,
    ...(s.scope ? { scope: s.scope } : {}),
    ...(b ? { baseline: b } : {}),
    ...(c ? { current: c } : {}),
    ...(shift?.change !== undefined ? { latencyChange: shift.change } : {}),
    ...(shift?.details?.detectable !== undefined ? { detectable: shift.details.detectable.change } : {}),
    confidence: shift?.confidence ?? { level: 'not-applicable' },
    outcome,
    // Named when it is not the typical-latency finding, or when nothing could be judged (the row says why).
    ...(decider && (decider !== shift || decider.outcome === 'inconclusive') ? { decidedBy: decision(decider) } : {}),
  };
}

/**
 * The stored runs whose figures describe the latency metric judged here: an entry names its metric when
 * the config named one, else it is the tool's own. Levels of another metric would teach the noise, and
 * average the percentiles, of a series this stage does not judge.
 */
function ofLatency(history: readonly HistoryEntry[], judged: string, toolOwn: string, notes: string[]): readonly HistoryEntry[] {
  const kept = entriesOfLatency(history, judged, toolOwn);
  const other = history.length - kept.length;
  if (other > 0) {
    const metrics = [...new Set(history.filter((e) => !kept.includes(e)).map((e) => e.latencyMetric ?? toolOwn))].join(', ');
    notes.push(`${other} of ${history.length} stored runs measured another latency metric (${metrics}, not ${judged}): their figures are not used for the run-to-run noise or the percentiles' baseline.`);
  }
  return kept;
}

/** What the percentile comparisons used as their baseline, when history was there to average over. */
function pooledBaselineNote(pooled: PooledBaseline, findings: readonly Finding[], historyRuns: number): string | undefined {
  if (pooled.maxRuns < 2 || historyRuns === 0) return undefined;
  if (!pooled.found) return 'The stored history does not hold the baseline run: percentiles are compared with the baseline run alone.';
  const runs = findings.flatMap((f) => (f.details?.pooledBaseline ? [f.details.pooledBaseline.runs] : []));
  if (runs.length === 0) return undefined;
  const lo = Math.min(...runs);
  const hi = Math.max(...runs);
  return `Percentile baselines are the geometric mean of ${lo === hi ? lo : `${lo}–${hi}`} stored runs of the baseline branch (the baseline run and those before it, back to the last code change; baselineRuns ${pooled.maxRuns}).`;
}

/** The row's baseline p95 and p99 are what the findings compared with: the mean over stored runs where the baseline was pooled. */
function withPooledPercentiles(b: ScopeSummary | undefined, findings: readonly Finding[]): ScopeSummary | undefined {
  if (!b) return b;
  let out = b;
  for (const f of findings) {
    if (f.kind !== 'latency' || !f.details?.pooledBaseline || f.baseline === undefined) continue;
    if (f.statistic === 'p(95)') out = { ...out, p95: f.baseline };
    if (f.statistic === 'p(99)') out = { ...out, p99: f.baseline };
  }
  return out;
}

function decision(f: Finding): Decision {
  const difference = f.kind === 'error-rate' && f.baseline !== undefined && f.current !== undefined ? f.current - f.baseline : undefined;
  return {
    kind: f.kind,
    statistic: f.statistic,
    ...(f.change !== undefined ? { change: f.change } : {}),
    ...(difference !== undefined ? { difference } : {}),
    confidence: f.confidence,
    ...(f.shortfall !== undefined ? { shortfall: f.shortfall } : {}),
    ...(f.details?.compared !== undefined ? { compared: f.details.compared } : {}),
  };
}

function sameScope(f: Finding, s: JudgedScope): boolean {
  return f.scope ? s.scope !== undefined && f.scope.tag === s.scope.tag && f.scope.value === s.scope.value : s.scope === undefined;
}

function summary(view: RunView, s: JudgedScope): ScopeSummary | undefined {
  const count = view.value(s.name, 'count');
  if (count === undefined && !view.scope(s.name)) return undefined;
  const errors = view.errors(s.tags);
  const pick = (k: string): number | undefined => view.value(s.name, k);
  const out: Record<string, number> = { count: count ?? 0 };
  const fields: [string, number | undefined][] = [
    ['p50', pick('med')],
    ['p95', pick('p(95)')],
    ['p99', pick('p(99)')],
    ['avg', pick('avg')],
    ['throughput', view.throughput(s.tags)],
    ['errorRate', errors && errors.total > 0 ? errors.failed / errors.total : undefined],
  ];
  for (const [k, v] of fields) if (v !== undefined && Number.isFinite(v)) out[k] = v;
  return out as unknown as ScopeSummary;
}

function runInfo(doc: RunDocument): StageReport['currentRun'] {
  return {
    start: doc.meta.start,
    durationSeconds: doc.meta.durationSeconds,
    partial: doc.meta.partial,
    tool: doc.meta.tool,
    ...(doc.meta.toolVersion ? { toolVersion: doc.meta.toolVersion } : {}),
    ...(doc.meta.gitSha ? { gitSha: doc.meta.gitSha } : {}),
  };
}

function memorySummary(m: MemoryTrend): NonNullable<NonNullable<StageReport['memory']>['current']> {
  return {
    startBytes: m.startBytes,
    endBytes: m.endBytes,
    peakBytes: m.peakBytes,
    ...(m.steadySlopeMBPerHour !== undefined ? { slopeMBPerHour: m.steadySlopeMBPerHour } : {}),
    ...(m.steadySlopeInterval !== undefined ? { slopeInterval: m.steadySlopeInterval } : {}),
    ...(m.rSquared !== undefined ? { rSquared: m.rSquared } : {}),
    ...(m.growth !== undefined ? { growth: m.growth } : {}),
  };
}
