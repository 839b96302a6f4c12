// The cases of issue 9's table and the operating-characteristic sweep: what the baseline runs and the
// current run are, on which machine, judged under which stage, and which rate the target speaks of.
import calibration from './calibration.json' with { type: 'json' };
import type { EndpointChange, EndpointSpec, MachineModel, RunPlan } from './noise.js';

export type MachineName = 'quiet' | 'noisy';
export type Stage = 'smoke' | 'load';
/** fail: the stage fails; named: a failing or warning finding names the changed endpoint; flagged: the headline is not a pass. */
export type Measure = 'fail' | 'named' | 'flagged';

export interface Target {
  readonly op: '<=' | '>=';
  readonly value: number;
  /** The issue's wording of the target. */
  readonly text: string;
}

export interface Scenario {
  readonly id: string;
  readonly label: string;
  readonly machine: MachineName;
  readonly stage: Stage;
  readonly trials: number;
  readonly measure: Measure;
  readonly target?: Target;
  /** The issue's "today" figure, as written there. */
  readonly issueToday?: string;
  /** The baseline's test (every history run) and the current run's, for trial `i`. */
  readonly baseline: (i: number) => RunPlan;
  readonly current: (i: number) => RunPlan;
  /** The endpoint the scenario changed in trial `i` (what "named" looks for). */
  readonly focus?: (i: number) => string;
  /** For the sweep: the true change of the focus endpoint's typical latency. */
  readonly trueChange?: number;
  readonly seed: number;
}

export const MACHINES: Readonly<Record<MachineName, MachineModel>> = calibration.models;
export const ENDPOINTS: readonly EndpointSpec[] = calibration.endpoints;
const SECONDS = 20;
/** The endpoints with about 220 requests a run: a regression row changes one of them, a different one each trial. */
const BUSY = ENDPOINTS.filter((e) => e.count >= 200).map((e) => e.name);
const busy = (i: number): string => BUSY[i % BUSY.length]!;

/** The test with one extra endpoint or one endpoint less: with 5 closed-loop VUs an iteration gets longer or shorter, and every endpoint's count moves with it. */
function closedLoop(endpoints: readonly EndpointSpec[]): EndpointSpec[] {
  const meanMs = (e: EndpointSpec): number => e.medianMs * Math.exp((e.logSd * e.logSd) / 2);
  const requestMs = (list: readonly EndpointSpec[]): number => list.reduce((s, e) => s + (meanMs(e) * e.count) / ENDPOINTS[0]!.count, 0);
  const thinkMs = calibration.iterationMs - requestMs(ENDPOINTS);
  const factor = calibration.iterationMs / (thinkMs + requestMs(endpoints));
  return endpoints.map((e) => ({ ...e, count: Math.max(1, Math.round(e.count * factor)) }));
}

const plan = (endpoints: readonly EndpointSpec[], changes?: Record<string, EndpointChange>): RunPlan => ({ seconds: SECONDS, endpoints, ...(changes ? { changes } : {}) });
const same = (): RunPlan => plan(ENDPOINTS);
/** The same test run three times as long: three times the requests of every endpoint. */
const longer = (endpoints: readonly EndpointSpec[], changes?: Record<string, EndpointChange>): RunPlan => ({ seconds: 3 * SECONDS, endpoints: endpoints.map((e) => ({ ...e, count: 3 * e.count })), ...(changes ? { changes } : {}) });
const NEW_ENDPOINT: EndpointSpec = { name: 'GET /api/new-feature', count: 230, medianMs: 250, logSd: 0.4 };
const LOST = 'PUT /api/alerts/{id}';
const SMALL: EndpointSpec = { name: 'GET /api/audit/export', count: 15, medianMs: 150, logSd: 0.4 };

