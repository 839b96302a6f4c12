/* global __ENV, __VU, __ITER */
// The k6 script for the isectech platform (and examples/isectech-api, its stand-in): one script for every
// perf-gate stage (smoke, load, stress, spike, endurance). perf-gate passes the stage as PERF_GATE_STAGE
// and the system under test as BASE_URL; stages.js turns the stage into a scenario.
//
// Every request carries a `name` tag (URLs with ids grouped into one endpoint, e.g. PUT /api/alerts/{id})
// and a `tenant` tag, so perf-gate reports each endpoint on its own. The security answers are checked
// under load: 401 without a token, 403 across tenants. Both are marked expected with
// http.expectedStatuses, so they do not count in http_req_failed.
//
// Plain ES2015 (var, function, Object.assign; no object spread, optional chaining or nullish
// coalescing), so it runs on k6 v0.49 and later. Knobs, all optional (`-e NAME=value` or the perf-gate
// `env` input), besides those of stages.js:
//
//   BASE_URL     the API (default http://127.0.0.1:3000)
//   USERS        comma-separated user:password pairs, one per VU in turn
//                (default alice:alice-pass,bob:bob-pass,carol:carol-pass)
//   WS_EVERY     open the WebSocket every Nth iteration of a VU (default 10; 1 = every iteration)
//   EXPORT_EVERY export a report every Nth iteration of a VU (default 5)
//   THINK        seconds of think time at the end of an iteration (default 1)
//   CAPACITY_VUS stage capacity: the virtual users it ramps to and holds (default 1000)
import http from 'k6/http';
import ws from 'k6/ws';
import { check, group, sleep } from 'k6';
import { Trend } from 'k6/metrics';
import { stageOptions, stagePreset } from './stages.js';

var BASE_URL = (__ENV.BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
var WS_URL = BASE_URL.replace(/^http/, 'ws');
var WS_EVERY = positiveNumber('WS_EVERY', 10);
var EXPORT_EVERY = positiveNumber('EXPORT_EVERY', 5);
var THINK = __ENV.THINK === undefined || __ENV.THINK === '' ? 1 : Number(__ENV.THINK);

// Users and their tenants on examples/isectech-api: alice is in acme, bob in globex, carol in both.
var USERS = parseUsers(__ENV.USERS || 'alice:alice-pass,bob:bob-pass,carol:carol-pass');
var TENANTS = ['acme', 'globex'];

// Answers the security checks want: made once, in the init context.
var EXPECT_401 = http.expectedStatuses(401);
var EXPECT_403 = http.expectedStatuses(403);

// Milliseconds from sending `ping` on the WebSocket to its echo (a time metric: shown as durations).
var wsMessageLatency = new Trend('ws_message_latency', true);

export var options = stageOptions({
  // Optional: perf-gate compares every run with its baseline anyway. A crossed threshold makes k6 exit
  // with 99, which perf-gate reports as a finding, not as a crash.
  thresholds: {
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
  presets: {
    smoke: { vus: 3 },
    // The customer's capacity targets (stage `capacity` in examples/isectech/perf-gate.yml): the load
    // stage's shape at CAPACITY_VUS users.
    capacity: capacityScenario(),
  },
});

// The load preset ramped to CAPACITY_VUS (default 1000) instead of TARGET_VUS.
function capacityScenario() {
  var scenario = stagePreset('load');
  var vus = positiveNumber('CAPACITY_VUS', 1000);
  scenario.stages[0].target = vus;
  scenario.stages[1].target = vus;
  return scenario;
}

function positiveNumber(name, fallback) {
  var v = __ENV[name];
  if (v === undefined || v === '') return fallback;
  if (!/^[1-9][0-9]*$/.test(v)) throw new Error('isectech.js: ' + name + ' must be a whole number above 0 but is "' + v + '"');
  return Number(v);
}

function parseUsers(text) {
  return text.split(',').map(function (pair) {
    var at = pair.indexOf(':');
    if (at <= 0) throw new Error('isectech.js: USERS must be user:password pairs separated by commas but has "' + pair + '"');
    return { user: pair.slice(0, at).trim(), password: pair.slice(at + 1).trim() };
  });
}

function otherTenant(tenant) {
  return tenant === TENANTS[0] ? TENANTS[1] : TENANTS[0];
}

// Request params: the name and tenant tags, plus the token when there is one.
function params(name, session, extra) {
  var headers = { 'content-type': 'application/json' };
  if (session && session.token) headers.authorization = 'Bearer ' + session.token;
  return Object.assign({ headers: headers, tags: { name: name, tenant: session ? session.tenant : 'none' } }, extra || {});
}

// JSON.parse that answers a marker object instead of throwing on a body that is not JSON.
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    return { invalidJson: String(error) };
  }
}

