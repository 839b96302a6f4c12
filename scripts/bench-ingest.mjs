// Benchmark of the k6 NDJSON ingest (run with `npm run bench:ingest`).
//
// Generates k6 NDJSON of two shapes from real recorded k6 runs (test/fixtures/k6), repeated with their times
// shifted forward so each file is one long run:
// - smoke: the four smoke runs (many tags, 11 endpoints, 23 metrics), the shape of issue 10's figures;
// - endurance: endurance-steady (one endpoint mix at 50 iterations/s).
// Each is written plain and gzipped. Then it measures, each in a fresh child process so that peak RSS is the
// measurement's own: perf-gate's ingest, the same reader with a builder that only counts, a naive
// `readline` + `JSON.parse` loop that counts points per metric, and a bare newline scan (large reads,
// Buffer.indexOf — the limit for any line reader; for gzip, gunzip + the scan). It prints the best of
// `--runs` runs, perf-gate's speed against the naive loop and the scan, and the targets. Temporary files
// are deleted at the end.
//
// Beside those: the same ingest with the builder kept in the main thread (`builderThread: 'never'`), and a split
// of the plain file into two halves ingested at once by two isolates (the main thread and a worker, each a whole
// ingest of its half, nothing merged): the least a parse split across both cores could take here. Every row
// also gives the CPU the measurement used, all threads together (V8's compiler and GC threads included), and
// that CPU over the cores: no way of sharing the work between threads can be faster than that on this machine.
//
// Options: --size-mb 300 (each plain file, MB of 10^6 bytes), --gz-size-mb 100 (NDJSON inside each .gz),
// --runs 3, --shape smoke|endurance|both (default both), --cpu-prof DIR (writes a V8 CPU profile of every
// perf-gate ingest child into DIR, for Chrome DevTools or `node --cpu-prof` readers), --before CHECKOUT (also
// measures the ingest of another checkout, e.g. /work/main, in the same run, the two by turns: a before/after on one
// machine state), --wasm-kernel (also reads the plain files with scripts/spike-wasm-ingest's WebAssembly kernel, a
// lower bound for a reader in compiled code; compiled first with `npx --yes --package=assemblyscript@0.28.20`, which needs
// the npm registry).
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync, createReadStream, createWriteStream } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGzip, gunzipSync } from 'node:zlib';
import { REQUIRE_BANNER } from './require-banner.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/k6');
const SHAPES = {
  smoke: ['smoke-baseline', 'smoke-aa', 'smoke-regressed', 'smoke-errors'],
  endurance: ['endurance-steady'],
};

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const SIZE = Number(option('size-mb', 300)) * 1e6;
const GZ_SIZE = Number(option('gz-size-mb', 100)) * 1e6;
const RUNS = Number(option('runs', 3));
const SHAPE = option('shape', 'both');
const CPU_PROF = option('cpu-prof', undefined);
const BEFORE = option('before', undefined);
const WASM_KERNEL = process.argv.includes('--wasm-kernel');
if (!(SIZE > 0 && GZ_SIZE >= 0 && Number.isInteger(RUNS) && RUNS >= 1)) throw new Error('bench-ingest: --size-mb > 0, --gz-size-mb ≥ 0 and --runs ≥ 1 (a whole number)');
if (SHAPE !== 'both' && !(SHAPE in SHAPES)) throw new Error(`bench-ingest: --shape must be smoke, endurance or both but got ${SHAPE}`);

/** The lines of one recorded run: its Metric lines, and its points split around the whole second of their time. */
function recorded(name) {
  const lines = gunzipSync(readFileSync(join(FIXTURES, `${name}.ndjson.gz`))).toString('utf8').split('\n').filter((l) => l !== '');
  const metrics = lines.filter((l) => l.startsWith('{"type":"Metric"'));
  const points = lines.filter((l) => !l.startsWith('{"type":"Metric"')).map((l) => {
    const at = l.indexOf('"time":"') + 8;
    return [l.slice(0, at), l.slice(at, at + 19), l.slice(at + 19)];
  });
  let first = Infinity;
  let last = -Infinity;
  for (const [, t] of points) {
    const ms = Date.parse(`${t}Z`);
    if (ms < first) first = ms;
    if (ms > last) last = ms;
  }
  return { metrics, points, first, last };
}

