// Benchmark of the k6 CSV and JMeter CSV readers (run with `npm run bench:csv`), old build against new.
//
// Writes one file of each format into a temporary folder (seeded, so every run reads the same bytes):
// - k6 `--out csv`: k6's default columns, 15 metrics × 11 endpoints, extra_tags on some rows, one name in
//   20 quoted (it holds a comma) and one row in 2,000 whose quoted name holds a line break;
// - JMeter 5 CSV (the default 17 columns): 10 labels, 2 % failed samples whose failureMessage is quoted
//   (a comma), half of them over two lines (as JMeter writes assertion messages).
// Then it runs `perf-gate ingest` of two builds, each in a fresh child process so that peak RSS is the
// run's own, the two by turns (old, new, new, old, …) so that both meet the same machine state, and prints
// the best of `--runs` runs in MB/s (10^6 bytes), the ratio new/old and peak RSS. Deletes its files.
// Beside wall time it reports the children's CPU time (user + system, all threads): on a shared machine
// other work stretches wall time by tens of percent, CPU time much less, so its ratio is the steadier one.
//
// Options: --size-mb 200 (each file), --runs 5, --format k6|jmeter|both (default both),
// --before REV (the old build: the dist/ committed at git revision REV; default HEAD),
// --after DIR (the new build's dist folder; default this checkout's dist/, build it first).
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const SIZE = Number(option('size-mb', 200)) * 1e6;
const RUNS = Number(option('runs', 5));
const FORMAT = option('format', 'both');
const BEFORE = option('before', 'HEAD');
const AFTER = resolve(option('after', join(ROOT, 'dist')));
if (!(SIZE > 0 && Number.isInteger(RUNS) && RUNS >= 1)) throw new Error('bench-csv: --size-mb > 0 and --runs ≥ 1 (a whole number)');
if (!['k6', 'jmeter', 'both'].includes(FORMAT)) throw new Error(`bench-csv: --format must be k6, jmeter or both but got ${FORMAT}`);

/** A seeded PRNG (mulberry32): the same files on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes lines from `row(i)` until the file holds at least `bytes` bytes; returns its size. */
function writeLines(file, header, bytes, row) {
  const fd = openSync(file, 'w');
  let written = writeSync(fd, `${header}\n`);
  let parts = [];
  for (let i = 0; written < bytes; i++) {
    parts.push(row(i));
    if (parts.length === 2_000) {
      written += writeSync(fd, `${parts.join('\n')}\n`);
      parts = [];
    }
  }
  if (parts.length > 0) written += writeSync(fd, `${parts.join('\n')}\n`);
  closeSync(fd);
  return written;
}

const K6_HEADER = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';
const K6_METRICS = ['http_reqs', 'http_req_duration', 'http_req_blocked', 'http_req_connecting', 'http_req_tls_handshaking', 'http_req_sending', 'http_req_waiting', 'http_req_receiving', 'http_req_failed', 'data_sent', 'data_received', 'iteration_duration', 'iterations', 'checks', 'vus'];
const ENDPOINTS = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/refresh', 'GET /api/dashboard', 'GET /api/alerts', 'POST /api/alerts', 'GET /api/assets', 'GET /api/assets/:id', 'GET /api/search', 'PUT /api/settings', 'DELETE /api/sessions'];

function k6Csv(file, bytes) {
  const r = random(6);
  return writeLines(file, K6_HEADER, bytes, (i) => {
    const metric = K6_METRICS[i % K6_METRICS.length];
    const endpoint = ENDPOINTS[Math.floor(i / K6_METRICS.length) % ENDPOINTS.length];
    const [method, path] = endpoint.split(' ');
    const second = 1795773836 + Math.floor(i / 3000);
    const value = metric === 'http_reqs' || metric === 'iterations' ? '1.000000' : (r() * 200).toFixed(6);
    let name = endpoint;
    if (i % 20 === 7) name = `"${endpoint}?q=a,b"`;
    if (i % 2000 === 11) name = `"${endpoint}\nsecond line"`;
    const extra = i % 3 === 0 ? `tenant=${['acme', 'initech', 'globex'][i % 9 / 3]}&region=eu` : '';
    return `${metric},${second},${value},,,,true,,${method},${name},HTTP/1.1,default,,200,,,http://localhost:3000${path},${extra},`;
  });
}

const JMETER_HEADER = 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect';

