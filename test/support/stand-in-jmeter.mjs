#!/usr/bin/env node
// A STAND-IN FOR APACHE JMETER — THIS IS NOT JMETER.
//
// No real JMeter runs in perf-gate's tests: Debian's `jmeter` package (2.13, `apt-get install jmeter`)
// cannot load any test plan on this Debian — its xstream 1.4.20 refuses JMeter's own classes
// (`com.thoughtworks.xstream.security.ForbiddenClassException: org.apache.jmeter.save.ScriptWrapper`) —
// and no other JMeter build is reachable from here. So the tests start this program in JMeter's place. It
// reads the same command line (`-n -t plan.jmx -l results.jtl -j jmeter.log -Jname=value …`), really
// loads the service: it reads the plan's first enabled ThreadGroup and, for `-Jduration` seconds (or its
// loop count), runs `-Jthreads` concurrent loops over the plan's HTTP samplers in order, started over
// `-Jrampup` seconds, and writes a JTL in JMeter's CSV format (the columns the save-service properties ask
// for, in JMeter's order, a header line when print_field_names is true).
//
// What it understands of a plan (enough for examples/jmeter/isectech.jmx, nothing more):
//   TestPlan › ThreadGroup (num_threads, ramp_time, scheduler + duration, or LoopController.loops)
//   ConfigTestElement (HTTP Request Defaults: domain, port, protocol), HeaderManager, GenericController,
//   HTTPSamplerProxy (method, path, raw body), JSONPostProcessor ($.a.b paths, `;`-separated names),
//   ResponseAssertion on the response code (equals, contains, substring; "ignore status"),
//   TestAction (pause) with a ConstantTimer, and ConstantTimers in scope of a sampler.
//   Functions: ${__P(name,default)}, ${__property(name,,default)}, ${__threadNum}; ${var} from extractors.
//   Elements with enabled="false" are skipped; any other element is ignored.
//
// JMeter's behaviour it copies:
//   - stdout: `Creating summariser <summary>`, `Created the tree successfully using <plan>`, `Starting
//     standalone test @ …`, `Waiting for possible Shutdown/StopTestNow/HeapDump/ThreadDump message on port
//     N`, a `summary +` line every summariser.interval seconds, `summary =` at the end, `... end of run`.
//   - the UDP commands on jmeterengine.nongui.port (127.0.0.1): `Shutdown` ends every thread after its
//     current sample, `StopTestNow` aborts the requests in flight; either way the JTL is closed, exit 0.
//   - SIGINT/SIGTERM end the process at once (exit 130/143), as they end JMeter's JVM. (Unlike JMeter,
//     whose listeners buffer, every JTL row written is already on disk.)
//   - exit 0 however many samples failed; exit 1 with `An error occurred: …` when the plan cannot be read.
//   - `--version` / `-v`: JMeter 5's banner, the version at the end of its last line, then a line that
//     says this is the stand-in.
//
// Environment (knobs for tests)
//   STAND_IN_JMETER_VERSION=<x.y.z>   the version `--version` reports (default 5.6.3)
//   STAND_IN_JMETER_RECORD=<file>     at start, write { argv, properties, plan, jtl, log, envNames, pid } as JSON
//   STAND_IN_JMETER_EXIT=<code>       fail at once with this exit code: an ERROR in the log, no JTL
//   STAND_IN_JMETER_IGNORE_STOP=1     ignore Shutdown/StopTestNow (a hung JMeter; signals still end it)
//   STAND_IN_JMETER_NO_LISTENER=1     do not listen on the UDP port (as when the port is taken)
import { Buffer } from 'node:buffer';
import { appendFileSync, closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import http from 'node:http';
import https from 'node:https';
import process from 'node:process';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';

const env = process.env;
const argv = process.argv.slice(2);
const VERSION = env.STAND_IN_JMETER_VERSION ?? '5.6.3';

if (argv.includes('--version') || argv.includes('-v')) {
  process.stdout.write(
    [
      '    _    ____   _    ____ _   _ _____       _ __  __ _____ _____ _____ ____',
      '   / \\  |  _ \\ / \\  / ___| | | | ____|     | |  \\/  | ____|_   _| ____|  _ \\',
      '  / _ \\ | |_) / _ \\| |   | |_| |  _|    _  | | |\\/| |  _|   | | |  _| | |_) |',
      ' / ___ \\|  __/ ___ \\ |___|  _  | |___  | |_| | |  | | |___  | | | |___|  _ <',
      `/_/   \\_\\_| /_/   \\_\\____|_| |_|_____|  \\___/|_|  |_|_____| |_| |_____|_| \\_\\ ${VERSION}`,
      '',
      'Copyright (c) 1999-2024 The Apache Software Foundation',
      '(stand-in for Apache JMeter: test/support/stand-in-jmeter.mjs, not JMeter)',
      '',
    ].join('\n'),
  );
  process.exit(0);
}

// ---- the command line ----
const props = {};
let plan;
let jtl;
let logFile;
let nonGui = false;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const value = (short) => (a.length > short.length ? a.slice(short.length) : argv[++i]);
  if (a === '-n' || a === '--nongui') nonGui = true;
  else if (a.startsWith('-t') || a === '--testfile') plan = value(a.startsWith('--') ? a : '-t');
  else if (a.startsWith('-l') || a === '--logfile') jtl = value(a.startsWith('--') ? a : '-l');
  else if (a.startsWith('-j') || a === '--jmeterlogfile') logFile = value(a.startsWith('--') ? a : '-j');
  else if (a.startsWith('-J')) {
    const pair = value('-J');
    const eq = pair.indexOf('=');
    if (eq > 0) props[pair.slice(0, eq)] = pair.slice(eq + 1);
  } else fatal(`stand-in JMeter: unknown option ${JSON.stringify(a)} (it knows -n -t -l -j -J)`, 1);
}

