import { normalCdf, normalQuantile } from '../stats/normal.js';
import { haybittlePetoLevels } from '../stats/look-levels.js';
import { logSeOfInterval } from './interval-se.js';
import type { Finding } from './verdict.js';

/** How a sequential stage looks at its data while the load runs. */
export interface SequentialOptions {
  /** The run length the stage was planned for, in seconds. */
  readonly plannedSeconds: number;
  /** The longest it may run when the answer is still open at the planned length (≥ plannedSeconds). */
  readonly maxSeconds: number;
  /** Seconds between looks (default a quarter of the planned length). */
  readonly everySeconds?: number;
  /** The stage's family-wise α, spent over the looks. */
  readonly alpha: number;
  /** Level of each interim look (default 0.001, Haybittle–Peto). */
  readonly interimAlpha?: number;
}

/** One planned look: when, and at which family-wise level its comparison is held. */
export interface Look {
  readonly atSeconds: number;
  readonly alpha: number;
  /** The last look: whatever it finds is the verdict. */
  readonly final: boolean;
}

/**
 * The looks of a sequential stage: every `everySeconds` up to the planned length, then on in the same steps
 * up to `maxSeconds`; each interim look at `interimAlpha`, the final one at what remains of α
 * (stats/look-levels.ts).
 *
 * Contract: ascending atSeconds, the last = maxSeconds and final; levels sum to α; at least one look.
 *
 * @throws {RangeError} for a planned length ≤ 0, a maximum below it, a step ≤ 0, or levels haybittlePetoLevels refuses
 * @example
 * sequentialLooks({ plannedSeconds: 120, maxSeconds: 180, alpha: 0.05 }).map((l) => l.atSeconds) // => [30, 60, 90, 120, 150, 180]
 */
export function sequentialLooks(options: SequentialOptions): Look[] {
  const { plannedSeconds, maxSeconds } = options;
  if (!(plannedSeconds > 0)) throw new RangeError(`sequentialLooks: plannedSeconds must be > 0 but got ${plannedSeconds}`);
  if (!(maxSeconds >= plannedSeconds)) throw new RangeError(`sequentialLooks: maxSeconds (${maxSeconds}) must be ≥ plannedSeconds (${plannedSeconds})`);
  const every = options.everySeconds ?? plannedSeconds / 4;
  if (!(every > 0)) throw new RangeError(`sequentialLooks: everySeconds must be > 0 but got ${every}`);
  const times: number[] = [];
  for (let t = every; t < maxSeconds - 1e-9; t += every) times.push(Math.round(t * 1000) / 1000);
  times.push(maxSeconds);
  const levels = haybittlePetoLevels(times.length, options.alpha, options.interimAlpha ?? DEFAULT_INTERIM_ALPHA);
  return times.map((atSeconds, i) => ({ atSeconds, alpha: levels[i]!, final: i === times.length - 1 }));
}

export const DEFAULT_INTERIM_ALPHA = 0.001;

/** What a look decides. */
export type LookDecision =
  | { readonly stop: true; readonly because: 'regression' | 'within-limits' | 'final' }
  /** Keep the load running: `open` names the questions the rest of the run could still fail on. */
  | { readonly stop: false; readonly open: readonly string[] };

/** What judgeLook needs besides the findings: where the look is and what a fail at the end would need. */
export interface LookContext {
  readonly look: Look;
  /** The final look's time: the run the remaining data would complete. */
  readonly finalSeconds: number;
  /** The final look's α, and the stage's limit confidence (classify's rule). */
  readonly finalAlpha: number;
  readonly limitConfidence: number;
  /** Stop to pass when the chance that the full run fails on a question is below this, for every question (default 0.05). */
  readonly futility?: number;
}

export const DEFAULT_FUTILITY = 0.05;

/**
 * Whether a stage can stop at this look, from every finding of the comparison held at the look's level
 * (judgeStage with policy.alpha = look.alpha):
 * - **regression**: a comparison with the baseline fails (latency, errors, throughput, a new failure
 *   signature). Absolute SLOs do not stop the load: their semantics stay the script's (k6 `abortOnFail`).
 * - **within-limits**: the rest of the run could not plausibly make it fail. For each latency question,
 *   the conditional power of the full run under the trend so far (Lan, Simon & Halperin's stochastic
 *   curtailment): the final estimate is the one so far plus the rest's within-run noise, which shrinks with
 *   the time left, while the run-to-run part stays; the chance it would end both confirmed at the final
 *   α and beyond the limit with the stage's limit confidence must be below `futility`. A question with no
 *   within/noise split (throughput, A/B pairs) needs its one-sided 95 % bound inside the limit. Errors and
 *   SLOs must pass with no evidence of a rise, and nothing may be left unjudged. End-of-run questions do
 *   not hold a look open: a change that starts after the stop is not seen (the cost of stopping early). Stopping to pass adds no
 *   false fails (it only ever removes chances to fail); what it can cost is a regression the rest of the
 *   run would have shown, which `futility` bounds for each question.
 * - **final**: the last look decides whatever it finds.
 *
 * @example judgeLook(findings, { look, finalSeconds: 120, finalAlpha: 0.047, limitConfidence: 0.7 }) // => { stop: false, open: ['GET /api/alerts p(95)'] }
 */
