/** A metric, optionally narrowed to the samples that carry all of `tags`. */
export interface MetricSelector {
    readonly metric: string;
    /** Tag filters in the order written. (Keys that look like array indices, e.g. `"1"`, come first: a JS object rule.) */
    readonly tags: Readonly<Record<string, string>>;
}
/** Like {@link parseMetricSelector}, but returns the reason instead of throwing. */
export declare function tryParseMetricSelector(source: string): MetricSelector | {
    readonly error: string;
};
/**
 * Parses a threshold key: a metric name, optionally with a k6 tag filter.
 *
 * @throws {ConfigError} when `source` is not k6 submetric syntax; the message names `path` when given.
 * @example parseMetricSelector('http_req_duration{name:GET /api/alerts}')
 *   // { metric: 'http_req_duration', tags: { name: 'GET /api/alerts' } }
 */
export declare function parseMetricSelector(source: string, path?: string): MetricSelector;
/**
 * The canonical text of a selector: `metric{k:v,k2:v2}` with tags in the given order and no spaces around
 * `:` and `,`; just `metric` without tags. Tag values must not contain `,` (k6 cannot express that either).
 *
 * @example formatMetricSelector({ metric: 'http_req_duration', tags: { name: 'GET /api/alerts' } })
 *   // 'http_req_duration{name:GET /api/alerts}'
 */
export declare function formatMetricSelector(selector: MetricSelector): string;