/**
 * Writes k6 NDJSON of at least `bytes` bytes: the Metric lines once (each metric's first declaration), then
 * the runs' points one run after another, again and again, each block shifted by whole seconds to start
 * one second after the last ended.
 */
function generate(file, bytes, runs) {
  const sources = runs.map(recorded);
  const declared = new Map();
  for (const s of sources) for (const m of s.metrics) {
    const name = /"name":"((?:[^"\\]|\\.)*)"/.exec(m)[1];
    if (!declared.has(name)) declared.set(name, m);
  }
  const fd = openSync(file, 'w');
  let written = 0;
  let pointLines = 0;
  const flush = (parts) => {
    written += writeSync(fd, parts.join(''));
  };
  flush([...declared.values()].map((m) => `${m}\n`));
  let cursor = sources[0].first;
  for (let block = 0; written < bytes; block++) {
    const s = sources[block % sources.length];
    const shiftMs = cursor - s.first;
    cursor += s.last - s.first + 1000;
    const shifted = new Map();
    let parts = [];
    for (const [head, second, tail] of s.points) {
      let t = shifted.get(second);
      if (t === undefined) {
        t = new Date(Date.parse(`${second}Z`) + shiftMs).toISOString().slice(0, 19);
        shifted.set(second, t);
      }
      parts.push(head, t, tail, '\n');
      pointLines++;
      if (parts.length >= 40_000) {
        flush(parts);
        parts = [];
        if (written >= bytes) break;
      }
    }
    flush(parts);
  }
  closeSync(fd);
  return { bytes: written, points: pointLines, lines: pointLines + declared.size };
}

/**
 * Writes `file.half1` (the lines up to the middle) and `file.half2` (the Metric lines, then the rest), the
 * inputs of the `split` measurement.
 */
function splitInHalves(file) {
  const text = readFileSync(file);
  const middle = text.indexOf(10, text.length >> 1) + 1;
  const metrics = text.subarray(0, text.indexOf('\n{"metric"') + 1);
  writeFileSync(`${file}.half1`, text.subarray(0, middle));
  writeFileSync(`${file}.half2`, Buffer.concat([metrics, text.subarray(middle)]));
}

