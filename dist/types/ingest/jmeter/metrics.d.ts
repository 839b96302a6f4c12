import type { MetricType } from '../../document/run-document.js';
export interface JmeterMetric {
    readonly type: MetricType;
    readonly contains: 'time' | 'data' | 'default';
}
/** The metrics the JMeter readers write, one per result field (CSV column / XML attribute) they read. */
export declare const JMETER_METRIC_NAMES: readonly ["elapsed", "samples", "failed", "Latency", "Connect", "bytes", "sentBytes", "allThreads"];
export type JmeterMetricName = (typeof JMETER_METRIC_NAMES)[number];
/**
 * What each metric is. JMeter result files state no metric types; these follow JMeter's meaning of each
 * field: `elapsed`, `Latency` (time to first byte) and `Connect` are milliseconds per sample, `bytes`
 * (received) and `sentBytes` add up, `allThreads` is the number of active threads in all thread groups
 * when the sample ended (the concurrency), `samples` counts one per sample and `failed` is 1 for a sample
 * with `success=false`.
 */
export declare const JMETER_METRICS: ReadonlyMap<string, JmeterMetric>;
