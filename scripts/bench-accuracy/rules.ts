// The rules users would pick instead of perf-gate, each as the tool documents it, on per-endpoint request
// latencies. Each returns the endpoints it alerts on (an alert fails the build: none of them has a "warn").
// docs/accuracy.md ("The rules compared") says where each definition comes from.
import { mannWhitneyGreater, mean, percentileSorted, sampleSd, shiftInterval, tQuantile } from './stats.js';

/** One run's latencies per endpoint, each sorted ascending (the rules only need the values). */
export type Samples = ReadonlyMap<string, Float64Array>;

export interface RuleInput {
  /** Earlier baseline runs, oldest first; the last one is the baseline the current run is compared with. */
  readonly history: readonly Samples[];
  readonly current: Samples;
}

export interface Rule {
  readonly id: string;
  readonly label: string;
  readonly alerts: (input: RuleInput) => string[];
}

const p95 = (sorted: Float64Array): number => percentileSorted(sorted, 0.95);

/** The endpoints the current run and `baseline` both measured, in name order (a new or lost endpoint is not compared). */
function shared(baseline: Samples, current: Samples): string[] {
  return [...current.keys()].filter((name) => baseline.has(name)).sort();
}

const last = (history: readonly Samples[]): Samples => {
  const b = history[history.length - 1];
  if (!b) throw new Error('rules: no baseline run');
  return b;
};

/**
 * github-action-benchmark: alert when current / previous > the alert threshold (smaller is better), per
 * benchmark; previous is the last stored result. Its `alert-threshold` default is 200 %.
 */
export function ratioRule(statistic: 'p95' | 'mean', threshold: number): Rule {
  const value = statistic === 'p95' ? p95 : mean;
  return {
    id: `gab-${statistic}-${threshold}`,
    label: `github-action-benchmark ${statistic} ratio > ${threshold}×`,
    alerts: ({ history, current }) => {
      const baseline = last(history);
      return shared(baseline, current).filter((name) => value(current.get(name)!) / value(baseline.get(name)!) > threshold);
    },
  };
}

/**
 * Bencher's Student t-test threshold: the boundary limit is mean + t(boundary, n − 1) · s of the metric over
 * the last n baseline runs; an alert when the new metric is above it (here the metric is an endpoint's p95).
 */
export function bencherRule(upperBoundary: 0.95 | 0.99): Rule {
  return {
    id: `bencher-t-${upperBoundary}`,
    label: `Bencher t-test of p95, last runs, upper boundary ${upperBoundary}`,
    alerts: ({ history, current }) => {
      const names = [...current.keys()].filter((name) => history.every((h) => h.has(name))).sort();
      return names.filter((name) => {
        const values = history.map((h) => p95(h.get(name)!));
        const limit = mean(values) + tQuantile(upperBoundary, values.length - 1) * sampleSd(values);
        return p95(current.get(name)!) > limit;
      });
    },
  };
}

/**
 * A static k6 threshold written once from an earlier run: `http_req_duration{name:X}: ['p(95)<T']` with
 * T = 1.2 × that run's p95 (the oldest run of the history). k6 judges a submetric without samples as
 * passing, so a lost endpoint passes.
 */
export const k6StaticRule: Rule = {
  id: 'k6-static-1.2',
  label: 'k6 threshold p(95) < 1.2 × an earlier run',
  alerts: ({ history, current }) => {
    const earliest = history[0];
    if (!earliest) throw new Error('rules: no earlier run');
    return shared(earliest, current).filter((name) => !(p95(current.get(name)!) < 1.2 * p95(earliest.get(name)!)));
  },
};

/** A one-sided Mann–Whitney test per endpoint (current slower), at α, or at α / m (Bonferroni over the m endpoints compared). */
export function mannWhitneyRule(alpha: number, bonferroni: boolean): Rule {
  return {
    id: bonferroni ? 'mw-bonferroni' : `mw-${alpha}`,
    label: bonferroni ? `Mann–Whitney per endpoint, Bonferroni α ${alpha}` : `Mann–Whitney per endpoint, α ${alpha}`,
    alerts: ({ history, current }) => {
      const baseline = last(history);
      const names = shared(baseline, current);
      const level = bonferroni ? alpha / names.length : alpha;
      return names.filter((name) => mannWhitneyGreater(baseline.get(name)!, current.get(name)!) < level);
    },
  };
}

/**
 * Kayenta's Mann–Whitney classifier: "High" when the lower end of the 98 % interval of the shift
 * (current − baseline, Hodges–Lehmann) is above tolerance · |estimate| (tolerance 0.25), the defaults of
 * its NetflixACAJudge. Its optional effect-size bounds are left unset.
 */
export const kayentaRule: Rule = {
  id: 'kayenta-mw-98',
  label: 'Kayenta Mann–Whitney, 98 % interval',
  alerts: ({ history, current }) => {
    const baseline = last(history);
    return shared(baseline, current).filter((name) => {
      const s = shiftInterval(baseline.get(name)!, current.get(name)!, 0.98);
      return s.lower > 0.25 * Math.abs(s.estimate);
    });
  },
};

/** Every competing rule, in the table's column order. */
export const RULES: readonly Rule[] = [
  ratioRule('p95', 1.2),
  ratioRule('p95', 2),
  ratioRule('mean', 1.2),
  ratioRule('mean', 2),
  bencherRule(0.95),
  bencherRule(0.99),
  k6StaticRule,
  mannWhitneyRule(0.05, false),
  mannWhitneyRule(0.05, true),
  kayentaRule,
];