export function judgeLook(findings: readonly Finding[], ctx: LookContext): LookDecision {
  if (findings.some((f) => f.outcome === 'fail' && STOPS_FOR_REGRESSION.has(f.kind))) return { stop: true, because: 'regression' };
  if (ctx.look.final) return { stop: true, because: 'final' };
  const open = findings.filter((f) => !settled(f, ctx)).map(label);
  return open.length === 0 ? { stop: true, because: 'within-limits' } : { stop: false, open };
}

const STOPS_FOR_REGRESSION = new Set<Finding['kind']>(['latency', 'error-rate', 'throughput', 'failure-signature']);

/** The question cannot plausibly fail the full run. */
function settled(f: Finding, ctx: LookContext): boolean {
  // The last third of the run so far is not the last third of the run: what the end will look like is
  // not known before it runs, so it neither holds a stage open nor is promised (docs/sequential.md).
  if (f.details?.compared === 'end-of-run') return true;
  // A question the baseline is too short to answer stays unanswered however long this run goes on.
  if (f.reason.code === 'not-judged' && f.reason.side === 'baseline') return true;
  if (f.outcome !== 'pass') return false;
  switch (f.kind) {
    case 'latency':
    case 'throughput': {
      const interval = f.confidence.interval;
      if (f.pValue === undefined || !interval || f.change === undefined) return false;
      const estimate = Math.log1p(f.change);
      const d = f.details?.detectable;
      if (f.kind === 'latency' && f.limit.kind === 'max-increase' && d && d.withinSe > 0) {
        return fullRunFailChance(estimate, d.withinSe, d.noiseSe, Math.log1p(f.limit.max), ctx) < (ctx.futility ?? DEFAULT_FUTILITY);
      }
      // The findings' intervals are 95 % two-sided (t for A/B pairs, wider for the same se: read with z, cautious).
      const se = logSeOfInterval(interval);
      if (!(se > 0) || !Number.isFinite(se)) return false;
      const z = normalQuantile(0.95);
      if (f.limit.kind === 'max-increase') return estimate + z * se < Math.log1p(f.limit.max);
      if (f.limit.kind === 'max-decrease') return estimate - z * se > Math.log1p(-f.limit.max);
      return false;
    }
    case 'error-rate':
      return f.beyondLimit !== true && (f.confidence.level === 'none' || f.confidence.level === 'not-applicable');
    default:
      return true;
  }
}

/**
 * The chance that the full run fails a latency question, given its estimate so far (ln ratio) and the
 * within-run and run-to-run parts of its se: the final estimate is N(estimate, (1 − t)·W) with W = t·withinSe²
 * the within-run variance of the full run, and it fails if above both z(final α)·se_end and
 * ln(1 + limit) + z(limit confidence)·se_end, se_end = √(W + noiseSe²).
 */
export function fullRunFailChance(estimate: number, withinSe: number, noiseSe: number, logLimit: number, ctx: Pick<LookContext, 'look' | 'finalSeconds' | 'finalAlpha' | 'limitConfidence'>): number {
  const t = Math.min(1, ctx.look.atSeconds / ctx.finalSeconds);
  const within = t * withinSe * withinSe;
  const seEnd = Math.sqrt(within + noiseSe * noiseSe);
  const threshold = Math.max(normalQuantile(1 - ctx.finalAlpha) * seEnd, logLimit + normalQuantile(ctx.limitConfidence) * seEnd);
  const sd = Math.sqrt((1 - t) * within);
  if (!(sd > 0)) return estimate > threshold ? 1 : 0;
  return 1 - normalCdf((threshold - estimate) / sd);
}

function label(f: Finding): string {
  return `${f.scope ? f.scope.value : 'whole run'} ${f.kind === 'latency' ? f.statistic : f.kind}`;
}