const CHILD = {
  ours: `const { ingestFiles } = await import(process.argv[1]);
const t0 = performance.now();
const doc = await ingestFiles([process.argv[2]]);
const ms = performance.now() - t0;
if (doc.meta.partial || Object.keys(doc.scopes).length < 50) throw new Error('unexpected document');`,
  // Two isolates at once, each a whole ingest of one half (the second half starts with the Metric lines);
  // the worker is started before the clock, as a split ingest would keep one waiting.
  split: `const { Worker } = await import('node:worker_threads');
const { ingestFiles } = await import(process.argv[1]);
const half = (n) => process.argv[2] + '.half' + n;
const worker = new Worker(\`const { parentPort } = await import('node:worker_threads');
const { ingestFiles } = await import(\${JSON.stringify(process.argv[1])});
parentPort.once('message', async () => {
  const doc = await ingestFiles([\${JSON.stringify(half(2))}], { builderThread: 'never' });
  parentPort.postMessage(Object.keys(doc.scopes).length);
});
parentPort.postMessage('ready');\`, { eval: true, type: 'module' });
await new Promise((resolve) => worker.once('message', resolve));
const t0 = performance.now();
const other = new Promise((resolve) => worker.once('message', resolve));
worker.postMessage('go');
const [doc, scopes] = await Promise.all([ingestFiles([half(1)], { builderThread: 'never' }), other]);
const ms = performance.now() - t0;
await worker.terminate();
if (Object.keys(doc.scopes).length < 50 || scopes < 50) throw new Error('unexpected document');`,
  parse: `const { parseOnly } = await import(process.argv[1]);
const t0 = performance.now();
const points = await parseOnly(process.argv[2], process.argv[2].endsWith('.gz'));
const ms = performance.now() - t0;`,
  naive: `const fs = await import('node:fs');
const readline = await import('node:readline');
const zlib = await import('node:zlib');
const t0 = performance.now();
const file = process.argv[2];
const input = file.endsWith('.gz') ? fs.createReadStream(file).pipe(zlib.createGunzip()) : fs.createReadStream(file);
const counts = new Map();
for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
  if (line === '') continue;
  const o = JSON.parse(line);
  if (o.type === 'Point') counts.set(o.metric, (counts.get(o.metric) ?? 0) + 1);
}
const ms = performance.now() - t0;`,
  // The limit for a line reader: 1 MiB reads as a stream (gunzip's output for .gz), every '\\n' found with
  // Buffer.indexOf. The ratios and targets are against this one (issue 10's "bare newline scan").
  scan: `const fs = await import('node:fs');
const zlib = await import('node:zlib');
const t0 = performance.now();
const file = process.argv[2];
let lines = 0;
const count = (chunk) => {
  for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
};
const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
for await (const chunk of file.endsWith('.gz') ? raw.pipe(zlib.createGunzip({ chunkSize: 256 * 1024 })) : raw) count(chunk);
const ms = performance.now() - t0;
if (lines === 0) throw new Error('no lines');`,
  // The same with synchronous reads into one reused buffer (no stream, no new buffer per chunk): a stricter
  // limit, about twice as fast on plain files; shown for reference.
  scanSync: `const fs = await import('node:fs');
const zlib = await import('node:zlib');
const t0 = performance.now();
const file = process.argv[2];
let lines = 0;
const count = (chunk) => {
  for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
};
if (file.endsWith('.gz')) {
  count(zlib.gunzipSync(fs.readFileSync(file))); // the whole text in memory: its RSS says nothing
} else {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) count(n === buf.length ? buf : buf.subarray(0, n));
  fs.closeSync(fd);
}
const ms = performance.now() - t0;
if (lines === 0) throw new Error('no lines');`,
};

// The ingest as `ours`, with the builder kept in the main thread.
CHILD.oneThread = CHILD.ours.replace('ingestFiles([process.argv[2]])', "ingestFiles([process.argv[2]], { builderThread: 'never' })");

/**
 * The kernel's child: scripts/spike-wasm-ingest read the file (its wasm compiled into `wasm`). Almost every line
 * must be on its fast path, or it measured something else.
 */
function kernelChild(wasm) {
  const driver = pathToFileURL(join(ROOT, 'scripts/spike-wasm-ingest/read-with-kernel.mjs')).href;
  return `const { readWithKernel } = await import(${JSON.stringify(driver)});
const t0 = performance.now();
const read = await readWithKernel(${JSON.stringify(wasm)}, process.argv[2]);
const ms = performance.now() - t0;
if (read.slowLines * 1000 > read.points || read.leaves < 50) throw new Error('the kernel read few points: ' + JSON.stringify(read));`;
}

/** Compiles scripts/spike-wasm-ingest/kernel.ts into `dir` (AssemblyScript, fetched by npx, not a dependency). */
function compileKernel(dir) {
  const wasm = join(dir, 'kernel.wasm');
  const source = join(ROOT, 'scripts/spike-wasm-ingest/kernel.ts');
  execFileSync('npx', ['--yes', '--package=assemblyscript@0.28.20', '--', 'asc', source, '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd', '-o', wasm], { stdio: 'inherit' });
  return wasm;
}

const KINDS = [
  ['ours', 'perf-gate ingest'],
  ['oneThread', 'the same, one thread'],
  ['split', 'two halves at once'],
  ['parse', 'fast path, no builder'],
  ['kernel', 'wasm kernel (spike)'],
  ['naive', 'readline + JSON.parse'],
  ['scan', 'newline scan'],
  ['scanSync', 'newline scan, readSync'],
];

