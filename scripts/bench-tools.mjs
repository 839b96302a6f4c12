// A measured comparison of the load tools (run with `npm run bench:tools`; issue 11 §4, docs/tool-selection.md).
//
// Each tool loads the same server with the same request, in a fresh process under GNU time (CPU seconds
// and peak RSS of the load generator and its children): k6 (the first of PERF_GATE_TEST_K6, or --k6),
// Artillery (PERF_GATE_TEST_ARTILLERY, or tools/artillery after scripts/install-artillery.sh, or
// --artillery) and perf-gate's embedded autocannon engine; JMeter when a working one is given
// (--jmeter or PERF_GATE_JMETER; none runs on these machines, see docs/jmeter.md). Two workloads:
//   - rate: an open model at --rate requests/s for --duration s (k6 constant-arrival-rate, Artillery
//     arrivalRate with one request per virtual user, autocannon overallRate), on the example API's
//     `GET /api/tenants` (its simulated ~6 ms latency; a token from one login, sent by every tool): the
//     CPU and memory each spends per 1 000 requests and the latency each one measures for the same server;
//   - max: a closed model, --vus virtual users (connections) with no think time for --duration s, on a
//     trivial route (`/healthz`, no simulated latency): the most requests/s each reaches, and its memory
//     per 100 VUs.
// When `taskset` exists the server gets CPU 0 and the load tool CPU 1, so each tool has exactly one core.
// The tools run alternately, --runs times each; the best run of each is printed (least disturbed). The
// CPU figures include each tool's start-up, printed on its own (`k6 version`, `artillery version`, and
// loading the embedded engine under tsx), so a short run's share of it can be told apart.
//
/* global fetch */
// Options: --rate 200 --duration 15 --vus 50 --runs 1 --tools k6,artillery,embedded,jmeter
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const RATE = Number(option('rate', '200'));
const DURATION = Number(option('duration', '15'));
const VUS = Number(option('vus', '50'));
const RUNS = Number(option('runs', '1'));
const WANTED = option('tools', 'k6,artillery,embedded,jmeter').split(',');

const k6Path = option('k6', (process.env.PERF_GATE_TEST_K6 ?? '').split(':').find((p) => p !== ''));
const artilleryPath = option('artillery', process.env.PERF_GATE_TEST_ARTILLERY ?? join(ROOT, 'tools/artillery/node_modules/.bin/artillery'));
const jmeterPath = option('jmeter', process.env.PERF_GATE_JMETER);

const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return cpus().length >= 2;
  } catch {
    return false;
  }
})();
/** The command pinned to one CPU when possible. */
function pinned(cpu, command, args) {
  return hasTaskset ? ['taskset', ['-c', String(cpu), command, ...args]] : [command, args];
}

// Telemetry and usage reports off for every tool (these machines reach no outside address).
const TOOL_ENV = { ...process.env, K6_NO_USAGE_REPORT: 'true', ARTILLERY_DISABLE_TELEMETRY: 'true', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

/** The example API in its own process (on CPU 0), with its rate limit out of the way. */
function startApi() {
  const [cmd, args] = pinned(0, process.execPath, ['--import', 'tsx', 'examples/isectech-api/src/main.ts']);
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, PORT: '0', ISECTECH_RATE_LIMIT: '100000' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        child.stdout.off('data', onData);
        resolve({ child, url: m[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the example API exited (${code}): ${out}`)));
  });
}

/** Runs a load tool under GNU time on CPU 1: its wall, CPU seconds and peak RSS, and its stdout. */
function timed(command, args, cwd) {
  const [c, a] = pinned(1, '/usr/bin/time', ['-f', 'TIME %e %U %S %M', command, ...args]);
  return new Promise((resolve, reject) => {
    const child = spawn(c, a, { cwd, env: TOOL_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(err);
      if (code !== 0 || !m) return reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${err.slice(-2000)}`));
      resolve({ stdout: out, wallS: Number(m[1]), cpuS: Number(m[2]) + Number(m[3]), peakMb: Number(m[4]) / 1024 });
    });
  });
}

async function login(url) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'alice', password: 'alice-pass' }) });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  const body = await res.json();
  return body.token ?? body.accessToken;
}

