// Benchmark of `perf-gate compare` on runs with thousands of distinct endpoint names (run with
// `node scripts/bench-cardinality.mjs`).
//
// A k6 script without `name` tags gets one endpoint per URL. This script writes, from the recorded smoke
// runs (test/fixtures/k6/smoke-baseline and smoke-aa, repeated 3 times one after the other so there are
// about 6 400 requests), a baseline and a current NDJSON in three variants:
//   - plain: the recorded names (11 endpoints), the no-cardinality reference;
//   - ids: every request's `name` and `url` rewritten to http://127.0.0.1:8080/api/alerts/<id>, 5 000 ids;
//   - words: the same with /api/search/<letters>, names that cannot be templated (the maxScopes cap).
// Each variant is compared by the CLI bundled from src/ (what `npm run build` puts in dist/cli.js), in a
// child process under /usr/bin/time -v (wall time and peak RSS), best of --runs (default 3). A second child
// runs the same steps through the library and times each (ingest baseline, ingest current, compare,
// render) to show where the time goes. Temporary files are deleted at the end.
//
// Options: --ids 5000, --repeat 3, --runs 3
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { REQUIRE_BANNER } from './require-banner.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const IDS = option('ids', 5000);
const REPEAT = option('repeat', 3);
const RUNS = option('runs', 3);

/** `n` in letters only (a, b, …, z, ba, bb, …): a path segment no template rule turns into {id}. */
function letters(n) {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

const NAME = /"name":"((?:[^"\\]|\\.)*)"/;
const URL_TAG = /"url":"((?:[^"\\]|\\.)*)"/;

/**
 * Writes the fixture's run `REPEAT` times, each copy after the previous one, with every HTTP request's
 * name and url given by `rename(requestNumber)` (undefined: as recorded). A request is its lines with the
 * same time and tags (k6 writes http_reqs, http_req_duration, … of one request with identical tags).
 */
function generate(fixture, file, rename) {
  const lines = gunzipSync(readFileSync(join(ROOT, 'test/fixtures/k6', fixture))).toString('utf8').split('\n').filter((l) => l !== '');
  const metrics = lines.filter((l) => l.startsWith('{"type":"Metric"'));
  const points = lines.filter((l) => !l.startsWith('{"type":"Metric"'));
  const timeOf = (l) => {
    const at = l.indexOf('"time":"') + 8;
    return [at, l.slice(at, l.indexOf('"', at))];
  };
  let first = Infinity;
  let last = -Infinity;
  for (const l of points) {
    const ms = Date.parse(timeOf(l)[1]);
    first = Math.min(first, ms);
    last = Math.max(last, ms);
  }
  const shiftMs = Math.ceil((last - first) / 1000) * 1000 + 1000;
  const out = [...metrics];
  let request = 0;
  for (let rep = 0; rep < REPEAT; rep++) {
    const ids = new Map();
    for (const l of points) {
      const [at, time] = timeOf(l);
      // Shift whole seconds: the fraction digits stay as k6 wrote them.
      const shifted = `${new Date(Date.parse(`${time.slice(0, 19)}Z`) + rep * shiftMs).toISOString().slice(0, 19)}${time.slice(19)}`;
      let line = `${l.slice(0, at)}${shifted}${l.slice(at + time.length)}`;
      if (rename && line.startsWith('{"metric":"http_req') && NAME.test(line)) {
        const tags = line.slice(line.indexOf('"tags":'));
        const key = `${time}${tags}`;
        let id = ids.get(key);
        if (id === undefined) ids.set(key, (id = request++));
        const name = rename(id);
        line = line.replace(NAME, `"name":"${name}"`).replace(URL_TAG, `"url":"${name}"`);
      }
      out.push(line);
    }
  }
  writeFileSync(file, `${out.join('\n')}\n`);
  return { bytes: statSync(file).size, requests: request };
}

// A fixed permutation of the ids (7 919 is prime, so it visits every id before repeating).
const idOf = (request) => ((request * 7919) % IDS) + 1;
const VARIANTS = [
  { name: 'plain', what: '11 recorded names', rename: undefined },
  { name: 'ids', what: `${IDS} URLs /api/alerts/<id>`, rename: (r) => `http://127.0.0.1:8080/api/alerts/${idOf(r)}` },
  { name: 'words', what: `${IDS} URLs /api/search/<letters>`, rename: (r) => `http://127.0.0.1:8080/api/search/${letters(idOf(r))}` },
];

