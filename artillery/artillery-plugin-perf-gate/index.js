/*
 * artillery-plugin-perf-gate: one JSON line per HTTP request of an Artillery 2 run, so perf-gate can judge
 * whole distributions (Artillery's own report keeps percentiles only). Plain CommonJS, no dependencies.
 *
 * Enabled by `config.plugins.perf-gate` in a script, or without touching the script by
 *   ARTILLERY_PLUGIN_PATH=<folder holding this one>  ARTILLERY_PLUGINS='{"perf-gate":{}}'
 * (what perf-gate's Artillery engine does). It writes only when PERF_GATE_ARTILLERY_REQUESTS names a
 * file path, and only in Artillery's workers (worker threads of the `artillery run` process).
 *
 * Concurrency: every worker writes a file of its own, `<PERF_GATE_ARTILLERY_REQUESTS>.<pid>-<threadId>.jsonl`,
 * opened with O_APPEND, each line handed to one fs.writeSync call. No two writers share a file, and a
 * worker stopped mid-run leaves whole lines (at worst one cut-off last line, which the reader reports).
 *
 * Lines (docs/artillery.md), the first a header:
 *   {"perfGate":"artillery-requests@1","artillery":"2.0.21","pid":…,"thread":…,"startedAt":…}
 *   {"t":<epoch ms the request started>,"name":"GET /api/alerts","method":"GET","status":200,"ms":12.3,
 *    "phases":{"wait":…,"dns":…,"tcp":…,"tls":…,"request":…,"firstByte":…,"download":…,"total":…}}
 *   {"t":…,"name":…,"method":"GET","error":"ECONNREFUSED"}           (no response: no latency)
 * `ms` is the time to the first byte, res.timings.phases.firstByte: what Artillery records as
 * http.response_time, so a per-request run and Artillery's report of the same test compare.
 * `name` is the request's `name:` in the script, else its URL path without the query.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { threadId } = require('worker_threads');

const FORMAT = 'artillery-requests@1';
const SEEN = Symbol('perfGateSeen');

module.exports = { Plugin: PerfGatePlugin };

function PerfGatePlugin(script) {
  // Artillery 2 loads plugins in the main process too; requests are only made in workers.
  if (typeof process.env.LOCAL_WORKER_ID === 'undefined') return;
  const base = process.env.PERF_GATE_ARTILLERY_REQUESTS;
  if (!base) return;
  const file = `${base}.${process.pid}-${threadId}.jsonl`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  this.fd = fs.openSync(file, 'a');
  const fd = this.fd;
  const version = global.artillery && global.artillery.version;
  write(fd, { perfGate: FORMAT, artillery: version || null, pid: process.pid, thread: threadId, startedAt: Date.now() });

  if (!script.config.processor) script.config.processor = {};
  script.config.processor.perfGate_afterResponse = function (req, res, context, ee, done) {
    req[SEEN] = true;
    const timings = res.timings || {};
    const phases = timings.phases || {};
    const line = {
      t: typeof timings.start === 'number' ? timings.start : Date.now(),
      name: nameOf(req),
      method: String(req.method || 'GET').toUpperCase(),
      status: res.statusCode,
    };
    if (typeof phases.firstByte === 'number') line.ms = phases.firstByte;
    const kept = {};
    for (const k of ['wait', 'dns', 'tcp', 'tls', 'request', 'firstByte', 'download', 'total']) if (typeof phases[k] === 'number') kept[k] = phases[k];
    line.phases = kept;
    write(fd, line);
    return done();
  };
  script.config.processor.perfGate_onError = function (err, req, context, ee, done) {
    // A failed capture or match comes here after its response was recorded: not a failed request.
    if (req && !req[SEEN]) {
      write(fd, { t: Date.now(), name: nameOf(req), method: String(req.method || 'GET').toUpperCase(), error: String((err && (err.code || err.name)) || 'error') });
    }
    return done();
  };
  for (const scenario of script.scenarios || []) {
    // Only HTTP scenarios make requests this hooks; other engines ignore the hooks.
    scenario.afterResponse = [].concat(scenario.afterResponse || [], 'perfGate_afterResponse');
    scenario.onError = [].concat(scenario.onError || [], 'perfGate_onError');
  }
}

PerfGatePlugin.prototype.cleanup = function (done) {
  if (this.fd !== undefined) {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    this.fd = undefined;
  }
  done();
};

function nameOf(req) {
  if (typeof req.name === 'string' && req.name !== '') return req.name;
  try {
    return new URL(req.url).pathname;
  } catch {
    return String(req.url || '');
  }
}

/** One line, one write: a line is never split between writes. */
function write(fd, value) {
  fs.writeSync(fd, `${JSON.stringify(value)}\n`);
}
