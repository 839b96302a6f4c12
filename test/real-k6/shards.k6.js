/* global __ENV */
// The k6 script of test/real-k6/shards.test.ts: a constant arrival rate (split exactly between shards by
// k6's execution segments), two API calls per iteration after a per-VU login, and one request in setup()
// and one in teardown(), so the test can see that they ran once (in shard 1) and not in every shard.
import http from 'k6/http';
import { check } from 'k6';

var BASE = (__ENV.BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
var session;

export var options = {
  scenarios: {
    load: { executor: 'constant-arrival-rate', rate: Number(__ENV.RATE || 40), timeUnit: '1s', duration: __ENV.DURATION || '6s', preAllocatedVUs: 8, maxVUs: 16 },
  },
  thresholds: {
    http_req_duration: ['p(95)<5000'],
    http_req_failed: ['rate<0.5'],
    // A submetric on a tag the run is not grouped by: only k6 inspect names it under --no-thresholds.
    'http_req_duration{scenario:load}': ['p(95)<5000'],
  },
};

export function setup() {
  http.get(BASE + '/healthz', { tags: { name: 'setup' } });
}

export function teardown() {
  http.get(BASE + '/healthz', { tags: { name: 'teardown' } });
}

export default function () {
  if (!session) {
    var res = http.post(BASE + '/api/auth/login', JSON.stringify({ user: 'alice', password: 'alice-pass' }), { headers: { 'content-type': 'application/json' }, tags: { name: 'POST /api/auth/login' } });
    session = res.status === 200 ? res.json('token') : undefined;
  }
  var params = { headers: { authorization: 'Bearer ' + session }, tags: { name: 'GET /api/alerts' } };
  check(http.get(BASE + '/api/alerts', params), { 'alerts 200': function (r) { return r.status === 200; } });
  params.tags = { name: 'GET /api/dashboard/metrics' };
  http.get(BASE + '/api/dashboard/metrics', params);
}
