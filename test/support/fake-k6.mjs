#!/usr/bin/env node
// A STAND-IN FOR k6 — THIS IS NOT k6.
//
// k6 cannot be installed where perf-gate's tests run, so the tests start this program in k6's place. It
// runs no script and sends no request: it replays what a real k6 (v0.49.0, linux/amd64) wrote in a
// recorded run, test/fixtures/k6/<name>.* — the NDJSON of `--out json`, stdout, stderr, the
// `--summary-export` file and the exit code — writing the NDJSON gradually, so that a caller can follow
// the file while it grows, as it would follow a real k6.
//
// Commands
//   version, --version    `k6 v0.49.0 (stand-in replaying recorded k6 output, not k6; <os>/<arch>)`
//   inspect [flags] <s>   prints options JSON whose thresholds are those of the recorded --summary-export
//                         (or FAKE_K6_INSPECT_THRESHOLDS, JSON; FAKE_K6_INSPECT_EXIT=1 fails it)
//   run [flags] <script>  the replay. Reads --out json=<file> (also --out=json=…, -o), --summary-export[=]<file>
//                         and -e/--env NAME=value; the script is the last argument and is not read.
//
// Environment
//   FAKE_K6_REPLAY=<name or path>  the recorded run: a name in test/fixtures/k6 (smoke-baseline), or a path
//                                  without the suffixes (/tmp/x/run for /tmp/x/run.ndjson.gz, …)
//   FAKE_K6_DURATION_MS            time over which the NDJSON is written (default 1500)
//   FAKE_K6_EXIT=<code>            exit with this code instead of the recorded one (alone: exit at once,
//                                  writing no output, like k6 failing before its outputs start)
//   FAKE_K6_STDERR=<text>          print this on stderr instead of the recorded stderr
//   FAKE_K6_VERSION=<x.y.z>        the version `version` reports (default 0.49.0)
//   FAKE_K6_RECORD=<file>          write what it was asked ({ argv, env: { PERF_GATE_STAGE, BASE_URL }, vars,
//                                  out, summaryExport, script, cwd }), its whole environment (`environment`,
//                                  what a script would see as __ENV besides the -e vars) and its `pid` there
//                                  as JSON, at start
//   FAKE_K6_IGNORE_SIGINT=1        ignore SIGINT and SIGTERM (a hung k6), to test the SIGKILL fallback
//
// Signals, as k6 handles them (internal/cmd/run.go, handleTestAbortSignals): the first SIGINT or SIGTERM
// stops the test gracefully — it stops writing at a line boundary, keeps what it wrote, logs
// `level=error msg="test run was aborted because k6 received a 'interrupt' signal"` and exits 105
// (ExternalAbort); a second signal exits 105 at once. Unlike k6 it writes no `--summary-export` then (it
// has no aggregates of the part that ran). A recorded exit code of 128 + n (`aborted`: 137, SIGKILL) ends
// the replay with the stand-in killing itself with signal n, as the recorded k6 was killed.
import { Buffer } from 'node:buffer';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants, createGunzip } from 'node:zlib';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/k6');
const env = process.env;
const argv = process.argv.slice(2);

function fail(message) {
  process.stderr.write(`time="${logTime()}" level=error msg=${JSON.stringify(`stand-in k6: ${message}`)}\n`);
  process.exit(255);
}

