import type { MetricType } from '../../document/run-document.js';
export interface BuiltinMetric {
    readonly type: MetricType;
    readonly contains: 'time' | 'data' | 'default';
}
/**
 * k6's built-in metrics (k6 v0.49 to v2: core, HTTP, WebSocket, gRPC, browser), for the inputs that do
 * not state metric types: `--out csv`, `--summary-export`, and points whose Metric line is missing.
 */
export declare const K6_BUILTIN_METRICS: ReadonlyMap<string, BuiltinMetric>;
