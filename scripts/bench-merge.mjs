// Benchmark of `perf-gate merge` of matrix shards (run with `npm run bench:merge`; issue 12 §4).
//
// Generates the shard documents of one synthetic test — one hour at 1 000 requests/s in all, 64 shards of
// 15.6 requests/s each, 12 endpoints with their own log-normal latencies, a few failures, iterations, VUs
// and checks — through the RunBuilder, as `perf-gate run --shard i/64` would write them (meta.shard with
// segment, sequence, script hash and start). Then it runs `perf-gate merge` of the 64 files in a fresh child
// process and prints its wall time and peak RSS (VmHWM). Targets: ≤ 2 s and ≤ 200 MB. Temporary files are
// deleted at the end.
//
// Options: --shards 64, --rps 1000 (of the whole test), --seconds 3600, --endpoints 12, --runs 1 (merges;
// the best time, the least CPU time and the highest peak are printed), --keep DIR (write the documents there and keep them; a
// later run with the same DIR reuses them), --cpu-prof DIR (a V8 CPU profile of the merge child).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const SHARDS = option('shards', 64);
const RPS = option('rps', 1000);
const SECONDS = option('seconds', 3600);
const ENDPOINTS = option('endpoints', 12);
const RUNS = option('runs', 1);
const text = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const KEEP = text('keep');
const CPU_PROF = text('cpu-prof');
const TARGET = { ms: 2000, mb: 200 };

/** Seeded uniform in [0, 1) (mulberry32): the same documents on every run. */
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

/** k6's RatString of k/n in lowest terms. */
function frac(k, n) {
  const g = (a, b) => (b === 0 ? a : g(b, a % b));
  const d = g(k, n);
  return n / d === 1 ? String(k / d) : `${k / d}/${n / d}`;
}

const METRICS = [
  { name: 'http_req_duration', type: 'trend', contains: 'time', thresholds: ['p(95)<500'], submetrics: [] },
  { name: 'http_req_waiting', type: 'trend', contains: 'time', thresholds: [], submetrics: [] },
  { name: 'http_reqs', type: 'counter', contains: 'default', thresholds: [], submetrics: [] },
  { name: 'http_req_failed', type: 'rate', contains: 'default', thresholds: ['rate<0.01'], submetrics: [] },
  { name: 'iterations', type: 'counter', contains: 'default', thresholds: [], submetrics: [] },
  { name: 'iteration_duration', type: 'trend', contains: 'time', thresholds: [], submetrics: [] },
  { name: 'checks', type: 'rate', contains: 'default', thresholds: [], submetrics: [] },
  { name: 'vus', type: 'gauge', contains: 'default', thresholds: [], submetrics: [] },
];