/** The rows of the table, in the issue's order. `scale` multiplies every trial count. */
export function tableScenarios(scale: number): Scenario[] {
  const n = (trials: number): number => Math.max(5, Math.round(trials * scale));
  const changed = (change: EndpointChange) => (i: number): RunPlan => plan(ENDPOINTS, { [busy(i)]: change });
  const errorRow = (rate: number, stage: Stage, seed: number, target: Target, today: string): Scenario => ({
    id: `errors-${rate * 100}pct-${stage}`,
    label: `one endpoint 0 → ${rate * 100} % failed requests (${stage})`,
    machine: 'quiet',
    stage,
    trials: n(100),
    measure: 'named',
    target,
    issueToday: today,
    baseline: same,
    current: changed({ errorRate: rate }),
    focus: busy,
    seed,
  });
  return [
    { id: 'aa-quiet', label: 'same code twice (A/A), quiet machine', machine: 'quiet', stage: 'smoke', trials: n(300), measure: 'fail', target: { op: '<=', value: 0.01, text: '≤ 1 %' }, issueToday: '≈ 0.3 % fail', baseline: same, current: same, seed: 1 },
    { id: 'aa-noisy', label: 'A/A on a noisy shared runner', machine: 'noisy', stage: 'smoke', trials: n(300), measure: 'fail', target: { op: '<=', value: 0.02, text: '≤ 2 %' }, issueToday: '≈ 7 % fail', baseline: same, current: same, seed: 2 },
    { id: 'typical-30', label: 'one endpoint +30 % typical latency', machine: 'quiet', stage: 'smoke', trials: n(100), measure: 'fail', target: { op: '>=', value: 0.95, text: '≥ 95 %' }, issueToday: '≈ 96 % fail', baseline: same, current: changed({ typical: 1.3 }), focus: busy, seed: 3 },
    { id: 'tail-30', label: "one endpoint's p95/p99 +30 %, median unchanged", machine: 'quiet', stage: 'smoke', trials: n(100), measure: 'fail', target: { op: '>=', value: 0.8, text: '≥ 80 %' }, issueToday: '≈ 20 % fail', baseline: same, current: changed({ tail: 1.3 }), focus: busy, seed: 4 },
    errorRow(0.01, 'smoke', 5, { op: '>=', value: 0.6, text: 'named ≥ 60 %' }, 'named ≈ 0 % (fails via the smoke SLO)'),
    errorRow(0.01, 'load', 6, { op: '>=', value: 0.6, text: 'named ≥ 60 %' }, 'named ≈ 0 % (passes without an SLO)'),
    errorRow(0.02, 'smoke', 7, { op: '>=', value: 0.9, text: 'named ≥ 90 %' }, 'named ≈ 1 % (fails via the smoke SLO)'),
    errorRow(0.02, 'load', 8, { op: '>=', value: 0.9, text: 'named ≥ 90 %' }, 'named ≈ 1 % (passes without an SLO)'),
    { id: 'last-third-50', label: 'one endpoint +50 % for the last third of the run only', machine: 'quiet', stage: 'smoke', trials: n(100), measure: 'flagged', target: { op: '>=', value: 0.8, text: '≥ 80 % flagged' }, issueToday: '≈ 4 % fail', baseline: same, current: changed({ lastThird: 1.5 }), focus: busy, seed: 9 },
    { id: 'new-endpoint', label: 'a new endpoint added to the test, nothing else changed', machine: 'quiet', stage: 'smoke', trials: n(100), measure: 'fail', target: { op: '<=', value: 0.01, text: 'no more fails than A/A (≤ 1 %)' }, issueToday: 'whole-run p95 and throughput fail ≈ 100 %', baseline: same, current: () => plan(closedLoop([...ENDPOINTS, NEW_ENDPOINT])), seed: 10 },
    { id: 'missing-endpoint', label: 'an endpoint of the baseline missing from the current run', machine: 'quiet', stage: 'smoke', trials: n(100), measure: 'flagged', target: { op: '>=', value: 1, text: 'never a silent pass (100 % flagged)' }, issueToday: 'pass, silently', baseline: same, current: () => plan(closedLoop(ENDPOINTS.filter((e) => e.name !== LOST))), focus: () => LOST, seed: 11 },
    { id: 'small-3x', label: 'a 15-request endpoint made 3× slower', machine: 'quiet', stage: 'smoke', trials: n(100), measure: 'flagged', target: { op: '>=', value: 1, text: 'flagged (100 %)' }, issueToday: 'pass (below minSamples)', baseline: () => plan([...ENDPOINTS, SMALL]), current: () => plan([...ENDPOINTS, SMALL], { [SMALL.name]: { typical: 3 } }), focus: () => SMALL.name, seed: 12 },
    // Not a row of the issue: the same tail change on a run three times as long, to show what the smoke-sized row lacks (requests, not method).
    { id: 'tail-30-60s', label: "one endpoint's p95/p99 +30 %, median unchanged, on a 60 s run (3× the requests)", machine: 'quiet', stage: 'smoke', trials: n(100), measure: 'fail', target: { op: '>=', value: 0.8, text: '≥ 80 %' }, baseline: () => longer(ENDPOINTS), current: (i) => longer(ENDPOINTS, { [busy(i)]: { tail: 1.3 } }), focus: busy, seed: 14 },
    // Not rows of the issue. The tail change under the limit: p95 and p99 +15 %, median unchanged (what a
    // tail test must not fail more than a typical +15 %). And the tail row's shape before 2026-12-07, its
    // stretch full only at p95 itself: there a run's sampled p95 rose ≈ 28 %, not the 30 % its label says.
    { id: 'tail-15', label: "one endpoint's p95/p99 +15 %, median unchanged (under the limit)", machine: 'quiet', stage: 'smoke', trials: n(100), measure: 'fail', target: { op: '<=', value: 0.1, text: '≤ 10 %' }, baseline: same, current: changed({ tail: 1.15 }), focus: busy, seed: 15 },
    { id: 'tail-30-ramp-p95', label: "one endpoint's tail +30 % from p95 up, ramping from the median (sampled p95 ≈ +28 %)", machine: 'quiet', stage: 'smoke', trials: n(100), measure: 'fail', target: { op: '>=', value: 0.8, text: '≥ 80 %' }, baseline: same, current: changed({ tail: 1.3, tailFullFrom: 0.95 }), focus: busy, seed: 4 },
    { id: 'under-limit-15', label: 'a change under the limit (+15 % against +20 %)', machine: 'quiet', stage: 'smoke', trials: n(100), measure: 'fail', target: { op: '<=', value: 0.1, text: '≤ 10 %' }, issueToday: '≈ 12 % fail', baseline: same, current: changed({ typical: 1.15 }), focus: busy, seed: 13 },
  ];
}

/** One endpoint's typical latency × (1 + k · 0.2 / 10), k = 0..20: 0 to 2× the +20 % limit. */
export function sweepScenarios(scale: number, machine: MachineName): Scenario[] {
  const trials = Math.max(5, Math.round(60 * scale));
  return Array.from({ length: 21 }, (_, k): Scenario => {
    const change = (k * 0.2) / 10;
    return {
      id: `sweep-${machine}-${k}`,
      label: `+${Math.round(change * 100)} %`,
      machine,
      stage: 'smoke',
      trials,
      measure: 'fail',
      baseline: same,
      current: (i) => plan(ENDPOINTS, { [busy(i)]: { typical: 1 + change } }),
      focus: busy,
      trueChange: change,
      seed: (machine === 'quiet' ? 100 : 200) + k,
    };
  });
}