// Peak RSS: VmHWM of the child (Linux). getrusage's maxRSS would start from the parent's RSS at fork.
const REPORT = `const cpuMs = (() => { const u = process.cpuUsage(c0); return (u.user + u.system) / 1000; })();
let maxRssKb = process.resourceUsage().maxRSS;
try {
  const m = /VmHWM:\\s*(\\d+) kB/.exec((await import('node:fs')).readFileSync('/proc/self/status', 'utf8'));
  if (m) maxRssKb = Number(m[1]);
} catch {}
console.log(JSON.stringify({ ms, cpuMs, maxRssKb }));`;

function measure(kind, bundle, file) {
  // The CPU clock starts with the wall clock (process.cpuUsage counts every thread of the process).
  const code = `${CHILD[kind].replace('const t0 = performance.now();', 'const c0 = process.cpuUsage();\nconst t0 = performance.now();')}\n${REPORT}`;
  const flags = kind === 'ours' && CPU_PROF !== undefined ? ['--cpu-prof', '--cpu-prof-dir', resolve(CPU_PROF)] : [];
  const out = execFileSync(process.execPath, [...flags, '--input-type=module', '-e', code, pathToFileURL(bundle).href, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1));
}

function summary(runs) {
  runs.sort((a, b) => a.ms - b.ms);
  return { ...runs[0], cpuMs: Math.min(...runs.map((r) => r.cpuMs)), maxRssKb: Math.max(...runs.map((r) => r.maxRssKb)), all: runs.map((r) => r.ms) };
}

function best(kind, bundle, file) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(measure(kind, bundle, file));
  return summary(runs);
}

/** This checkout's ingest and the other's, run by turns (ABBA…), so that a change in the machine's load touches both alike. */
function bestByTurns(bundle, before, file) {
  const ours = [];
  const theirs = [];
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      ours.push(measure('ours', bundle, file));
      theirs.push(measure('ours', before, file));
    } else {
      theirs.push(measure('ours', before, file));
      ours.push(measure('ours', bundle, file));
    }
  }
  return { ours: summary(ours), before: summary(theirs) };
}

/**
 * Bundles the ingest of the checkout at `root` into `outDir` as scripts/build.mjs bundles dist/: the same
 * `require` banner (without it hdr-histogram-js falls back from zlib to pako, a slower deflate than the
 * CLI's), and the builder thread's script beside the bundle, as dist/ingest-worker.js is beside dist/cli.js.
 */
async function bundleOf(root, outDir) {
  const esbuild = await import('esbuild');
  const banner = { js: REQUIRE_BANNER };
  const bundle = join(outDir, 'ingest.mjs');
  for (const [entry, outfile] of [['scripts/bench-ingest-entry.ts', bundle], ['src/ingest/ingest-worker.ts', join(outDir, 'ingest-worker.js')]]) {
    if (!existsSync(join(root, entry))) continue; // a checkout from before the builder thread
    await esbuild.build({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, banner, logLevel: 'warning' });
  }
  return bundle;
}

