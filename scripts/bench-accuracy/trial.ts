// One trial: five baseline runs and a current run generated from one seed, then judged by perf-gate (its
// public compareRuns under the stage's default policy) and by every competing rule, on the same data.
import { defaultConfig, resolvePolicy, type StagePolicy } from '../../src/config/index.js';
import { historyEntry, type HistoryEntry } from '../../src/document/history-entry.js';
import { RunBuilder } from '../../src/document/run-builder.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { buildReport } from '../../src/gate/report.js';
import { compareRuns } from '../../src/gate/compare.js';
import { generateRun, trialRng, type GeneratedRun } from './noise.js';
import { RULES, type Samples } from './rules.js';
import { MACHINES, type Scenario, type Stage } from './scenarios.js';

/** Baseline runs per trial: Bencher's history; the last is the baseline of every pairwise rule, the first sets the static k6 threshold. */
export const HISTORY_RUNS = 5;

/** What one rule concluded on one trial. */
export interface RuleResult {
  readonly fail: boolean;
  /** A finding names the scenario's endpoint: perf-gate's failing or warning ones, a competitor's alert. */
  readonly named: boolean;
  /** The headline is not a pass: warn, fail or inconclusive (a competitor rule only has alert/no alert). */
  readonly flagged: boolean;
}

/** perf-gate's result in more detail, for the detail table. */
export interface GateResult extends RuleResult {
  readonly outcome: 'pass' | 'warn' | 'fail' | 'inconclusive';
  /** A failing finding names the scenario's endpoint. */
  readonly failNamed: boolean;
  /** A warning finding names the scenario's endpoint. */
  readonly warnNamed: boolean;
  /** A failing finding names another endpoint. */
  readonly otherNamed: boolean;
  /** Kinds (and the whole run as `*`) of the failing findings, for reading why. */
  readonly failKinds: readonly string[];
}

export interface TrialResult {
  readonly gate: GateResult;
  readonly rules: Readonly<Record<string, RuleResult>>;
}

const START_MS = Date.UTC(2026, 11, 1, 9, 0, 0);

/** A run document built as ingest builds one: k6's http_reqs, http_req_duration and http_req_failed per request, through a RunBuilder. */
export function runDocument(run: GeneratedRun, stage: Stage, startMs = START_MS): RunDocument {
  const builder = new RunBuilder({ groupBy: ['name'], window: 'auto' });
  const duration = builder.defineMetric({ name: 'http_req_duration', type: 'trend', contains: 'time', thresholds: [], submetrics: [] });
  const reqs = builder.defineMetric({ name: 'http_reqs', type: 'counter', contains: 'default', thresholds: [], submetrics: [] });
  const failed = builder.defineMetric({ name: 'http_req_failed', type: 'rate', contains: 'default', thresholds: [], submetrics: [] });
  for (const e of run.endpoints) {
    const tags = { name: e.name };
    const d = builder.targets(duration, tags);
    const r = builder.targets(reqs, tags);
    const f = builder.targets(failed, tags);
    for (let i = 0; i < e.ms.length; i++) {
      const t = startMs + e.t[i]!;
      builder.point(d, t, e.ms[i]!);
      builder.point(r, t, 1);
      builder.point(f, t, e.failed[i]!);
    }
  }
  return builder.finish({ tool: 'k6', stage, sources: [{ file: 'bench-accuracy.ndjson', format: 'k6-ndjson', lines: 0, partial: false }] });
}

function samples(run: GeneratedRun): Samples {
  return new Map(run.endpoints.filter((e) => e.ms.length > 0).map((e) => [e.name, Float64Array.from(e.ms).sort()]));
}

const policies = new Map<Stage, StagePolicy>();
function policyOf(stage: Stage): StagePolicy {
  let p = policies.get(stage);
  if (!p) {
    p = resolvePolicy(defaultConfig(), stage);
    policies.set(stage, p);
  }
  return p;
}

/** perf-gate on one pair: the stage outcome, who the fail and warn findings name, and whether the report's headline flags anything. */
export function judgeWithGate(baseline: RunDocument, current: RunDocument, stage: Stage, focus: string | undefined, history: readonly HistoryEntry[] = []): GateResult {
  const report = compareRuns({ baseline, current, policy: policyOf(stage), history });
  const headline = buildReport([report], new Date(0)).verdict;
  const failing = report.findings.filter((f) => f.outcome === 'fail');
  const warning = report.findings.filter((f) => f.outcome === 'warn');
  return {
    outcome: report.outcome,
    fail: report.outcome === 'fail',
    // Naming is attribution: a warning about the endpoint names it (a first new failure warns by design).
    named: focus !== undefined && [...failing, ...warning].some((f) => f.scope?.value === focus),
    failNamed: focus !== undefined && failing.some((f) => f.scope?.value === focus),
    warnNamed: focus !== undefined && warning.some((f) => f.scope?.value === focus),
    otherNamed: failing.some((f) => f.scope !== undefined && f.scope.value !== focus),
    flagged: headline !== 'pass',
    failKinds: [...new Set(failing.map((f) => `${f.kind}${f.scope ? '' : '*'}`))].sort(),
  };
}

export function runTrial(scenario: Scenario, trial: number): TrialResult {
  const rng = trialRng(scenario.seed, trial);
  const machine = MACHINES[scenario.machine];
  const history = Array.from({ length: HISTORY_RUNS }, () => generateRun(machine, scenario.baseline(trial), rng));
  const current = generateRun(machine, scenario.current(trial), rng);
  const focus = scenario.focus?.(trial);
  // The baseline branch's stored runs, a day apart, the last of them the baseline; the current run 20 min
  // after it, like two CI jobs. perf-gate learns its run-to-run noise from the stored runs, as in CI.
  const stored = history.map((run, k) => runDocument(run, scenario.stage, START_MS - (HISTORY_RUNS - 1 - k) * 86_400_000));
  const entries = stored.map((doc, k) => historyEntry(doc, `base${k}`));
  const gate = judgeWithGate(stored[HISTORY_RUNS - 1]!, runDocument(current, scenario.stage, START_MS + 20 * 60_000), scenario.stage, focus, entries);
  const input = { history: history.map(samples), current: samples(current) };
  const rules: Record<string, RuleResult> = {};
  for (const rule of RULES) {
    const alerts = rule.alerts(input);
    rules[rule.id] = { fail: alerts.length > 0, named: focus !== undefined && alerts.includes(focus), flagged: alerts.length > 0 };
  }
  return { gate, rules };
}
