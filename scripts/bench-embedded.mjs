// Overhead of the embedded load engine (run with `node scripts/bench-embedded.mjs`).
//
// Starts a trivial HTTP server in its own process, then drives it in turn with autocannon's own CLI
// (`npx autocannon -c 50 -d 5 http://127.0.0.1:PORT/`) and with perf-gate's embedded engine (same 50
// connections, 5 s, one request), each in a fresh process, and prints the requests per second of each —
// the difference is what recording every request as k6 points costs. When `taskset` exists, the server
// gets CPU 0 and the load generator CPU 1, so each load generator has exactly one core.
//
// Options: --connections 50, --duration 5 (seconds), --runs 2 (alternating; the best of each is printed)
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const CONNECTIONS = option('connections', 50);
const DURATION = option('duration', 5);
const RUNS = option('runs', 2);

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

const SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('ok'); });
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

function startServer() {
  const [cmd, args] = pinned(0, process.execPath, ['-e', SERVER]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout.once('data', (d) => resolve({ child, port: Number(String(d).trim()) }));
  });
}

function run(cmd, args) {
  const [c, a] = pinned(1, cmd, args);
  return new Promise((resolve, reject) => {
    const child = spawn(c, a, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

async function autocannonCli(port) {
  const out = await run('npx', ['--no-install', 'autocannon', '-c', String(CONNECTIONS), '-d', String(DURATION), '--json', `http://127.0.0.1:${port}/`]);
  const result = JSON.parse(out);
  return { rps: result.requests.total / result.duration, total: result.requests.total, p95: result.latency.p97_5 };
}

/** The engine bundled once (esbuild, dependencies left to node_modules), so the child needs no TypeScript loader. */
async function bundleEngine() {
  const dir = join(ROOT, 'node_modules', '.cache', 'perf-gate-bench');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'embedded.mjs');
  const esbuild = await import('esbuild');
  await esbuild.build({
    stdin: {
      contents: "export { runEmbedded } from './src/engine/embedded/run-embedded.ts'; export { WorkloadSchema } from './src/config/workload.ts';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return { outfile, dir };
}

async function embedded(port, bundle) {
  const script = `
const { runEmbedded, WorkloadSchema } = await import(process.argv[1]);
const workload = WorkloadSchema.parse({ baseUrl: 'http://127.0.0.1:${port}', requests: [{ path: '/' }], connections: ${CONNECTIONS}, duration: ${DURATION} });
const doc = await runEmbedded(workload, { stage: 'bench', log: { info: () => {} } });
const count = doc.scopes['http_reqs'].counter.count;
console.log(JSON.stringify({ count, seconds: ${DURATION}, version: doc.meta.toolVersion }));
`;
  const out = JSON.parse(await run(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(bundle.outfile).href]));
  return { rps: out.count / out.seconds, total: out.count, version: out.version };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');

const bundle = await bundleEngine();
const { child, port } = await startServer();
try {
  const cli = [];
  const ours = [];
  for (let i = 0; i < RUNS; i++) {
    cli.push(await autocannonCli(port));
    ours.push(await embedded(port, bundle));
  }
  const bestCli = Math.max(...cli.map((r) => r.rps));
  const bestOurs = Math.max(...ours.map((r) => r.rps));
  console.log(`node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), ${hasTaskset ? 'server on CPU 0, load generator on CPU 1' : 'not pinned (no taskset)'}`);
  console.log(`${CONNECTIONS} connections, ${DURATION} s, GET / answering 'ok'; best of ${RUNS} alternating runs`);
  console.log(`autocannon CLI (${ours[0].version}):  ${fmt(bestCli)} req/s   [runs: ${cli.map((r) => fmt(r.rps)).join(', ')}]`);
  console.log(`perf-gate embedded engine:  ${fmt(bestOurs)} req/s   [runs: ${ours.map((r) => fmt(r.rps)).join(', ')}]`);
  console.log(`embedded / CLI: ${((bestOurs / bestCli) * 100).toFixed(0)} %`);
} finally {
  child.kill();
  rmSync(bundle.dir, { recursive: true, force: true });
}
