// Benchmark of live ingest (run with `npm run bench:live`): k6's output read through a FIFO while k6 runs
// (src/engine/k6-live-output.ts), against the example API at its top rate (its simulated latency off, so
// it answers as fast as it can, under its rate limit of 1000 requests/s per token; the smoke stage of
// examples/k6/isectech.js, whose 3 VUs then send 1 000–5 000 requests/s, by machine, no think time), with the real k6 of PERF_GATE_TEST_K6 (its first) or --k6.
//
// For each duration it measures, in a fresh child process (so the peak RSS is perf-gate's own): the time
// from k6's exit to the verdict-ready run document, the work folder's disk use sampled every 250 ms during
// the run, and the peak RSS (the larger of VmHWM and VmRSS polled from the parent every 10 ms). First (after a 5 s warm-up of the API) one run of the file path (k6 writes
// NDJSON, ingested after it exits) for comparison. Targets (issue 10 §2): ≤ 1 s from exit to document at any length; disk flat; ≤ 150 MB.
//
// Options: --durations 10s,60s (each a k6 duration), --duration 10m (adds one run of that length),
//          --file-duration 10s (0 to skip the file run), --latency-scale 0 (1: the API's own
//          simulated latency), --k6 <path>, --builder-thread auto|always|never (where the run is
//          built; default the product's choice), --action-thread yes|no|both (yes, the default: each stage
//          runs in a worker thread with the Action thread's limits, as the Action runs, src/action/action-thread.ts;
//          no: in the main thread, as the CLI and the library run; both: each live run both ways, by turns)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REQUIRE_BANNER } from './require-banner.mjs';
import { startExampleApi } from './example-api.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const k6 = option('k6', (process.env.PERF_GATE_TEST_K6 ?? '').split(':').find((p) => p !== ''));
if (!k6) {
  console.error('bench:live needs a real k6: set PERF_GATE_TEST_K6=/path/to/k6 (the first of a : list is used) or pass --k6 /path/to/k6');
  process.exit(2);
}
const durations = option('durations', '10s,60s').split(',').filter((d) => d !== '');
const extra = option('duration', undefined);
if (extra) durations.push(extra);
const fileDuration = option('file-duration', '10s');
const latencyScale = option('latency-scale', '0');
const builderThread = option('builder-thread', undefined);
const actionThread = option('action-thread', 'yes');
if (!['yes', 'no', 'both'].includes(actionThread)) throw new Error(`bench-live-ingest: --action-thread must be yes, no or both but got ${actionThread}`);
const ARMS = actionThread === 'both' ? ['yes', 'no'] : [actionThread];

// In the Action thread, as dist/index.js runs the Action: the main thread loads only the thread's limits
// (thread.mjs, src/action/action-thread.ts), the worker the stage's bundle.
const CHILD = `const { Worker } = await import('node:worker_threads');
const stage = JSON.parse(process.argv[2]);
const inThread = async (bundle) => {
  const { ACTION_THREAD_LIMITS } = await import(new URL('./thread.mjs', bundle).href);
  return new Promise((resolve, reject) => {
  const code = "const { workerData, parentPort } = require('node:worker_threads'); import(workerData.bundle).then((m) => m.benchStage(workerData.stage)).then((r) => parentPort.postMessage(r));";
  const worker = new Worker(code, { eval: true, execArgv: [], workerData: { bundle, stage }, resourceLimits: ACTION_THREAD_LIMITS });
  worker.once('message', resolve);
  worker.once('error', reject);
  });
};
const r = process.argv[3] === 'yes' ? await inThread(process.argv[1]) : await (await import(process.argv[1])).benchStage(stage);
let maxRssKb = process.resourceUsage().maxRSS;
const m = /VmHWM:\\s*(\\d+) kB/.exec((await import('node:fs')).readFileSync('/proc/self/status', 'utf8'));
if (m) maxRssKb = Number(m[1]);
console.log(JSON.stringify({ ...r, maxRssKb }));`;

/**
 * One stage in a child process. Its peak RSS is the larger of VmHWM and VmRSS read from here every 10 ms:
 * VmHWM alone can read low (the kernel raises it lazily, and pages given back by madvise lower VmRSS
 * without raising it first), and the child cannot sample itself during the synchronous build at the end.
 */