/** How each tool runs a workload `{ kind: 'rate' | 'max', url, headers }`; each returns requests, median and p95 (ms). */
const TOOLS = {
  k6: {
    available: () => (k6Path && existsSync(k6Path) ? undefined : 'no k6: set PERF_GATE_TEST_K6 or pass --k6'),
    protocols: 'HTTP/1.1, HTTP/2, WebSocket, gRPC (built in)',
    scripting: 'JavaScript (ES2015+ on its own Go runtime, goja/sobek), one VU = one JS runtime',
    async run(w, dir) {
      const options = w.kind === 'rate'
        ? { scenarios: { s: { executor: 'constant-arrival-rate', rate: RATE, timeUnit: '1s', duration: `${DURATION}s`, preAllocatedVUs: 50, maxVUs: 200 } } }
        : { vus: VUS, duration: `${DURATION}s` };
      const script = join(dir, 'k6.js');
      writeFileSync(script, `import http from 'k6/http';\nexport const options = ${JSON.stringify({ ...options, summaryTrendStats: ['med', 'p(95)'] })};\nexport default function () { http.get(${JSON.stringify(w.url)}, { headers: ${JSON.stringify(w.headers)} }); }\n`);
      const summary = join(dir, 'k6-summary.json');
      const t = await timed(k6Path, ['run', '--quiet', `--summary-export=${summary}`, script], dir);
      const m = JSON.parse(readFileSync(summary, 'utf8')).metrics;
      return { ...t, requests: m.http_reqs.count, medMs: m.http_req_duration.med, p95Ms: m.http_req_duration['p(95)'] };
    },
    version: () => execFileSync(k6Path, ['version'], { env: TOOL_ENV, encoding: 'utf8' }).split('\n')[0].trim(),
    startup: () => timed(k6Path, ['version'], ROOT),
  },
  artillery: {
    available: () => (existsSync(artilleryPath) ? undefined : 'no Artillery: run scripts/install-artillery.sh, or set PERF_GATE_TEST_ARTILLERY'),
    protocols: 'HTTP/1.1, HTTP/2 (opt-in), WebSocket, Socket.IO (engines); gRPC through a community engine',
    scripting: 'YAML scenarios, JavaScript hooks and processors (Node.js), Playwright flows',
    async run(w, dir) {
      const until = Date.now() + (DURATION + 5) * 1000;
      writeFileSync(join(dir, 'processor.cjs'), `module.exports = { more(ctx, next) { return next(Date.now() < ${until} && Date.now() < ctx.vars.$end); }, start(ctx, ev, next) { ctx.vars.$end = Date.now() + ${DURATION * 1000}; return next(); } };\n`);
      const request = { get: { url: new URL(w.url).pathname, headers: w.headers } };
      const config = w.kind === 'rate'
        ? { config: { target: new URL(w.url).origin, phases: [{ duration: DURATION, arrivalRate: RATE }] }, scenarios: [{ flow: [request] }] }
        : { config: { target: new URL(w.url).origin, processor: './processor.cjs', phases: [{ duration: 1, arrivalCount: VUS }] }, scenarios: [{ beforeScenario: 'start', flow: [{ loop: [request], whileTrue: 'more' }] }] };
      writeFileSync(join(dir, 'artillery.json'), JSON.stringify(config));
      const report = join(dir, 'artillery-report.json');
      const t = await timed(artilleryPath, ['run', '--quiet', '--output', report, 'artillery.json'], dir);
      const a = JSON.parse(readFileSync(report, 'utf8')).aggregate;
      const rt = a.summaries['http.response_time'];
      return { ...t, requests: a.counters['http.requests'] ?? 0, medMs: rt?.median, p95Ms: rt?.p95 };
    },
    version: () => {
      const pkg = join(dirname(realpathSync(artilleryPath)), '../package.json');
      return existsSync(pkg) ? `artillery ${JSON.parse(readFileSync(pkg, 'utf8')).version}` : 'artillery';
    },
    startup: () => timed(artilleryPath, ['version'], ROOT),
  },
  embedded: {
    available: () => undefined,
    protocols: 'HTTP/1.1 (autocannon)',
    scripting: 'declarative YAML workload in perf-gate.yml (weighted requests, one login)',
    async run(w) {
      const u = new URL(w.url);
      const workload = {
        baseUrl: u.origin,
        requests: [{ path: u.pathname, headers: w.headers }],
        connections: w.kind === 'rate' ? 50 : VUS,
        duration: DURATION,
        ...(w.kind === 'rate' ? { arrivalRate: RATE } : {}),
      };
      const t = await timed(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/bench-tools/embedded-load.ts'), JSON.stringify(workload)], ROOT);
      return { ...t, ...JSON.parse(t.stdout.trim().split('\n').at(-1)) };
    },
    version: () => `autocannon ${JSON.parse(readFileSync(join(ROOT, 'node_modules/autocannon/package.json'), 'utf8')).version} (perf-gate embedded, under tsx)`,
    // What loading the engine costs before any request: tsx and the modules it transpiles.
    startup: () => timed(process.execPath, ['--import', 'tsx', '-e', "await import('./src/engine/embedded/run-embedded.ts')"], ROOT),
  },
  jmeter: {
    available: () => (jmeterPath && existsSync(jmeterPath) ? undefined : 'no working JMeter on this machine (Debian\'s 2.13 cannot load plans; see docs/jmeter.md): pass --jmeter where one runs'),
    protocols: 'HTTP/1.1, HTTP/2 (plugin), WebSocket (plugin), JDBC, JMS, LDAP, FTP, TCP, …',
    scripting: 'XML test plans (.jmx) built in its GUI; Groovy/JSR223 for logic',
    async run(w, dir) {
      const u = new URL(w.url);
      const jtl = join(dir, 'bench.jtl');
      const t = await timed(jmeterPath, ['-n', '-t', join(ROOT, 'examples/jmeter/bench.jmx'), '-l', jtl, `-Jhost=${u.hostname}`, `-Jport=${u.port}`, `-Jpath=${u.pathname}`, `-Jthreads=${w.kind === 'rate' ? 50 : VUS}`, `-Jduration=${DURATION}`, `-Jrate=${w.kind === 'rate' ? RATE * 60 : 0}`, '-Jjmeter.save.saveservice.output_format=csv'], dir);
      const lines = readFileSync(jtl, 'utf8').trim().split('\n');
      const header = lines[0].split(',');
      const elapsed = lines.slice(1).map((l) => Number(l.split(',')[header.indexOf('elapsed')])).sort((a, b) => a - b);
      const at = (p) => elapsed[Math.max(0, Math.ceil(p * elapsed.length) - 1)];
      return { ...t, requests: elapsed.length, medMs: at(0.5), p95Ms: at(0.95) };
    },
    version: () => execFileSync(jmeterPath, ['--version'], { encoding: 'utf8' }).trim().split('\n').at(-1),
    startup: () => timed(jmeterPath, ['--version'], ROOT),
  },
};

const fmt = (x, digits = 1) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));

