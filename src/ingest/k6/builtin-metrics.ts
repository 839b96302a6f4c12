import type { MetricType } from '../../document/run-document.js';

export interface BuiltinMetric {
  readonly type: MetricType;
  readonly contains: 'time' | 'data' | 'default';
}

const trendTime: BuiltinMetric = { type: 'trend', contains: 'time' };
const counter: BuiltinMetric = { type: 'counter', contains: 'default' };
const counterData: BuiltinMetric = { type: 'counter', contains: 'data' };
const rate: BuiltinMetric = { type: 'rate', contains: 'default' };
const gauge: BuiltinMetric = { type: 'gauge', contains: 'default' };

/**
 * k6's built-in metrics (k6 v0.49 to v2: core, HTTP, WebSocket, gRPC, browser), for the inputs that do
 * not state metric types: `--out csv`, `--summary-export`, and points whose Metric line is missing.
 */
export const K6_BUILTIN_METRICS: ReadonlyMap<string, BuiltinMetric> = new Map([
  ['vus', gauge],
  ['vus_max', gauge],
  ['iterations', counter],
  ['iteration_duration', trendTime],
  ['dropped_iterations', counter],
  ['data_received', counterData],
  ['data_sent', counterData],
  ['checks', rate],
  ['group_duration', trendTime],
  ['http_reqs', counter],
  ['http_req_duration', trendTime],
  ['http_req_blocked', trendTime],
  ['http_req_connecting', trendTime],
  ['http_req_tls_handshaking', trendTime],
  ['http_req_sending', trendTime],
  ['http_req_waiting', trendTime],
  ['http_req_receiving', trendTime],
  ['http_req_failed', rate],
  ['ws_connecting', trendTime],
  ['ws_session_duration', trendTime],
  ['ws_ping', trendTime],
  ['ws_sessions', counter],
  ['ws_msgs_sent', counter],
  ['ws_msgs_received', counter],
  ['grpc_req_duration', trendTime],
  ['grpc_streams', counter],
  ['grpc_streams_msgs_sent', counter],
  ['grpc_streams_msgs_received', counter],
  ['browser_data_received', counterData],
  ['browser_data_sent', counterData],
  ['browser_http_req_duration', trendTime],
  ['browser_http_req_failed', rate],
  ['browser_web_vital_cls', { type: 'trend', contains: 'default' }],
  ['browser_web_vital_fcp', trendTime],
  ['browser_web_vital_fid', trendTime],
  ['browser_web_vital_inp', trendTime],
  ['browser_web_vital_lcp', trendTime],
  ['browser_web_vital_ttfb', trendTime],
]);
