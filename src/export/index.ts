export { runMetrics, outcomeValue, METRICS, LABEL_NAMES, RUN_LABELS, type MetricSample, type MetricName, type LabelName, type RunIdentity, type RunMetricsOptions } from './run-metrics.js';
export { renderOpenMetrics, escapeLabelValue } from './openmetrics.js';
export { encodeRemoteWrite, encodeWriteRequest, REMOTE_WRITE_HEADERS } from './remote-write.js';