function logTime() {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

const command = argv[0];
if (command === 'version' || command === '--version') {
  process.stdout.write(`k6 v${env.FAKE_K6_VERSION ?? '0.49.0'} (stand-in replaying recorded k6 output, not k6; ${process.platform}/${process.arch})\n`);
  process.exit(0);
}
if (command === 'inspect') {
  // Runs no script: the options hold the thresholds the recorded run's --summary-export lists (k6 keys
  // them by expression), or FAKE_K6_INSPECT_THRESHOLDS (JSON), as `k6 inspect` prints a script's options.
  const inspected = env.FAKE_K6_REPLAY ? (env.FAKE_K6_REPLAY.includes('/') ? path.resolve(env.FAKE_K6_REPLAY) : path.join(FIXTURES, env.FAKE_K6_REPLAY)) : undefined;
  let thresholds = {};
  if (env.FAKE_K6_INSPECT_THRESHOLDS !== undefined) thresholds = JSON.parse(env.FAKE_K6_INSPECT_THRESHOLDS);
  else if (inspected !== undefined && existsSync(`${inspected}.summary-export.json`)) {
    const metrics = JSON.parse(readFileSync(`${inspected}.summary-export.json`, 'utf8')).metrics ?? {};
    for (const [name, m] of Object.entries(metrics)) if (m.thresholds) thresholds[name] = Object.keys(m.thresholds);
  }
  if (env.FAKE_K6_INSPECT_EXIT !== undefined) fail('inspect failed (FAKE_K6_INSPECT_EXIT)');
  process.stdout.write(`${JSON.stringify({ paused: null, vus: null, thresholds }, null, '  ')}\n`);
  process.exit(0);
}
if (command !== 'run') fail(`unknown command ${JSON.stringify(command ?? '')}: this stand-in knows only 'version', 'inspect' and 'run'`);

// The command line of `run`.
let out;
let summaryExport;
const vars = {};
const setOut = (spec) => {
  if (spec !== undefined && spec.startsWith('json=')) out = spec.slice('json='.length);
};
const addVar = (pair) => {
  const eq = (pair ?? '').indexOf('=');
  if (eq > 0) vars[pair.slice(0, eq)] = pair.slice(eq + 1);
};
for (let i = 1; i < argv.length - 1; i++) {
  const a = argv[i];
  if (a === '--out' || a === '-o') setOut(argv[++i]);
  else if (a.startsWith('--out=')) setOut(a.slice('--out='.length));
  else if (a === '--summary-export') summaryExport = argv[++i];
  else if (a.startsWith('--summary-export=')) summaryExport = a.slice('--summary-export='.length);
  else if (a === '-e' || a === '--env') addVar(argv[++i]);
  else if (a.startsWith('--env=')) addVar(a.slice('--env='.length));
}
const script = argv.length > 1 ? argv[argv.length - 1] : undefined;
if (script === undefined) fail('k6 run needs a script');

if (env.FAKE_K6_RECORD) {
  writeFileSync(
    env.FAKE_K6_RECORD,
    JSON.stringify({
      argv,
      env: { PERF_GATE_STAGE: env.PERF_GATE_STAGE ?? null, BASE_URL: env.BASE_URL ?? null },
      vars,
      out: out ?? null,
      summaryExport: summaryExport ?? null,
      script,
      cwd: process.cwd(),
      environment: { ...env },
      pid: process.pid,
    }, null, 1),
  );
}

// The recorded run.
const replay = env.FAKE_K6_REPLAY;
const base = replay ? (replay.includes('/') || replay.includes(path.sep) ? path.resolve(replay) : path.join(FIXTURES, replay)) : undefined;
const recorded = (suffix) => (base !== undefined && existsSync(base + suffix) ? readFileSync(base + suffix) : undefined);
const exitCode = env.FAKE_K6_EXIT !== undefined ? Number(env.FAKE_K6_EXIT) : Number(recorded('.exitcode')?.toString().trim() ?? '0');
if (!Number.isInteger(exitCode) || exitCode < 0 || exitCode > 255) fail(`FAKE_K6_EXIT must be an exit code 0–255 but is ${JSON.stringify(env.FAKE_K6_EXIT)}`);
const stderrText = env.FAKE_K6_STDERR !== undefined ? `${env.FAKE_K6_STDERR.replace(/\n$/, '')}\n` : recorded('.stderr.txt')?.toString() ?? '';
const stdoutText = recorded('.stdout.txt')?.toString() ?? '';

/** Prints the recorded stdout and stderr and exits like the recorded k6 (killing itself for 128 + n). */
function finish() {
  process.stdout.write(stdoutText);
  process.stderr.write(stderrText);
  const signal = exitCode > 128 ? Object.keys(osConstants.signals).find((name) => osConstants.signals[name] === exitCode - 128) : undefined;
  if (signal !== undefined) {
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.kill(process.pid, signal);
    return;
  }
  process.exit(exitCode);
}

if (base === undefined) {
  if (env.FAKE_K6_EXIT === undefined) fail('set FAKE_K6_REPLAY=<recorded run> (or FAKE_K6_EXIT=<code>) to tell the stand-in what to replay');
  finish();
} else {
  const gz = recorded('.ndjson.gz');
  if (gz === undefined) fail(`no recorded run at ${base}.ndjson.gz`);
  const durationMs = Number(env.FAKE_K6_DURATION_MS ?? '1500');
  if (!(durationMs >= 0)) fail(`FAKE_K6_DURATION_MS must be a number of milliseconds but is ${JSON.stringify(env.FAKE_K6_DURATION_MS)}`);
  // 'w+' is O_RDWR|O_CREAT|O_TRUNC, what k6's os.Create opens its output with (a FIFO then never blocks the open).
  const fd = out !== undefined ? openSync(out, 'w+') : undefined;
  let stopped = false;
  let carry = Buffer.alloc(0);
  // Z_SYNC_FLUSH: a truncated recording (k6 killed mid-write) inflates up to its break without an error.
  const gunzip = createGunzip({ finishFlush: zlibConstants.Z_SYNC_FLUSH });
  gunzip.on('data', (chunk) => {
    if (stopped || fd === undefined) return;
    const all = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const nl = all.lastIndexOf(10);
    if (nl < 0) {
      carry = Buffer.from(all);
      return;
    }
    writeSync(fd, all, 0, nl + 1);
    carry = Buffer.from(all.subarray(nl + 1));
  });
  gunzip.on('end', () => {
    if (stopped) return;
    // A cut-off last line stays cut off: the recorded k6 was killed while writing it.
    if (fd !== undefined && carry.length > 0) writeSync(fd, carry);
    if (fd !== undefined) closeSync(fd);
    const summary = recorded('.summary-export.json');
    if (summaryExport !== undefined && summary !== undefined) writeFileSync(summaryExport, summary);
    finish();
  });
  gunzip.on('error', (err) => {
    if (!stopped) fail(`cannot inflate ${base}.ndjson.gz: ${err.message}`);
  });

  // Feed the compressed bytes in proportion to the time elapsed, so the output grows steadily.
  const start = Date.now();
  let fed = 0;
  const timer = setInterval(() => {
    const target = durationMs === 0 ? gz.length : Math.min(gz.length, Math.ceil((gz.length * (Date.now() - start)) / durationMs));
    if (target > fed) {
      gunzip.write(gz.subarray(fed, target));
      fed = target;
    }
    if (fed >= gz.length) {
      clearInterval(timer);
      gunzip.end();
    }
  }, 20);

  let signals = 0;
  const onSignal = (signal) => {
    if (env.FAKE_K6_IGNORE_SIGINT === '1') return;
    signals++;
    if (signals > 1) process.exit(105);
    stopped = true;
    clearInterval(timer);
    gunzip.destroy();
    if (fd !== undefined) closeSync(fd);
    const name = signal === 'SIGINT' ? 'interrupt' : 'terminated';
    process.stderr.write(`time="${logTime()}" level=error msg="test run was aborted because k6 received a '${name}' signal"\n`);
    process.exit(105);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