// A top-level field of a JSON response, or undefined (no body, not JSON, no such field).
function jsonField(res, field) {
  var body = typeof res.body === 'string' ? parseJson(res.body) : undefined;
  return body !== null && typeof body === 'object' ? body[field] : undefined;
}

function is(status) {
  return function (r) {
    return r.status === status;
  };
}

// A session is { user, token, tenant }; requests that issue a new token (refresh, switch) update it.
function login(account) {
  var res = http.post(
    BASE_URL + '/api/auth/login',
    JSON.stringify({ user: account.user, password: account.password }),
    { headers: { 'content-type': 'application/json' }, tags: { name: 'POST /api/auth/login', tenant: 'none' } }
  );
  var ok = check(res, {
    'login 200': is(200),
    'login returns a token': function (r) {
      return typeof jsonField(r, 'token') === 'string';
    },
  });
  if (!ok) return undefined;
  return { user: account.user, token: jsonField(res, 'token'), tenant: jsonField(res, 'tenant') };
}

function takeToken(session, res) {
  var token = res.status === 200 ? jsonField(res, 'token') : undefined;
  if (typeof token === 'string') {
    session.token = token;
    session.tenant = jsonField(res, 'tenant') || session.tenant;
  }
}

function authFlow(session) {
  // Security: no token, no data. Expected, so it is not an http_req_failed.
  var anonymous = http.get(BASE_URL + '/api/alerts', params('GET /api/alerts (no token)', { tenant: session.tenant }, { responseCallback: EXPECT_401 }));
  check(anonymous, { 'no token gets 401': is(401) });

  var refreshed = http.post(BASE_URL + '/api/auth/refresh', null, params('POST /api/auth/refresh', session));
  check(refreshed, { 'refresh 200': is(200) });
  takeToken(session, refreshed);
}

function alertsFlow(session) {
  var list = http.get(BASE_URL + '/api/alerts?status=open&limit=50', params('GET /api/alerts', session));
  check(list, {
    'list alerts 200': is(200),
    'list alerts is an array': function (r) {
      return Array.isArray(jsonField(r, 'alerts'));
    },
  });

  var severities = ['low', 'medium', 'high', 'critical'];
  var created = http.post(
    BASE_URL + '/api/alerts',
    JSON.stringify({ title: 'k6 alert ' + __VU + '-' + __ITER, severity: severities[__ITER % severities.length] }),
    params('POST /api/alerts', session)
  );
  check(created, { 'create alert 201': is(201) });
  var id = created.status === 201 ? jsonField(created, 'id') : undefined;
  if (id === undefined) return;

  var updated = http.put(BASE_URL + '/api/alerts/' + id, JSON.stringify({ status: 'acknowledged' }), params('PUT /api/alerts/{id}', session));
  check(updated, { 'update alert 200': is(200) });

  var deleted = http.del(BASE_URL + '/api/alerts/' + id, null, params('DELETE /api/alerts/{id}', session));
  check(deleted, { 'delete alert 204': is(204) });
}