function log(level, message) {
  if (logFile === undefined) return;
  const t = new Date();
  const stamp = `${t.toISOString().slice(0, 10)} ${t.toISOString().slice(11, 19)},${t.toISOString().slice(20, 23)}`;
  appendFileSync(logFile, `${stamp} ${level} o.a.j.JMeter: ${message}\n`);
}

function fatal(message, code) {
  log('ERROR', message);
  process.stderr.write(`An error occurred: ${message}\n`);
  process.exit(code);
}

log('INFO', `Version ${VERSION} (stand-in for Apache JMeter, not JMeter)`);
if (env.STAND_IN_JMETER_RECORD) {
  writeFileSync(
    env.STAND_IN_JMETER_RECORD,
    JSON.stringify({ argv, properties: props, plan, jtl, log: logFile, envNames: Object.keys(env).sort(), pid: process.pid }),
  );
}
if (env.STAND_IN_JMETER_EXIT) fatal(`stand-in JMeter told to fail (STAND_IN_JMETER_EXIT=${env.STAND_IN_JMETER_EXIT})`, Number(env.STAND_IN_JMETER_EXIT));
if (!nonGui) fatal('the stand-in runs only in non-GUI mode (-n)', 1);
if (plan === undefined) fatal('no test plan (-t)', 1);
if (jtl === undefined) fatal('no results file (-l)', 1);

// ---- the plan ----
let planText;
try {
  planText = readFileSync(plan, 'utf8');
} catch (err) {
  fatal(`Error in NonGUIDriver java.lang.IllegalArgumentException: Problem loading XML from:'${plan}'. \nCause:\n${err.message}`, 1);
}

