/**
 * The stage presets: what perf-gate checks for `smoke`, `load`, `stress`, `spike` and `endurance` when
 * `perf-gate.yml` says nothing. These are the customer's targets, minus those that depend on the load
 * shape (throughput and concurrent users belong in the project's own config). Pure.
 */
import type { EndurancePolicy, RegressionPolicy, StageRules } from './policy.js';
import { formatMetricSelector, parseMetricSelector } from './metric-selector.js';
import { parseThreshold } from './threshold.js';

export const PRESET_NAMES = ['smoke', 'load', 'stress', 'spike', 'endurance'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/**
 * Regression limits of every preset: +20 % latency (median and p95), −15 % throughput, +50 % errors, +25 %
 * memory; a failure signature the baseline never had warns at its first failed request and fails at 10
 * that are also 1 % of the endpoint's requests.
 */
export function defaultRegression(): RegressionPolicy {
  return {
    latency: { maxIncrease: 0.2, statistics: ['med', 'p(95)'] },
    throughput: { maxDecrease: 0.15 },
    errorRate: { maxIncrease: 0.5, absoluteFloor: 0.001 },
    failureSignatures: { warnCount: 1, failCount: 10, failRate: 0.01 },
    memory: { maxIncrease: 0.25 },
  };
}

/** Endurance rules of the `endurance` preset, also the defaults for any stage that sets `endurance:`. */
export function defaultEndurance(): EndurancePolicy {
  return { memoryGrowth: 0.05, degradation: 0.1, leak: true, warmupSeconds: 30 };
}

/** Absolute SLOs of a preset, in k6 syntax. */
export function presetThresholdSources(name: PresetName): Record<string, string[]> {
  switch (name) {
    case 'smoke':
      return { http_req_duration: ['p(95)<500'], http_req_failed: ['rate<0.001'] };
    case 'load':
      return { http_req_duration: ['p(95)<1000'], http_req_failed: ['rate<0.01'] };
    case 'stress':
    case 'spike':
    case 'endurance':
      return {};
  }
}

/**
 * The full rules of a preset, freshly built (callers may change them).
 *
 * @example presetRules('smoke').thresholds[0] // { metric: 'http_req_duration', expressions: [p(95)<500] }
 */
export function presetRules(name: PresetName): StageRules {
  const thresholds = Object.entries(presetThresholdSources(name)).map(([metric, sources]) => ({
    metric: formatMetricSelector(parseMetricSelector(metric)),
    expressions: sources.map((source) => parseThreshold(source)),
    origin: 'preset' as const,
  }));
  switch (name) {
    case 'endurance':
      return { thresholds, regression: defaultRegression(), endurance: defaultEndurance() };
    case 'smoke':
    case 'load':
    case 'stress':
    case 'spike':
      return { thresholds, regression: defaultRegression() };
  }
}

/** The base of a custom stage that does not say `extends`: smoke's rules without its SLOs. */
export function customStageRules(): StageRules {
  return { thresholds: [], regression: defaultRegression() };
}
