/* global __ENV */
// An example k6 script for perf-gate: one script for every stage. perf-gate passes the stage as
// PERF_GATE_STAGE and the system under test as BASE_URL; stages.js turns the stage into a scenario.
// Plain ES2015, so it runs on k6 v0.49 and later.
import http from 'k6/http';
import { check, sleep } from 'k6';
import { stageOptions } from './stages.js';

var BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:8080';

export var options = stageOptions({
  // k6's own thresholds are optional: perf-gate compares every run with its baseline anyway. A crossed
  // threshold makes k6 exit with 99, which perf-gate reports as a finding, not as a crash.
  thresholds: { http_req_failed: ['rate<0.01'] },
  presets: {
    smoke: { vus: 2 },
  },
});

export default function () {
  // The `name` tag groups URLs with ids into one endpoint in perf-gate's report.
  var res = http.get(BASE_URL + '/api/items', { tags: { name: 'GET /api/items' } });
  check(res, { 'status 200': function (r) { return r.status === 200; } });
  sleep(1);
}
