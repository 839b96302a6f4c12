import type { MetricType } from '../../document/run-document.js';
/** One metric or submetric of a k6 summary, in the legacy summaries' terms. */
export interface ParsedMetric {
    readonly key: string;
    readonly base: string;
    readonly tags: Record<string, string>;
    readonly type: MetricType;
    readonly contains: 'time' | 'data' | 'default';
    readonly reported: Record<string, number>;
    /** Threshold expression → passed. */
    readonly thresholds: readonly {
        readonly expression: string;
        readonly passed: boolean;
    }[];
}
/**
 * Splits k6's `metric{tag:value,tag2:value2}` (keys and values trimmed of spaces and quotes, as k6 does).
 * @throws IngestError on a `{` without its `}`.
 */
export declare function parseMetricKey(key: string, file: string): {
    base: string;
    tags: Record<string, string>;
};
