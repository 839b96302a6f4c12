// Benchmark of the k6 NDJSON ingest (run with `npm run bench:ingest`).
//
// Generates a ≥ 1 GB k6 NDJSON file (the endurance-steady fixture repeated with its times shifted forward,
// so it is one long run), and a smaller gzipped one, then measures, each in a fresh child process so that
// peak RSS is the measurement's own: perf-gate's ingest, the same reader with a builder that only counts,
// and a naive `readline` + `JSON.parse` loop that only counts points per metric. Prints the best of
// `--runs` runs (default 3) and the targets. Temporary files are deleted at the end.
//
// Options: --size-mb 1024 (plain file, MB of 10^6 bytes), --gz-size-mb 256, --runs 3
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync, createReadStream, createWriteStream } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGzip, gunzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/k6/endurance-steady.ndjson.gz');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const SIZE = option('size-mb', 1024) * 1e6;
const GZ_SIZE = option('gz-size-mb', 256) * 1e6;
const RUNS = option('runs', 3);

/** Writes k6 NDJSON of at least `bytes` bytes: Metric lines once, then the points again and again, each time later. */
function generate(file, bytes) {
  const lines = gunzipSync(readFileSync(FIXTURE)).toString('utf8').split('\n').filter((l) => l !== '');
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
  const shiftMs = (last - first) + 1000;
  const fd = openSync(file, 'w');
  let written = 0;
  let pointLines = 0;
  const flush = (parts) => {
    written += writeSync(fd, parts.join(''));
  };
  flush(metrics.map((m) => `${m}\n`));
  for (let rep = 0; written < bytes; rep++) {
    const shifted = new Map();
    let parts = [];
    for (const [head, second, tail] of points) {
      let s = shifted.get(second);
      if (s === undefined) {
        s = new Date(Date.parse(`${second}Z`) + rep * shiftMs).toISOString().slice(0, 19);
        shifted.set(second, s);
      }
      parts.push(head, s, tail, '\n');
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
  return { bytes: written, points: pointLines, lines: pointLines + metrics.length };
}

const CHILD = {
  ours: `const { ingestFiles } = await import(process.argv[1]);
const t0 = performance.now();
const doc = await ingestFiles([process.argv[2]]);
const ms = performance.now() - t0;
if (doc.meta.partial || Object.keys(doc.scopes).length < 50) throw new Error('unexpected document');`,
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
};

// Peak RSS: VmHWM of the child (Linux). getrusage's maxRSS would start from the parent's RSS at fork.
const REPORT = `let maxRssKb = process.resourceUsage().maxRSS;
try {
  const m = /VmHWM:\\s*(\\d+) kB/.exec((await import('node:fs')).readFileSync('/proc/self/status', 'utf8'));
  if (m) maxRssKb = Number(m[1]);
} catch {}
console.log(JSON.stringify({ ms, maxRssKb }));`;

function measure(kind, bundle, file) {
  const code = `${CHILD[kind]}\n${REPORT}`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code, pathToFileURL(bundle).href, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1));
}

function best(kind, bundle, file) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(measure(kind, bundle, file));
  runs.sort((a, b) => a.ms - b.ms);
  return { ...runs[0], maxRssKb: Math.max(...runs.map((r) => r.maxRssKb)), all: runs.map((r) => r.ms) };
}

const mb = (bytes) => bytes / 1e6;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-bench-'));
  try {
    console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    const bundle = join(dir, 'ingest.mjs');
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [join(ROOT, 'scripts/bench-ingest-entry.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'warning' });

    const plain = join(dir, 'bench.ndjson');
    let t = performance.now();
    const big = generate(plain, SIZE);
    console.log(`generated ${plain}: ${mb(big.bytes).toFixed(0)} MB, ${big.points.toLocaleString('en')} points in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const gzPlain = join(dir, 'bench-gz.ndjson');
    const gz = join(dir, 'bench.ndjson.gz');
    t = performance.now();
    const small = generate(gzPlain, GZ_SIZE);
    await pipeline(createReadStream(gzPlain), createGzip({ level: 6 }), createWriteStream(gz));
    rmSync(gzPlain);
    console.log(`generated ${gz}: ${mb(small.bytes).toFixed(0)} MB of NDJSON in ${mb(statSync(gz).size).toFixed(0)} MB of gzip, ${small.points.toLocaleString('en')} points in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const rows = [];
    for (const [label, file, info] of [['plain', plain, big], ['gzip', gz, small]]) {
      const results = { ours: best('ours', bundle, file), parse: best('parse', bundle, file), naive: best('naive', bundle, file) };
      for (const [kind, name] of [['ours', 'perf-gate ingest'], ['parse', 'fast path, no builder'], ['naive', 'readline + JSON.parse']]) {
        const r = results[kind];
        const s = r.ms / 1000;
        rows.push({ label: `${label} ${mb(info.bytes).toFixed(0)} MB`, name, s, mbs: mb(info.bytes) / s, pps: info.points / s, rss: r.maxRssKb / 1024, ratio: results.naive.ms / r.ms, all: r.all });
      }
    }
    console.log('');
    console.log(`${pad('input (NDJSON MB)', 20)}${pad('reader', 24)}${lpad('time', 8)}${lpad('MB/s', 8)}${lpad('points/s', 12)}${lpad('peak RSS', 10)}${lpad('vs naive', 10)}   runs (s)`);
    for (const r of rows) {
      console.log(`${pad(r.label, 20)}${pad(r.name, 24)}${lpad(`${r.s.toFixed(2)} s`, 8)}${lpad(r.mbs.toFixed(0), 8)}${lpad(`${(r.pps / 1e6).toFixed(2)} M`, 12)}${lpad(`${r.rss.toFixed(0)} MB`, 10)}${lpad(`${r.ratio.toFixed(1)}×`, 10)}   ${r.all.map((ms) => (ms / 1000).toFixed(2)).join(' ')}`);
    }
    const ours = rows[0];
    console.log('');
    console.log(`targets (plain ${mb(big.bytes).toFixed(0)} MB): ≥ 300 MB/s: ${ours.mbs.toFixed(0)} MB/s ${ours.mbs >= 300 ? 'met' : 'MISSED'}; ≥ 6× naive: ${ours.ratio.toFixed(1)}× ${ours.ratio >= 6 ? 'met' : 'MISSED'}; ≤ 150 MB peak RSS: ${ours.rss.toFixed(0)} MB ${ours.rss <= 150 ? 'met' : 'MISSED'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
