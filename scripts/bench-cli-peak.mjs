// Benchmark of the whole CLI's memory for a live stage (run with `npm run bench:cli-peak`): `perf-gate run`
// (dist/cli.js, as users start it) loads the example API at its top rate with the smoke stage of
// examples/k6/isectech.js (3 VUs, no think time) and the real k6 of PERF_GATE_TEST_K6 (its first) or --k6,
// reads k6 live, compares the run with a baseline and writes the reports. bench:live measures the stage up
// to its run document; this measures the process to its exit: the build, the comparison and the reports too.
//
// The CLI's VmRSS is polled every 10 ms from here and read against its output lines, so each arm prints
// the RSS so far when the CLI logs k6's exit (the live document is built as k6 closes its output), when it
// logs the stage's verdict (the comparison done), and the peak (the reports written). Issue 10 §2's target
// for a 10-minute live stage is ≤ 150 MB.
//
// Options: --duration 2m (the compared stage, a k6 duration), --baseline FILE (a run document to compare
//          with; default: a baseline run of --baseline-duration 2m first), --k6 <path> (a file named k6:
//          its folder is put first on the CLI's PATH), --arms 'default;--max-semi-space-size=2' (each the
//          CLI's NODE_OPTIONS, 'default' for none; run by turns), --runs 1 (rounds of the arms).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { startExampleApi } from './example-api.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const k6 = option('k6', (process.env.PERF_GATE_TEST_K6 ?? '').split(':').find((p) => p !== ''));
if (!k6 || basename(k6) !== 'k6') {
  console.error('bench:cli-peak needs a real k6 in a file named k6 (the CLI finds it on PATH): set PERF_GATE_TEST_K6=/path/to/k6 (the first of a : list is used) or pass --k6 /path/to/k6');
  process.exit(2);
}
const duration = option('duration', '2m');
const baselineDuration = option('baseline-duration', '2m');
const arms = option('arms', 'default').split(';').map((a) => a.trim()).filter((a) => a !== '');
const runs = Number(option('runs', '1'));
if (!(Number.isInteger(runs) && runs >= 1)) throw new Error(`bench-cli-peak: --runs must be a whole number ≥ 1 but got ${option('runs')}`);

const rssMiB = (pid) => {
  try {
    const m = /VmRSS:\s*(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined; // the process has just ended
  }
};

/** One `perf-gate run` to its exit: its status, the RSS so far at the marks, the peak, k6's request rate. */
async function cliRun(api, out, stageDuration, nodeOptions, baseline) {
  const env = {
    PATH: `${dirname(k6)}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? tmpdir(),
    K6_NO_USAGE_REPORT: 'true',
    NO_COLOR: '1',
    DURATION: stageDuration,
    THINK: '0',
    WS_EVERY: '10',
    EXPORT_EVERY: '5',
    ...(nodeOptions !== 'default' ? { NODE_OPTIONS: nodeOptions } : {}),
  };
  const args = [join(ROOT, 'dist/cli.js'), 'run', '--engine', 'k6', '--script', join(ROOT, 'examples/k6/isectech.js'), '--stage', 'smoke', '--target-url', api.url, '-o', out, '--fail-on', 'never', ...(baseline ? ['--baseline', baseline] : [])];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let peak = 0;
  const marks = {};
  let rate;
  let text = '';
  const onOutput = (b) => {
    text += String(b);
    const lines = text.split('\n');
    text = lines.pop() ?? '';
    for (const line of lines) {
      if (marks.exit === undefined && /stage smoke: k6 exited/.test(line)) marks.exit = peak;
      if (marks.verdict === undefined && /stage smoke: (pass|fail|warn|inconclusive)/.test(line)) marks.verdict = peak;
      const r = /http_reqs\.*: \d+\s+([\d.]+)\/s/.exec(line);
      if (r) rate = Number(r[1]);
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const poll = setInterval(() => {
    const v = rssMiB(child.pid);
    if (v !== undefined && v > peak) peak = v;
  }, 10);
  const code = await new Promise((resolve) => child.once('close', resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`perf-gate run exited with ${code} (--fail-on never: only an error does that); its output folder: ${out}`);
  return { peak, marks, rate };
}

const fmt = (x) => (x === undefined ? '–' : x.toFixed(0));

console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; k6 ${k6}`);
const work = mkdtempSync(join(tmpdir(), 'perf-gate-bench-cli-peak-'));
const api = await startExampleApi('0');
try {
  let baseline = option('baseline', undefined);
  if (!baseline) {
    const out = join(work, 'baseline');
    const b = await cliRun(api, out, baselineDuration, 'default', undefined);
    baseline = join(out, 'smoke.run.json');
    console.log(`baseline: a ${baselineDuration} run at ${fmt(b.rate)} req/s (peak ${fmt(b.peak)} MiB)`);
  }
  console.log(`\n${duration} live smoke stage compared with ${baseline}; RSS in MiB, so far at each mark`);
  console.log('| CLI NODE_OPTIONS | req/s | when k6 exit is logged | at the verdict | peak |');
  console.log('|---|---|---|---|---|');
  for (let round = 0; round < runs; round++) {
    for (const arm of arms) {
      const out = join(work, `run-${round}-${arms.indexOf(arm)}`);
      const r = await cliRun(api, out, duration, arm, baseline);
      console.log(`| ${arm} | ${fmt(r.rate)} | ${fmt(r.marks.exit)} | ${fmt(r.marks.verdict)} | ${fmt(r.peak)} |`);
      rmSync(out, { recursive: true, force: true });
    }
  }
} finally {
  api.stop();
  rmSync(work, { recursive: true, force: true });
}
