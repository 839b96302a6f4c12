/**
 * The stage presets: what perf-gate checks for `smoke`, `load`, `stress`, `spike` and `endurance` when
 * `perf-gate.yml` says nothing. These are the customer's targets, minus those that depend on the load
 * shape (throughput and concurrent users belong in the project's own config). Pure.
 */
import type { EndurancePolicy, RegressionPolicy, StageRules } from './policy.js';
export declare const PRESET_NAMES: readonly ["smoke", "load", "stress", "spike", "endurance"];
export type PresetName = (typeof PRESET_NAMES)[number];
export declare function isPresetName(name: string): name is PresetName;
/**
 * Regression limits of every preset: +20 % latency (median and p95), −15 % throughput, +50 % errors, +25 %
 * memory; a failure signature the baseline never had warns at its first failed request and fails at 10
 * that are also 1 % of the endpoint's requests.
 */
export declare function defaultRegression(): RegressionPolicy;
/** Endurance rules of the `endurance` preset, also the defaults for any stage that sets `endurance:`. */
export declare function defaultEndurance(): EndurancePolicy;
/** Absolute SLOs of a preset, in k6 syntax. */
export declare function presetThresholdSources(name: PresetName): Record<string, string[]>;
/**
 * The full rules of a preset, freshly built (callers may change them).
 *
 * @example presetRules('smoke').thresholds[0] // { metric: 'http_req_duration', expressions: [p(95)<500] }
 */
export declare function presetRules(name: PresetName): StageRules;
/** The base of a custom stage that does not say `extends`: smoke's rules without its SLOs. */
export declare function customStageRules(): StageRules;