async function main() {
  const tools = WANTED.filter((name) => {
    const why = TOOLS[name]?.available();
    if (why !== undefined) console.error(`skipping ${name}: ${why}`);
    return TOOLS[name] !== undefined && why === undefined;
  });
  const api = await startApi();
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-bench-tools-'));
  try {
    const token = await login(api.url);
    const workloads = {
      rate: { kind: 'rate', url: `${api.url}/api/tenants`, headers: { authorization: `Bearer ${token}` } },
      max: { kind: 'max', url: `${api.url}/healthz`, headers: {} },
    };
    // Warm the API up (JIT, connection handling) before anything is measured.
    await TOOLS.embedded.run({ ...workloads.max, kind: 'rate' }, dir).catch(() => undefined);
    const best = {};
    for (let r = 0; r < RUNS; r++) {
      for (const kind of ['rate', 'max']) {
        for (const name of r % 2 === 0 ? tools : [...tools].reverse()) {
          const m = await TOOLS[name].run(workloads[kind], dir);
          const key = `${name}/${kind}`;
          const rps = m.requests / DURATION;
          console.error(`${key}: ${m.requests} requests, ${fmt(rps, 0)} req/s, CPU ${fmt(m.cpuS, 2)} s, peak ${fmt(m.peakMb, 0)} MB, med ${fmt(m.medMs, 2)} ms, p95 ${fmt(m.p95Ms, 2)} ms`);
          if (!best[key] || (kind === 'max' ? m.requests > best[key].requests : m.cpuS / m.requests < best[key].cpuS / best[key].requests)) best[key] = m;
        }
      }
    }
    const startup = {};
    for (const name of tools) startup[name] = await TOOLS[name].startup();
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}${hasTaskset ? ', server on CPU 0, tool on CPU 1' : ', no taskset (tool and server share the CPUs)'}`;
    const lines = [
      `Machine: ${machine}. ${DURATION} s per run, best of ${RUNS}. Rate: ${RATE} req/s open model on GET /api/tenants of the example API; max: ${VUS} VUs closed model, no think time, on /healthz.`,
      '',
      '| tool | version | start-up CPU s | rate: req/s reached | rate: CPU s / 1 000 req | rate: peak MB | rate: median ms | rate: p95 ms | max: req/s | max: CPU s / 1 000 req | max: peak MB / 100 VUs |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const name of tools) {
      const a = best[`${name}/rate`];
      const b = best[`${name}/max`];
      lines.push(`| ${name} | ${TOOLS[name].version()} | ${fmt(startup[name].cpuS, 2)} | ${fmt(a.requests / DURATION, 0)} | ${fmt((a.cpuS / a.requests) * 1000, 3)} | ${fmt(a.peakMb, 0)} | ${fmt(a.medMs, 2)} | ${fmt(a.p95Ms, 2)} | ${fmt(b.requests / DURATION, 0)} | ${fmt((b.cpuS / b.requests) * 1000, 3)} | ${fmt((b.peakMb / VUS) * 100, 0)} |`);
    }
    lines.push('', '| tool | protocols | scripting model |', '|---|---|---|');
    for (const name of tools) lines.push(`| ${name} | ${TOOLS[name].protocols} | ${TOOLS[name].scripting} |`);
    console.log(lines.join('\n'));
  } finally {
    api.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