/** A minimal XML reader: elements with attributes and text, no DTD. */
function parseXml(text) {
  const root = { tag: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([\w.:-]+)\s*>|<([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.text += m[1];
    else if (m[2] !== undefined) {
      if (top.tag !== m[2]) throw new Error(`</${m[2]}> closes <${top.tag}>`);
      stack.pop();
    } else if (m[3] !== undefined) {
      const attrs = {};
      for (const a of m[4].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decode(a[2] ?? a[3]);
      const node = { tag: m[3], attrs, children: [], text: '' };
      top.children.push(node);
      if (m[5] !== '/') stack.push(node);
    } else if (m[6] !== undefined) top.text += decode(m[6]);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].tag}> is not closed`);
  return root;
}

function decode(s) {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

/** The `name`d property of an element (stringProp, intProp, longProp, boolProp), or undefined. */
function prop(el, name) {
  const p = el.children.find((c) => c.attrs.name === name && /Prop$/.test(c.tag));
  return p === undefined ? undefined : p.tag === 'elementProp' || p.tag === 'collectionProp' ? p : p.text;
}

/** [element, its hashTree] pairs of a hashTree, enabled ones only. */
function pairs(hashTree) {
  const out = [];
  const kids = hashTree.children;
  for (let i = 0; i < kids.length; i++) {
    const el = kids[i];
    if (el.tag === 'hashTree') continue;
    const tree = kids[i + 1]?.tag === 'hashTree' ? kids[i + 1] : { tag: 'hashTree', attrs: {}, children: [], text: '' };
    if (el.attrs.enabled !== 'false') out.push([el, tree]);
  }
  return out;
}

let doc;
try {
  doc = parseXml(planText);
} catch (err) {
  fatal(`Error in NonGUIDriver java.lang.IllegalArgumentException: Problem loading XML from:'${plan}'. \nCause:\n${err.message}`, 1);
}
const top = doc.children.find((c) => c.tag === 'jmeterTestPlan');
if (!top) fatal(`Error in NonGUIDriver: ${plan} is not a JMeter test plan (no <jmeterTestPlan>)`, 1);

/** The plan flattened: the thread group and its steps, each with the config, timers, extractors and assertions in its scope. */
function compile() {
  let group;
  const walk = (tree, scope) => {
    const here = pairs(tree);
    const local = { defaults: [...scope.defaults], headers: [...scope.headers], timers: [...scope.timers] };
    for (const [el] of here) {
      if (el.tag === 'ConfigTestElement') local.defaults.push(el);
      else if (el.tag === 'HeaderManager') local.headers.push(el);
      else if (el.tag === 'ConstantTimer') local.timers.push(el);
    }
    const steps = [];
    for (const [el, sub] of here) {
      if (el.tag === 'HTTPSamplerProxy' || el.tag === 'TestAction') {
        const own = pairs(sub).map(([c]) => c);
        steps.push({
          el,
          defaults: local.defaults,
          headers: [...local.headers, ...own.filter((c) => c.tag === 'HeaderManager')],
          timers: [...local.timers, ...own.filter((c) => c.tag === 'ConstantTimer')],
          extractors: own.filter((c) => c.tag === 'JSONPostProcessor'),
          assertions: own.filter((c) => c.tag === 'ResponseAssertion'),
        });
      } else if (el.tag === 'GenericController' || el.tag === 'TestPlan' || el.tag === 'ThreadGroup') {
        const inner = walk(sub, local);
        if (el.tag === 'ThreadGroup' && group === undefined) group = { el, steps: inner };
        else steps.push(...inner);
      }
    }
    return steps;
  };
  for (const [el, sub] of pairs(top.children.find((c) => c.tag === 'hashTree') ?? { children: [] })) {
    if (el.tag === 'TestPlan') walk(sub, { defaults: [], headers: [], timers: [] });
  }
  return group;
}

const group = compile();
if (!group) fatal(`${plan} has no enabled ThreadGroup`, 1);

// ---- variables and functions ----
function substitute(text, vars) {
  if (text === undefined) return '';
  return text.replace(/\$\{([^{}]*)\}/g, (whole, inner) => {
    const fn = /^__(\w+)(?:\((.*)\))?$/.exec(inner);
    if (fn) {
      const args = fn[2] === undefined ? [] : fn[2].split(',');
      switch (fn[1]) {
        case 'P':
          return props[args[0]] ?? args[1] ?? '1';
        case 'property':
          return props[args[0]] ?? args[2] ?? args[0];
        case 'threadNum':
          return String(vars.__threadNum);
        default:
          return whole;
      }
    }
    return vars[inner] ?? whole;
  });
}

// ---- the JTL ----
// JMeter's CSV columns in its order (CSVSaveService), each with the save-service property that turns it on and JMeter's default.
const COLUMNS = [
  ['timeStamp', 'timestamp_format', true],
  ['elapsed', 'time', true],
  ['label', 'label', true],
  ['responseCode', 'response_code', true],
  ['responseMessage', 'response_message', true],
  ['threadName', 'thread_name', true],
  ['dataType', 'data_type', true],
  ['success', 'successful', true],
  ['failureMessage', 'assertion_results_failure_message', true],
  ['bytes', 'bytes', true],
  ['sentBytes', 'sent_bytes', true],
  ['grpThreads', 'thread_counts', true],
  ['allThreads', 'thread_counts', true],
  ['URL', 'url', true],
  ['Filename', 'filename', false],
  ['Latency', 'latency', true],
  ['Encoding', 'encoding', false],
  ['SampleCount', 'sample_count', false],
  ['ErrorCount', 'sample_count', false],
  ['Hostname', 'hostname', false],
  ['IdleTime', 'idle_time', true],
  ['Connect', 'connect_time', true],
];
const save = (key, fallback) => {
  const v = props[`jmeter.save.saveservice.${key}`];
  if (key === 'timestamp_format') return v !== 'none';
  return v === undefined ? fallback : v === 'true';
};
if ((props['jmeter.save.saveservice.output_format'] ?? 'csv') !== 'csv') fatal('the stand-in writes only CSV results (jmeter.save.saveservice.output_format=csv)', 1);
const columns = COLUMNS.filter(([, key, fallback]) => save(key, fallback)).map(([name]) => name);
const delimiter = props['jmeter.save.saveservice.default_delimiter'] ?? ',';
const jtlFd = openSync(jtl, 'a');
if (save('print_field_names', true)) writeSync(jtlFd, `${columns.join(delimiter)}\n`);

function csvCell(value) {
  const s = String(value);
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

let active = 0;
let started = 0;
const interval = { count: 0, sum: 0, min: Infinity, max: 0, errors: 0, from: Date.now() };
const total = { count: 0, sum: 0, min: Infinity, max: 0, errors: 0, from: Date.now() };

function record(sample) {
  const row = {
    ...sample,
    grpThreads: active,
    allThreads: active,
    dataType: 'text',
    IdleTime: 0,
    Filename: '',
    Encoding: 'UTF-8',
    SampleCount: 1,
    ErrorCount: sample.success ? 0 : 1,
    Hostname: 'stand-in',
  };
  writeSync(jtlFd, `${columns.map((c) => csvCell(row[c] ?? '')).join(delimiter)}\n`);
  for (const s of [interval, total]) {
    s.count++;
    s.sum += sample.elapsed;
    s.min = Math.min(s.min, sample.elapsed);
    s.max = Math.max(s.max, sample.elapsed);
    if (!sample.success) s.errors++;
  }
}

function hms(ms) {
  const t = Math.round(ms / 1000);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(Math.floor(t / 3600))}:${p(Math.floor((t % 3600) / 60))}:${p(t % 60)}`;
}

function summaryLine(sign, s) {
  const ms = Date.now() - s.from;
  const rate = ms > 0 ? (s.count * 1000) / ms : 0;
  const avg = s.count > 0 ? Math.round(s.sum / s.count) : 0;
  const pct = s.count > 0 ? ((100 * s.errors) / s.count).toFixed(2) : '0.00';
  return `summary ${sign} ${String(s.count).padStart(6)} in ${hms(ms)} = ${rate.toFixed(1).padStart(6)}/s Avg: ${String(avg).padStart(5)} Min: ${String(s.count > 0 ? s.min : 0).padStart(5)} Max: ${String(s.max).padStart(5)} Err: ${String(s.errors).padStart(5)} (${pct}%)`;
}

// ---- running ----
const numThreads = Math.max(0, Number(substitute(prop(group.el, 'ThreadGroup.num_threads'), {})) || 0);
const rampUpS = Math.max(0, Number(substitute(prop(group.el, 'ThreadGroup.ramp_time'), {})) || 0);
const scheduler = prop(group.el, 'ThreadGroup.scheduler') === 'true';
const durationS = scheduler ? Number(substitute(prop(group.el, 'ThreadGroup.duration'), {})) || 0 : 0;
const loopsProp = prop(group.el, 'ThreadGroup.main_controller');
const loops = loopsProp && typeof loopsProp === 'object' ? Number(substitute(prop(loopsProp, 'LoopController.loops'), {})) : 1;
const threadGroupName = group.el.attrs.testname ?? 'Thread Group';

// A JVM ends at once on these, with 128 + the signal's number.
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const startMs = Date.now();
const endMs = scheduler && durationS > 0 ? startMs + durationS * 1000 : Infinity;
let stopping = false; // Shutdown: no new sample
const inFlight = new Set(); // requests to abort on StopTestNow
const sleeping = new Set(); // timers to cut short

process.stdout.write('Creating summariser <summary>\n');
process.stdout.write(`Created the tree successfully using ${plan}\n`);
process.stdout.write(`Starting standalone test @ ${new Date(startMs).toString()} (${startMs})\n`);
log('INFO', `Running the test! (stand-in) threads=${numThreads} rampup=${rampUpS} duration=${durationS} loops=${loops}`);

const udpPort = Number(props['jmeterengine.nongui.port'] ?? 4445);
if (udpPort > 1000 && !env.STAND_IN_JMETER_NO_LISTENER) {
  const udp = createSocket('udp4');
  udp.on('message', (msg) => {
    const command = msg.toString('ascii').trim();
    log('INFO', `Command: ${command} received from /127.0.0.1`);
    process.stdout.write(`Command: ${command} received from /127.0.0.1\n`);
    if (env.STAND_IN_JMETER_IGNORE_STOP) return;
    if (command === 'Shutdown' || command === 'StopTestNow') {
      stopping = true;
      for (const s of sleeping) s();
      if (command === 'StopTestNow') for (const req of inFlight) req.destroy(new Error('stopped'));
    }
  });
  udp.on('error', () => undefined);
  udp.bind(udpPort, '127.0.0.1', () => {
    udp.unref();
    process.stdout.write(`Waiting for possible Shutdown/StopTestNow/HeapDump/ThreadDump message on port ${udpPort}\n`);
  });
}

const summariserMs = Number(props['summariser.interval'] ?? 30) * 1000;
const summariser = setInterval(() => {
  process.stdout.write(`${summaryLine('+', interval)} Active: ${active} Started: ${started} Finished: ${started - active}\n`);
  Object.assign(interval, { count: 0, sum: 0, min: Infinity, max: 0, errors: 0, from: Date.now() });
}, summariserMs);

function sleep(ms) {
  const until = Math.min(Date.now() + ms, endMs);
  return new Promise((resolve) => {
    const wait = Math.max(0, until - Date.now());
    const done = () => {
      clearTimeout(t);
      sleeping.delete(done);
      resolve();
    };
    const t = setTimeout(done, wait);
    sleeping.add(done);
  });
}

const running = () => !stopping && Date.now() < endMs;

function request(step, vars, agent) {
  const el = step.el;
  const pick = (key) => {
    const own = substitute(prop(el, key), vars);
    if (own !== '') return own;
    for (const d of [...step.defaults].reverse()) {
      const v = substitute(prop(d, key), vars);
      if (v !== '') return v;
    }
    return '';
  };
  const protocol = pick('HTTPSampler.protocol') || 'http';
  const host = pick('HTTPSampler.domain');
  const port = pick('HTTPSampler.port') || (protocol === 'https' ? '443' : '80');
  const path = pick('HTTPSampler.path') || '/';
  const method = (substitute(prop(el, 'HTTPSampler.method'), vars) || 'GET').toUpperCase();
  let body = '';
  const args = prop(el, 'HTTPsampler.Arguments');
  if (prop(el, 'HTTPSampler.postBodyRaw') === 'true' && args && typeof args === 'object') {
    const arg = args.children.find((c) => c.tag === 'collectionProp')?.children[0];
    if (arg) body = substitute(prop(arg, 'Argument.value'), vars);
  }
  const headers = {};
  for (const hm of step.headers) {
    const list = prop(hm, 'HeaderManager.headers');
    for (const h of list?.children ?? []) headers[substitute(prop(h, 'Header.name'), vars)] = substitute(prop(h, 'Header.value'), vars);
  }
  if (body !== '') headers['Content-Length'] = Buffer.byteLength(body);
  const url = `${protocol}://${host.includes(':') ? `[${host}]` : host}:${port}${path}`;
  const sentBytes = Buffer.byteLength(`${method} ${path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`) + Buffer.byteLength(body);

  return new Promise((resolve) => {
    const t0 = Date.now();
    let connectMs = 0;
    let latencyMs = 0;
    const lib = protocol === 'https' ? https : http;
    const req = lib.request({ host, port: Number(port), path, method, headers, agent }, (res) => {
      latencyMs = Date.now() - t0;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        inFlight.delete(req);
        const data = Buffer.concat(chunks);
        const headerBytes = Object.entries(res.headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 17);
        resolve({ t0, elapsed: Date.now() - t0, latencyMs, connectMs, code: String(res.statusCode), message: res.statusMessage ?? '', data, bytes: data.length + headerBytes, sentBytes, url });
      });
      res.on('error', (err) => failed(err));
    });
    const failed = (err) => {
      inFlight.delete(req);
      const name = err.code === 'ECONNREFUSED' ? 'java.net.ConnectException' : 'java.net.SocketException';
      resolve({ t0, elapsed: Date.now() - t0, latencyMs: 0, connectMs, code: `Non HTTP response code: ${name}`, message: `Non HTTP response message: ${err.message}`, data: Buffer.alloc(0), bytes: 0, sentBytes: 0, url, error: true });
    };
    req.on('socket', (socket) => {
      if (socket.connecting) socket.once('connect', () => (connectMs = Date.now() - t0));
    });
    req.on('error', failed);
    req.setTimeout(Number(pick('HTTPSampler.response_timeout')) || 60_000, () => req.destroy(new Error('Read timed out')));
    inFlight.add(req);
    req.end(body);
  });
}