function jmeterCsv(file, bytes) {
  const r = random(7);
  const t0 = Date.UTC(2026, 10, 27, 9, 0, 0);
  return writeLines(file, JMETER_HEADER, bytes, (i) => {
    const label = ENDPOINTS[i % 10];
    const elapsed = 5 + Math.floor(r() * 300);
    const failed = i % 50 === 3;
    const message = !failed ? '' : i % 100 === 3 ? '"Test failed: text expected to contain /ok/\nbut was: ""error"", code 7"' : '"Assertion failed: 500, expected 200"';
    const thread = `Thread Group 1-${1 + (i % 50)}`;
    return `${t0 + Math.floor(i / 10)},${elapsed},${label},${failed ? 500 : 200},${failed ? 'Internal Server Error' : 'OK'},${thread},text,${!failed},${message},${900 + (i % 300)},120,50,50,http://localhost:3000/api,${elapsed - 2},0,${i % 40 === 0 ? 3 : 0}`;
  });
}

// Peak RSS (VmHWM, Linux) and CPU time of the child, read as it exits; the ingest's builder thread is in the
// same process, so both count it.
const PRELOAD = `import { readFileSync } from 'node:fs';
process.on('exit', () => {
  const m = /VmHWM:\\s*(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  const u = process.resourceUsage();
  process.stderr.write('\\nbench-csv-rss ' + (m ? m[1] : u.maxRSS) + ' ' + (u.userCPUTime + u.systemCPUTime) / 1000 + '\\n');
});
`;

function measure(dist, file, dir) {
  const out = join(dir, 'run.json');
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--import', join(dir, 'preload.mjs'), join(dist, 'cli.js'), 'ingest', file, '-o', out], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const ms = performance.now() - t0;
  if (child.status !== 0) throw new Error(`bench-csv: perf-gate ingest of ${file} with ${dist} failed (${child.status}): ${child.stderr}`);
  const report = /bench-csv-rss (\d+) ([\d.]+)/.exec(child.stderr);
  rmSync(out, { force: true });
  return { ms, maxRssKb: report ? Number(report[1]) : NaN, cpuMs: report ? Number(report[2]) : NaN };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1000);

const dir = mkdtempSync(join(tmpdir(), 'perf-gate-bench-csv-'));
try {
  writeFileSync(join(dir, 'preload.mjs'), PRELOAD);
  // The old build: the dist/ committed at BEFORE (dist/ is committed, so no checkout or build is needed).
  const old = join(dir, 'old');
  mkdirSync(old);
  execFileSync('sh', ['-c', `git -C "$1" archive "$2" dist | tar -x -C "$3"`, 'sh', ROOT, BEFORE, old]);
  const builds = [
    ['old', join(old, 'dist'), `dist/ at ${BEFORE} (${execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', BEFORE], { encoding: 'utf8' }).trim()})`],
    ['new', AFTER, AFTER],
  ];
  console.log(`bench-csv: ${SIZE / 1e6} MB per file, best of ${RUNS} runs by turns, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (const [name, , what] of builds) console.log(`  ${name}: ${what}`);
  const formats = FORMAT === 'both' ? ['k6', 'jmeter'] : [FORMAT];
  for (const format of formats) {
    const file = join(dir, `${format}.csv`);
    const bytes = format === 'k6' ? k6Csv(file, SIZE) : jmeterCsv(file, SIZE);
    if (statSync(file).size !== bytes) throw new Error('bench-csv: the file is not the size written');
    const runs = { old: [], new: [] };
    for (let i = 0; i < RUNS; i++) {
      // old, new, then new, old: neither always goes first.
      const order = i % 2 === 0 ? builds : [...builds].reverse();
      for (const [name, dist] of order) runs[name].push(measure(dist, file, dir));
    }
    console.log(`\n${format} CSV, ${(bytes / 1e6).toFixed(0)} MB:`);
    for (const name of ['old', 'new']) {
      const ms = runs[name].map((r) => r.ms);
      const cpu = runs[name].map((r) => r.cpuMs);
      const rss = Math.max(...runs[name].map((r) => r.maxRssKb));
      console.log(`  ${name}: wall best ${mbps(bytes, Math.min(...ms)).toFixed(1)} MB/s, median ${mbps(bytes, median(ms)).toFixed(1)} MB/s; CPU best ${mbps(bytes, Math.min(...cpu)).toFixed(1)} MB/s, median ${mbps(bytes, median(cpu)).toFixed(1)} MB/s; peak RSS ${(rss / 1024).toFixed(0)} MiB`);
      console.log(`       runs: wall ${ms.map((m) => (m / 1000).toFixed(2)).join(' ')} s, CPU ${cpu.map((m) => (m / 1000).toFixed(2)).join(' ')} s`);
    }
    const ratio = (key, of) => (of(runs.new.map((r) => r[key])) / of(runs.old.map((r) => r[key]))).toFixed(3);
    const least = (xs) => Math.min(...xs);
    console.log(`  new/old (below 1: new is faster): wall best ${ratio('ms', least)}, median ${ratio('ms', median)}; CPU best ${ratio('cpuMs', least)}, median ${ratio('cpuMs', median)}`);
    rmSync(file, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