/** Wall time (s) and peak RSS (MB) of `node cli compare …` under /usr/bin/time -v. */
function timeCli(cli, baseline, current) {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, 'compare', '--baseline', baseline, '--current', current, '--stage', 'smoke', '--format', 'json', '--fail-on', 'never'], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  if (r.status !== 0) throw new Error(`perf-gate compare exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const s = (Number(wall[1] ?? 0) * 60 + Number(wall[2])) * 60 + Number(wall[3]);
  const report = JSON.parse(r.stdout);
  const stage = report.stages?.[0] ?? {};
  return { s, rssMb: Number(rss[1]) / 1024, scopes: stage.scopes?.length ?? 0, stderr: r.stderr };
}

const PHASES = `const lib = await import(process.argv[1]);
const [baselineFile, currentFile] = process.argv.slice(2);
const t = [performance.now()];
const options = { groupBy: ['name'], window: 'auto' };
const baseline = await lib.ingestFiles([baselineFile], options);
t.push(performance.now());
const current = await lib.ingestFiles([currentFile], { ...options, stage: 'smoke' });
t.push(performance.now());
const stage = lib.compareRuns({ baseline, current, policy: lib.resolvePolicy(lib.parseConfig({}), 'smoke') });
t.push(performance.now());
const text = lib.renderJson(lib.buildReport([stage], new Date()));
t.push(performance.now());
const m = /VmHWM:\\s*(\\d+) kB/.exec((await import('node:fs')).readFileSync('/proc/self/status', 'utf8'));
console.log(JSON.stringify({ ms: t.slice(1).map((x, i) => x - t[i]), rssMb: Number(m[1]) / 1024, scopes: Object.keys(current.scopes).length, bytes: text.length, warnings: current.meta.warnings }));`;

function phases(lib, baseline, current) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', PHASES, pathToFileURL(lib).href, baseline, current], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1));
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-bench-card-'));
  const cleanups = [dir];
  try {
    console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    const esbuild = await import('esbuild');
    // The bundles go in a temporary folder inside the project, so that their require() and import.meta.url
    // resolve packages from node_modules as dist/cli.js's do.
    const banner = { js: REQUIRE_BANNER };
    const code = mkdtempSync(join(ROOT, '.bench-cardinality-'));
    cleanups.push(code);
    const cli = join(code, 'cli.mjs');
    await esbuild.build({ entryPoints: [join(ROOT, 'src/cli/index.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: cli, banner, logLevel: 'warning' });
    const lib = join(code, 'lib.mjs');
    await esbuild.build({
      stdin: {
        contents: [
          "export { ingestFiles } from './src/ingest/index.ts';",
          "export { compareRuns } from './src/gate/compare.ts';",
          "export { buildReport } from './src/gate/report.ts';",
          "export { parseConfig } from './src/config/schema.ts';",
          "export { resolvePolicy } from './src/config/policy.ts';",
          "export { renderJson } from './src/report/index.ts';",
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: lib, banner, logLevel: 'warning',
    });

    const rows = [];
    for (const v of VARIANTS) {
      const baseline = join(dir, `${v.name}-baseline.ndjson`);
      const current = join(dir, `${v.name}-current.ndjson`);
      const b = generate('smoke-baseline.ndjson.gz', baseline, v.rename);
      generate('smoke-aa.ndjson.gz', current, v.rename);
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(timeCli(cli, baseline, current));
      runs.sort((x, y) => x.s - y.s);
      const p = phases(lib, baseline, current);
      rows.push({ v, mb: b.bytes / 1e6, best: runs[0], rssMb: Math.max(...runs.map((r) => r.rssMb)), all: runs.map((r) => r.s), p });
    }
    const plain = rows[0];
    console.log(`${pad('variant', 36)}${lpad('input', 9)}${lpad('compare', 10)}${lpad('× plain', 9)}${lpad('peak RSS', 10)}${lpad('× plain', 9)}${lpad('scopes', 8)}   runs (s)`);
    for (const r of rows) {
      console.log(
        `${pad(`${r.v.name}: ${r.v.what}`, 36)}${lpad(`${r.mb.toFixed(1)} MB`, 9)}${lpad(`${r.best.s.toFixed(2)} s`, 10)}${lpad(`${(r.best.s / plain.best.s).toFixed(2)}×`, 9)}` +
          `${lpad(`${r.rssMb.toFixed(0)} MB`, 10)}${lpad(`${(r.rssMb / plain.rssMb).toFixed(2)}×`, 9)}${lpad(r.p.scopes, 8)}   ${r.all.map((s) => s.toFixed(2)).join(' ')}`,
      );
    }
    console.log('\nwhere the time goes (library, one run each; ms):');
    console.log(`${pad('variant', 10)}${lpad('ingest baseline', 17)}${lpad('ingest current', 16)}${lpad('compare', 10)}${lpad('render', 9)}${lpad('peak RSS', 10)}${lpad('report', 11)}`);
    for (const r of rows) {
      const [ib, ic, c, render] = r.p.ms;
      console.log(`${pad(r.v.name, 10)}${lpad(ib.toFixed(0), 17)}${lpad(ic.toFixed(0), 16)}${lpad(c.toFixed(0), 10)}${lpad(render.toFixed(0), 9)}${lpad(`${r.p.rssMb.toFixed(0)} MB`, 10)}${lpad(`${(r.p.bytes / 1e3).toFixed(0)} kB`, 11)}`);
    }
    console.log('\nwarnings of the current runs:');
    for (const r of rows) for (const w of r.p.warnings) console.log(`  ${r.v.name}: ${w}`);
    const worst = rows.slice(1).reduce((a, b) => (b.best.s > a.best.s ? b : a));
    const fattest = rows.slice(1).reduce((a, b) => (b.rssMb > a.rssMb ? b : a));
    console.log(`\ntargets (${IDS} distinct URLs): ≤ 5 s: ${worst.best.s.toFixed(2)} s (${worst.v.name}) ${worst.best.s <= 5 ? 'met' : 'MISSED'}; ≤ 300 MB peak RSS: ${fattest.rssMb.toFixed(0)} MB (${fattest.v.name}) ${fattest.rssMb <= 300 ? 'met' : 'MISSED'}`);
  } finally {
    for (const d of cleanups) rmSync(d, { recursive: true, force: true });
  }
}

await main();