const mb = (bytes) => bytes / 1e6;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-bench-'));
  try {
    console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    const bundle = await bundleOf(ROOT, join(dir, 'now'));
    const before = BEFORE === undefined ? undefined : await bundleOf(resolve(BEFORE), join(dir, 'before'));
    if (WASM_KERNEL) CHILD.kernel = kernelChild(compileKernel(dir));

    const inputs = [];
    for (const shape of SHAPE === 'both' ? Object.keys(SHAPES) : [SHAPE]) {
      const plain = join(dir, `${shape}.ndjson`);
      let t = performance.now();
      const big = generate(plain, SIZE, SHAPES[shape]);
      console.log(`generated ${plain}: ${mb(big.bytes).toFixed(0)} MB, ${big.points.toLocaleString('en')} points in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      splitInHalves(plain);
      inputs.push({ shape, label: 'plain', file: plain, info: big });
      if (GZ_SIZE === 0) continue;
      const gzPlain = join(dir, `${shape}-gz.ndjson`);
      const gz = join(dir, `${shape}.ndjson.gz`);
      t = performance.now();
      const small = generate(gzPlain, GZ_SIZE, SHAPES[shape]);
      await pipeline(createReadStream(gzPlain), createGzip({ level: 6 }), createWriteStream(gz));
      rmSync(gzPlain);
      console.log(`generated ${gz}: ${mb(small.bytes).toFixed(0)} MB of NDJSON in ${mb(statSync(gz).size).toFixed(0)} MB of gzip, ${small.points.toLocaleString('en')} points in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      inputs.push({ shape, label: 'gzip', file: gz, info: small });
    }

    const rows = [];
    const summaries = [];
    for (const { shape, label, file, info } of inputs) {
      const results = {};
      const kinds = before === undefined ? KINDS : [KINDS[0], ['before', `perf-gate ingest, ${BEFORE}`], ...KINDS.slice(1)];
      if (before !== undefined) Object.assign(results, bestByTurns(bundle, before, file));
      // A gzip stream cannot be split; the kernel runs when asked for, on plain files only.
      const runsHere = (kind) => (kind === 'kernel' ? WASM_KERNEL && label === 'plain' : kind !== 'split' || label === 'plain');
      const here = kinds.filter(([kind]) => runsHere(kind));
      for (const [kind] of here) if (!(kind in results)) results[kind] = best(kind, bundle, file);
      for (const [kind, name] of here) {
        const r = results[kind];
        const s = r.ms / 1000;
        rows.push({ label: `${shape} ${label} ${mb(info.bytes).toFixed(0)} MB`, name, s, cpu: r.cpuMs / 1000, mbs: mb(info.bytes) / s, pps: info.points / s, rss: r.maxRssKb / 1024, naive: results.naive.ms / r.ms, scan: results.scan.ms / r.ms, all: r.all });
      }
      summaries.push({ shape, label, row: rows.at(-here.length) });
    }
    console.log('');
    const cores = cpus().length;
    console.log(`${pad('input (NDJSON MB)', 26)}${pad('reader', 24)}${lpad('time', 8)}${lpad('CPU', 8)}${lpad(`CPU/${cores}`, 8)}${lpad('MB/s', 8)}${lpad('points/s', 12)}${lpad('peak RSS', 10)}${lpad('vs naive', 10)}${lpad('vs scan', 9)}   runs (s)`);
    for (const r of rows) {
      console.log(`${pad(r.label, 26)}${pad(r.name, 24)}${lpad(`${r.s.toFixed(2)} s`, 8)}${lpad(`${r.cpu.toFixed(2)} s`, 8)}${lpad(`${(r.cpu / cores).toFixed(2)} s`, 8)}${lpad(r.mbs.toFixed(0), 8)}${lpad(`${(r.pps / 1e6).toFixed(2)} M`, 12)}${lpad(`${r.rss.toFixed(0)} MB`, 10)}${lpad(`${r.naive.toFixed(1)}×`, 10)}${lpad(`${(100 * r.scan).toFixed(0)} %`, 9)}   ${r.all.map((ms) => (ms / 1000).toFixed(2)).join(' ')}`);
    }
    console.log('');
    const verdict = (ok) => (ok ? 'met' : 'MISSED');
    for (const { shape, label, row } of summaries) {
      console.log(
        `targets, ${shape} ${label} (perf-gate ingest): ≥ 6× naive: ${row.naive.toFixed(1)}× ${verdict(row.naive >= 6)}; ` +
          `≥ 50 % of the scan: ${(100 * row.scan).toFixed(0)} % ${verdict(row.scan >= 0.5)}; ≤ 150 MB peak RSS: ${row.rss.toFixed(0)} MB ${verdict(row.rss <= 150)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