function jsonPath(data, expr) {
  if (!expr.startsWith('$')) return undefined;
  let v;
  try {
    v = JSON.parse(data.toString('utf8'));
  } catch {
    return undefined;
  }
  for (const key of expr.replace(/^\$\.?/, '').split('.').filter((k) => k !== '')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[key];
  }
  return v === undefined ? undefined : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function judge(step, result) {
  let success = !result.error && /^[123]\d\d$/.test(result.code);
  let failureMessage = '';
  for (const a of step.assertions) {
    if (prop(a, 'Assertion.test_field') !== 'Assertion.response_code') continue;
    if (prop(a, 'Assertion.assume_success') === 'true') success = true;
    const type = Number(prop(a, 'Assertion.test_type') ?? 8);
    const not = (type & 4) !== 0;
    const wanted = (prop(a, 'Asserion.test_strings')?.children ?? []).map((s) => s.text);
    for (const w of wanted) {
      const hit = type & 8 ? result.code === w : type & 1 ? new RegExp(`^(?:${w})$`).test(result.code) : result.code.includes(w);
      if (hit === not) {
        success = false;
        const verb = type & 8 ? 'equal' : type & 1 ? 'match' : 'contain';
        failureMessage = `Test failed: code expected ${not ? 'not ' : ''}to ${verb} /\n\n****** received  : [[[${result.code}]]]\n\n****** comparison: [[[${w}]]]\n\n/`;
      }
    }
  }
  return { success, failureMessage };
}

async function thread(n) {
  await sleep(numThreads > 0 ? (rampUpS * 1000 * (n - 1)) / numThreads : 0);
  if (!running()) return;
  active++;
  started++;
  const vars = { __threadNum: n };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const threadName = `${threadGroupName} 1-${n}`;
  try {
    for (let iteration = 0; (loops < 0 || iteration < loops) && running(); iteration++) {
      for (const step of group.steps) {
        if (!running()) break;
        for (const t of step.timers) await sleep(Number(substitute(prop(t, 'ConstantTimer.delay'), vars)) || 0);
        if (!running() || step.el.tag === 'TestAction') continue;
        const r = await request(step, vars, agent);
        if (stopping && r.error) break; // aborted by StopTestNow: JMeter drops the sample
        for (const ex of step.extractors) {
          const names = (prop(ex, 'JSONPostProcessor.referenceNames') ?? '').split(';');
          const exprs = (prop(ex, 'JSONPostProcessor.jsonPathExprs') ?? '').split(';');
          const defaults = (prop(ex, 'JSONPostProcessor.defaultValues') ?? '').split(';');
          names.forEach((name, i) => {
            vars[name.trim()] = jsonPath(r.data, (exprs[i] ?? '').trim()) ?? defaults[i] ?? '';
          });
        }
        const { success, failureMessage } = judge(step, r);
        record({
          timeStamp: r.t0,
          elapsed: r.elapsed,
          label: substitute(step.el.attrs.testname ?? '', vars),
          responseCode: r.code,
          responseMessage: r.message,
          threadName,
          success,
          failureMessage,
          bytes: r.bytes,
          sentBytes: r.sentBytes,
          URL: r.url,
          Latency: r.latencyMs,
          Connect: r.connectMs,
        });
      }
    }
  } finally {
    active--;
    agent.destroy();
  }
}

await Promise.all(Array.from({ length: numThreads }, (_, i) => thread(i + 1)));
clearInterval(summariser);
process.stdout.write(`${summaryLine('=', total)}\n`);
closeSync(jtlFd);
const end = Date.now();
process.stdout.write(`Tidying up ...    @ ${new Date(end).toString()} (${end})\n`);
process.stdout.write('... end of run\n');
log('INFO', 'Test has ended (stand-in)');
process.exit(0);