async function run(bundle, api, mode, duration, dir, inThread = ARMS[0]) {
  const workDir = mkdtempSync(join(dir, `${mode}-${duration}-`));
  const stage = { mode, k6, script: join(ROOT, 'examples/k6/isectech.js'), baseUrl: api.url, env: { DURATION: duration, THINK: '0', WS_EVERY: '10', EXPORT_EVERY: '5' }, workDir, sampleMs: 250, ...(builderThread ? { builderThread } : {}) };
  const child = spawn(process.execPath, ['--expose-gc', '--input-type=module', '-e', CHILD, pathToFileURL(bundle).href, JSON.stringify(stage), inThread], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (t) => (out += t));
  let polledRssKb = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmRSS:\s*(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) polledRssKb = Math.max(polledRssKb, Number(m[1]));
    } catch {
      // The child has exited.
    }
  }, 10);
  const code = await new Promise((resolve) => child.once('close', resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`the ${mode} ${duration} stage exited with ${code}`);
  const r = JSON.parse(out.trim().split('\n').at(-1));
  return { ...r, hwmKb: r.maxRssKb, polledRssKb, maxRssKb: Math.max(r.maxRssKb, polledRssKb) };
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-bench-live-'));
  const api = await startExampleApi(latencyScale);
  try {
    const version = execFileSync(k6, ['version'], { encoding: 'utf8', env: { ...process.env, K6_NO_USAGE_REPORT: 'true' } }).trim().split('\n')[0];
    console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`${version}; example API at ${api.url}; isectech.js smoke (its 3 VUs), no think time, API latency × ${latencyScale}; ${{ yes: 'in the Action thread', no: 'in the main thread', both: 'in the Action thread (·thr) and in the main thread (·main), by turns' }[actionThread]}${builderThread ? `, builder thread ${builderThread}` : ""}\n`);
    const bundle = join(dir, 'live.mjs');
    const esbuild = await import('esbuild');
    // dist's `require` banner: without it the finish deflated with pako (8–10 MiB more peak RSS, 50 ms more).
    // The builder thread's script beside the bundle, as dist/ingest-worker.js is beside dist/cli.js.
    for (const [entry, outfile] of [['scripts/bench-live-ingest-entry.ts', bundle], ['src/ingest/ingest-worker.ts', join(dir, 'ingest-worker.js')], ['src/action/action-thread.ts', join(dir, 'thread.mjs')]]) {
      await esbuild.build({ entryPoints: [join(ROOT, entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, banner: { js: REQUIRE_BANNER }, logLevel: 'warning' });
    }

    // A cold API (JIT, caches) answers the first seconds slower: warm it up, unmeasured.
    await run(bundle, api, 'live', '5s', dir);
    const rows = [];
    if (fileDuration !== '0') rows.push({ d: fileDuration, ...(await run(bundle, api, 'file', fileDuration, dir)) });
    for (const d of durations) for (const arm of ARMS) rows.push({ d: ARMS.length > 1 ? `${d}${arm === 'yes' ? '·thr' : '·main'}` : d, ...(await run(bundle, api, 'live', d, dir, arm)) });

    console.log('mode  duration  k6 ran   requests   req/s   NDJSON     exit → document   disk max (last)     peak RSS');
    for (const r of rows) {
      const ndjson = r.ndjsonBytes !== undefined ? `${mb(r.ndjsonBytes)} MB` : '(file)';
      console.log(
        `${r.mode.padEnd(5)} ${r.d.padEnd(9)} ${`${r.k6Seconds.toFixed(1)} s`.padEnd(8)} ${String(r.requests).padStart(9)}  ${(r.requests / r.k6Seconds).toFixed(0).padStart(6)}   ${ndjson.padEnd(10)} ${`${r.exitToDocumentMs.toFixed(0)} ms`.padStart(10)}        ${`${mb(r.disk.maxBytes)} MB (${mb(r.disk.lastBytes)})`.padEnd(18)}  ${(r.maxRssKb / 1024).toFixed(0)} MiB` +
          (r.exitCode !== 0 && r.exitCode !== 99 ? `  k6 exit ${r.exitCode}` : ''),
      );
    }
    console.log('\nmemory (MB), at its largest: heap used / total, external (of it ArrayBuffers); after the run: heap kept, document JSON');
    for (const r of rows) console.log(`${r.mode.padEnd(5)} ${r.d.padEnd(9)} ${mb(r.memory.heapUsedMax).padStart(6)} / ${mb(r.memory.heapTotalMax).padEnd(7)} ${mb(r.memory.externalMax).padStart(6)} (${mb(r.memory.arrayBuffersMax)})   kept ${mb(r.memory.retainedHeap)}, document ${mb(r.memory.documentBytes)}`);
    console.log('\nV8 spaces (MB committed, at their largest); peak RSS (MiB) before the build at the end, and VmHWM beside VmRSS polled');
    for (const r of rows) console.log(`${r.mode.padEnd(5)} ${r.d.padEnd(9)} ${Object.entries(r.memory.spaces).filter(([, b]) => b >= 0.5e6).map(([n, b]) => `${n.replace(/_space$/, '')} ${mb(b)}`).join(', ')}; peak RSS before the last bytes ${(r.memory.rssPeakBeforeEndKb / 1024).toFixed(0)} MiB; peak RSS: VmHWM ${(r.hwmKb / 1024).toFixed(0)} MiB, VmRSS polled every 10 ms ${(r.polledRssKb / 1024).toFixed(0)} MiB`);
    const live = rows.filter((r) => r.mode === 'live');
    console.log('\nlast byte from k6 → document built (the build after the load ends, overlapping k6\'s exit): ' + live.map((r) => `${r.d} ${r.lastByteToDocumentMs === undefined ? '–' : `${r.lastByteToDocumentMs.toFixed(0)} ms`}`).join(', '));
    // With both ways, the targets are the Action's (the rows in its thread); the others are for comparison.
    const judged = ARMS.length > 1 ? live.filter((r) => r.d.endsWith('·thr')) : live;
    const worstMs = Math.max(...judged.map((r) => Math.max(r.exitToDocumentMs, r.lastByteToDocumentMs ?? 0)));
    // The target is in MB (10^6 bytes); the table's RSS is in MiB, as /proc gives it (150 MB is 143 MiB).
    const peakBytes = Math.max(...judged.map((r) => r.maxRssKb)) * 1024;
    const disk = Math.max(...judged.map((r) => r.disk.maxBytes));
    console.log(`\ntargets (live${ARMS.length > 1 ? ', in the Action thread' : ''}): exit (or last byte) → document ≤ 1000 ms: ${worstMs.toFixed(0)} ms ${worstMs <= 1000 ? 'met' : 'MISSED'}; disk flat: max ${mb(disk)} MB ${disk < 1e6 ? 'met' : 'MISSED'}; peak RSS ≤ 150 MB: ${(peakBytes / 1e6).toFixed(0)} MB (${(peakBytes / 1048576).toFixed(0)} MiB) ${peakBytes <= 150e6 ? 'met' : 'MISSED'}`);
    console.log(`progress lines of the longest live run (from the stream): ${live.at(-1).progress.slice(0, 3).join(' | ')}`);
  } finally {
    api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
