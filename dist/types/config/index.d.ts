/**
 * The configuration layer: `perf-gate.yml` → typed, validated {@link PerfGateConfig} → per-stage
 * {@link StagePolicy}. Reference for users: docs/config.md.
 *
 * For adapters (CLI, Action). This barrel includes load.ts, which reads files, so the pure core
 * (gate, stats, report) imports policy.js / threshold.js / schema.js directly instead.
 */
export { ConfigError, formatConfigIssue, formatConfigPath, type ConfigIssue, type ConfigPathSegment } from './errors.js';
export { loadConfig } from './load.js';
export { parseConfigText } from './yaml.js';
export { CONFIG_DEFAULTS, defaultConfig, parseConfig, validateConfig, type ConfigValidation, type EnduranceConfig, type MultipleComparisons, type PerfGateConfig, type RegressionConfig, type StageConfig, type ThresholdSet, } from './schema.js';
export { resolvePolicy, type EndurancePolicy, type RegressionPolicy, type StagePolicy, type StageRules } from './policy.js';
export { PRESET_NAMES, isPresetName, presetRules, type PresetName } from './stages.js';
export { aggregationKey, evaluateThreshold, formatThreshold, parseThreshold, tryParseThreshold, type Aggregation, type ThresholdEvaluation, type ThresholdExpression, type ThresholdObject, type ThresholdOperator, } from './threshold.js';
export { formatMetricSelector, parseMetricSelector, tryParseMetricSelector, type MetricSelector } from './metric-selector.js';
export { isLatencyStatistic, parseLatencyStatistic, type LatencyStatistic } from './latency-statistic.js';