/** Shard k (1-based) of the test, as a run document. */
function shardDocument(lib, k, startMs) {
  const rand = random(1000 + k);
  const builder = new lib.RunBuilder({ groupBy: ['name'], window: 'auto' });
  const ids = Object.fromEntries(METRICS.map((m) => [m.name, builder.defineMetric(m)]));
  const endpoints = Array.from({ length: ENDPOINTS }, (_, e) => ({
    tags: { name: `${e % 3 === 0 ? 'POST' : 'GET'} /api/endpoint-${e}`, method: e % 3 === 0 ? 'POST' : 'GET', status: '200', expected_response: 'true' },
    median: 4 + 3 * e,
    sigma: 0.35 + 0.03 * e,
  }));
  const failedTags = endpoints.map((ep) => ({ ...ep.tags, status: '500', error_code: '1500', expected_response: 'false' }));
  const t = (metric, tags) => builder.targets(ids[metric], tags);
  const targets = endpoints.map((ep, e) => ({
    duration: t('http_req_duration', ep.tags),
    waiting: t('http_req_waiting', ep.tags),
    reqs: t('http_reqs', ep.tags),
    failed: t('http_req_failed', ep.tags),
    failedFail: t('http_req_failed', failedTags[e]),
    reqsFail: t('http_reqs', failedTags[e]),
    durationFail: t('http_req_duration', failedTags[e]),
  }));
  const iter = t('iterations', {});
  const iterDur = t('iteration_duration', {});
  const checks = t('checks', { check: 'status is 200' });
  const vus = t('vus', {});
  const rate = RPS / SHARDS;
  const n = Math.round(rate * SECONDS);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  for (let i = 0; i < n; i++) {
    const at = startMs + (i / rate) * 1000 + rand() * 20;
    const e = Math.floor(rand() * ENDPOINTS);
    const ep = endpoints[e];
    const ms = ep.median * Math.exp(ep.sigma * gauss());
    const fail = rand() < 0.002;
    const tg = targets[e];
    builder.point(fail ? tg.durationFail : tg.duration, at, ms);
    builder.point(tg.waiting, at, ms * 0.9);
    builder.point(fail ? tg.reqsFail : tg.reqs, at, 1);
    builder.point(fail ? tg.failedFail : tg.failed, at, fail ? 1 : 0);
    builder.point(checks, at, fail ? 0 : 1);
    if (i % 4 === 3) {
      builder.point(iter, at, 1);
      builder.point(iterDur, at, ms * 4 + 100);
    }
    if (i % 50 === 0) builder.point(vus, at, 8);
  }
  const doc = builder.finish({ tool: 'k6', toolVersion: '1.8.1', stage: 'endurance', sources: [{ file: `shard-${k}.ndjson`, format: 'k6-ndjson', lines: 0, partial: false }], warnings: [] });
  const sequence = Array.from({ length: SHARDS + 1 }, (_, j) => frac(j, SHARDS)).join(',');
  doc.meta.shard = { index: k, count: SHARDS, segment: `${frac(k - 1, SHARDS)}:${frac(k, SHARDS)}`, sequence, scriptHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', startedAt: new Date(startMs + (k % 7) * 150).toISOString() };
  return doc;
}

const MERGE = `const { cli } = await import(process.argv[1]);
const files = JSON.parse(process.argv[2]);
const t0 = performance.now();
const c0 = process.cpuUsage();
const code = await cli(['merge', ...files, '-o', process.argv[3]], { stdout: () => {}, stderr: (s) => { if (process.env.BENCH_VERBOSE) process.stderr.write(s); }, color: false });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
if (code !== 0) throw new Error('perf-gate merge exited ' + code);
let maxRssKb = process.resourceUsage().maxRSS;
try {
  const m = /VmHWM:\\s*(\\d+) kB/.exec((await import('node:fs')).readFileSync('/proc/self/status', 'utf8'));
  if (m) maxRssKb = Number(m[1]);
} catch {}
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb }));`;

async function main() {
  const dir = KEEP ?? mkdtempSync(join(tmpdir(), 'perf-gate-bench-merge-'));
  mkdirSync(dir, { recursive: true });
  try {
    console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const esbuild = await import('esbuild');
    const bundle = join(dir, 'merge.mjs');
    const banner = { js: "import { createRequire as __perfGateCreateRequire } from 'node:module';\nconst require = __perfGateCreateRequire(import.meta.url);" };
    await esbuild.build({ entryPoints: [join(ROOT, 'scripts/bench-merge-entry.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, banner, logLevel: 'warning' });
    const lib = await import(pathToFileURL(bundle).href);
    const startMs = Date.parse('2026-12-03T07:00:00Z');
    const files = [];
    let bytes = 0;
    let t = performance.now();
    for (let k = 1; k <= SHARDS; k++) {
      const file = join(dir, `shard-${k}-of-${SHARDS}-${RPS}rps-${SECONDS}s-${ENDPOINTS}e.run.json`);
      if (!KEEP || !existsSync(file)) writeFileSync(file, `${JSON.stringify(shardDocument(lib, k, startMs))}\n`);
      bytes += statSync(file).size;
      files.push(file);
    }
    const requests = Math.round((RPS / SHARDS) * SECONDS) * SHARDS;
    console.log(`generated ${SHARDS} shard documents of a ${SECONDS} s run at ${RPS} req/s (${requests.toLocaleString('en')} requests, ${ENDPOINTS} endpoints): ${(bytes / 1e6).toFixed(1)} MB of JSON in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const runs = [];
    for (let r = 0; r < RUNS; r++) {
      t = performance.now();
      const flags = CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF] : [];
      const out = execFileSync(process.execPath, [...flags, '--input-type=module', '-e', MERGE, pathToFileURL(bundle).href, JSON.stringify(files), join(dir, 'merged.json')], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const child = JSON.parse(out.trim().split('\n').at(-1));
      runs.push({ ...child, wallMs: performance.now() - t });
    }
    const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const bestCpuMs = Math.min(...runs.map((r) => r.cpuMs));
    const peakMb = Math.max(...runs.map((r) => r.maxRssKb)) / 1024;
    const merged = JSON.parse((await import('node:fs')).readFileSync(join(dir, 'merged.json'), 'utf8'));
    const count = merged.scopes['http_reqs'].counter.count;
    if (count !== requests) throw new Error(`the merged run counts ${count} requests, the shards ${requests}`);
    console.log(`merged document: ${(statSync(join(dir, 'merged.json')).size / 1e6).toFixed(2)} MB, ${Object.keys(merged.scopes).length} scopes, ${merged.windows.widthMs / 1000} s windows, ${count.toLocaleString('en')} requests (= the shards' sum)`);
    console.log(`perf-gate merge of ${SHARDS} shards: ${(best.ms / 1000).toFixed(2)} s (child process wall ${(best.wallMs / 1000).toFixed(2)} s with Node start-up), CPU ${(bestCpuMs / 1000).toFixed(2)} s (user + system, all threads), peak RSS ${peakMb.toFixed(0)} MB`);
    console.log(`target ≤ ${TARGET.ms / 1000} s and ≤ ${TARGET.mb} MB: ${best.ms <= TARGET.ms && peakMb <= TARGET.mb ? 'met' : 'NOT met'}`);
  } finally {
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