function tenantsFlow(session) {
  var list = http.get(BASE_URL + '/api/tenants', params('GET /api/tenants', session));
  check(list, { 'list tenants 200': is(200) });

  var own = http.get(BASE_URL + '/api/tenants/' + session.tenant + '/settings', params('GET /api/tenants/{id}/settings', session));
  check(own, { 'own tenant settings 200': is(200) });

  // Security: another tenant's settings are refused, even for a member of both (carol) whose token is
  // for this tenant. Expected, so it is not an http_req_failed. Named on its own: a fast 403 is another
  // latency population than the 200 above, and the embedded engine's workload names it the same way.
  var other = http.get(
    BASE_URL + '/api/tenants/' + otherTenant(session.tenant) + '/settings',
    params('GET /api/tenants/{id}/settings (other tenant)', session, { responseCallback: EXPECT_403 })
  );
  check(other, { 'other tenant settings 403': is(403) });

  // Switch: members of both tenants (carol) alternate; the others switch to their own tenant, which is
  // allowed and issues a new token all the same.
  var members = list.status === 200 ? jsonField(list, 'tenants') : undefined;
  var target = session.tenant;
  if (Array.isArray(members) && members.length > 1) target = otherTenant(session.tenant);
  var switched = http.post(BASE_URL + '/api/tenants/switch', JSON.stringify({ tenant: target }), params('POST /api/tenants/switch', session));
  check(switched, { 'switch tenant 200': is(200) });
  takeToken(session, switched);
}

function reportingFlow(session) {
  var dashboard = http.get(BASE_URL + '/api/dashboard/metrics', params('GET /api/dashboard/metrics', session));
  check(dashboard, { 'dashboard 200': is(200) });

  if (__ITER % EXPORT_EVERY === 0) {
    var format = __ITER % (2 * EXPORT_EVERY) === 0 ? 'csv' : 'json';
    var exported = http.post(BASE_URL + '/api/reports/export', JSON.stringify({ format: format }), params('POST /api/reports/export', session));
    check(exported, { 'export 200': is(200) });
  }
}

function realtimeFlow(session) {
  var tags = { name: 'WS /api/realtime/metrics', tenant: session.tenant };
  // The token goes in a header, not the URL: k6 records the URL in its `url` tag, i.e. in every output file.
  var url = WS_URL + '/api/realtime/metrics';
  var echoed = false;
  var res = ws.connect(url, { tags: tags, headers: { authorization: 'Bearer ' + session.token } }, function (socket) {
    var sentAt = 0;
    socket.on('open', function () {
      sentAt = Date.now();
      socket.send('ping');
    });
    socket.on('message', function (message) {
      var data = parseJson(message);
      // The server also pushes {"type":"metrics",…} every second; only the echo of our ping counts.
      if (data && data.type === 'echo' && data.data === 'ping' && !echoed) {
        echoed = true;
        wsMessageLatency.add(Date.now() - sentAt, { tenant: session.tenant });
        socket.close();
      }
    });
    socket.setTimeout(function () {
      socket.close();
    }, 5000);
  });
  check(res, { 'ws 101': function (r) { return Boolean(r) && r.status === 101; } });
  check(echoed, { 'ws ping echoed': function (e) { return e === true; } });
}

function logout(session) {
  var res = http.post(BASE_URL + '/api/auth/logout', null, params('POST /api/auth/logout', session));
  check(res, { 'logout 204': is(204) });
}

export default function () {
  var account = USERS[(__VU - 1 + USERS.length) % USERS.length];
  var session;
  group('auth', function () {
    session = login(account);
    if (session) authFlow(session);
  });
  if (!session) {
    sleep(THINK);
    return;
  }
  group('alerts', function () {
    alertsFlow(session);
  });
  group('tenants', function () {
    tenantsFlow(session);
  });
  group('reporting', function () {
    reportingFlow(session);
  });
  if (__ITER % WS_EVERY === 0) {
    group('realtime', function () {
      realtimeFlow(session);
    });
  }
  group('auth', function () {
    logout(session);
  });
  sleep(THINK);
}

// The WebSocket on its own, for a scenario of its own:
//   stageOptions({ scenarios: { realtime: { executor: 'constant-vus', vus: 5, duration: '1m', exec: 'realtime' } } })
export function realtime() {
  var account = USERS[(__VU - 1 + USERS.length) % USERS.length];
  var session = login(account);
  if (!session) {
    sleep(THINK);
    return;
  }
  group('realtime', function () {
    realtimeFlow(session);
  });
  logout(session);
  sleep(THINK);
}
