// `npm run bench:accuracy`: how often perf-gate and the rules users pick instead fail, name an endpoint or
// flag a run, case by case (issue 9's table) and as a function of the true change. docs/accuracy.md has the
// models, the rules and how to read the output.
//
// Options: --trials-scale 1 (0.1 for a quick run), --out bench-results/accuracy, --workers 2,
//          --sweep quiet,noisy (machines of the operating-characteristic sweep: quiet, noisy, quiet,noisy or none),
//          --only id,id (the scenarios of these ids only, e.g. tail-30,under-limit-15),
//          --first-trial 0 (the first trial's number: another value draws other pairs from the same seeds,
//          to check a rate on data the rule was not chosen on)
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { casesTable, gateDetailTable, sweepSvg, sweepTable, tally, type Tally } from './output.js';
import { sweepScenarios, tableScenarios, type MachineName, type Scenario } from './scenarios.js';
import { HISTORY_RUNS, runTrial, type TrialResult } from './trial.js';

interface Options {
  readonly scale: number;
  readonly out: string;
  readonly workers: number;
  readonly sweep: readonly MachineName[];
  readonly only?: readonly string[];
  readonly firstTrial: number;
}

interface Job {
  readonly scenario: number;
  readonly from: number;
  readonly to: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = Number(value('trials-scale') ?? 1);
  if (!(scale > 0)) throw new Error(`--trials-scale must be a positive number, got ${value('trials-scale')}`);
  const workers = Number(value('workers') ?? 2);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a whole number ≥ 1, got ${value('workers')}`);
  const sweepText = value('sweep') ?? 'quiet,noisy';
  const sweep = sweepText === 'none' ? [] : sweepText.split(',');
  for (const m of sweep) if (m !== 'quiet' && m !== 'noisy') throw new Error(`--sweep takes quiet, noisy or none, got ${m}`);
  const firstTrial = Number(value('first-trial') ?? 0);
  if (!Number.isInteger(firstTrial) || firstTrial < 0) throw new Error(`--first-trial must be a whole number ≥ 0, got ${value('first-trial')}`);
  const only = value('only')?.split(',').filter((id) => id !== '');
  const options = { scale, out: resolve(value('out') ?? 'bench-results/accuracy'), workers, sweep: sweep as MachineName[], ...(only ? { only } : {}), firstTrial };
  if (only) {
    const known = new Set(allScenarios(options).map((x) => x.id));
    const unknown = only.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new Error(`--only: no scenario ${unknown.join(', ')}; the ids are ${[...known].join(', ')}`);
  }
  return options;
}

function allScenarios(o: Pick<Options, 'scale' | 'sweep' | 'only'>): Scenario[] {
  const all = [...tableScenarios(o.scale), ...o.sweep.flatMap((m) => sweepScenarios(o.scale, m))];
  return o.only ? all.filter((x) => o.only!.includes(x.id)) : all;
}

function runJob(scenarios: readonly Scenario[], job: Job, firstTrial: number): TrialResult[] {
  const s = scenarios[job.scenario]!;
  const out: TrialResult[] = [];
  for (let i = job.from; i < job.to; i++) out.push(runTrial(s, firstTrial + i));
  return out;
}

if (!isMainThread) {
  const scenarios = allScenarios(workerData as Options);
  parentPort!.on('message', (job: Job | null) => {
    if (job === null) {
      process.exit(0);
    }
    parentPort!.postMessage({ job, results: runJob(scenarios, job, (workerData as Options).firstTrial) });
  });
} else {
  await main(parseOptions(process.argv.slice(2)));
}

async function main(options: Options): Promise<void> {
  const started = performance.now();
  const scenarios = allScenarios(options);
  const jobs: Job[] = [];
  scenarios.forEach((s, index) => {
    for (let from = 0; from < s.trials; from += 10) jobs.push({ scenario: index, from, to: Math.min(s.trials, from + 10) });
  });
  const totalTrials = scenarios.reduce((n, s) => n + s.trials, 0);
  console.error(`bench:accuracy: ${scenarios.length} scenarios, ${totalTrials} trials (each ${HISTORY_RUNS} baseline runs + 1 current), ${options.workers} worker(s)`);
  const results: TrialResult[][] = scenarios.map((s) => new Array<TrialResult>(s.trials));
  let done = 0;
  const record = (job: Job, rs: readonly TrialResult[]): void => {
    rs.forEach((r, k) => (results[job.scenario]![job.from + k] = r));
    done += rs.length;
    if (process.stderr.isTTY) process.stderr.write(`\r${done}/${totalTrials} trials`);
  };

  if (options.workers === 1) {
    for (const job of jobs) record(job, runJob(scenarios, job, options.firstTrial));
  } else {
    await new Promise<void>((resolveAll, reject) => {
      let next = 0;
      let running = 0;
      for (let w = 0; w < options.workers; w++) {
        const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { scale: options.scale, sweep: options.sweep, ...(options.only ? { only: options.only } : {}), firstTrial: options.firstTrial } });
        running++;
        const feed = (): void => worker.postMessage(next < jobs.length ? jobs[next++]! : null);
        worker.on('message', (m: { job: Job; results: TrialResult[] }) => {
          record(m.job, m.results);
          feed();
        });
        worker.on('error', reject);
        worker.on('exit', () => {
          if (--running === 0) resolveAll();
        });
        feed();
      }
    });
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;
  // CPU time of every thread of this process: on a shared machine the wall time says more about the neighbours.
  const cpu = process.cpuUsage();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const tallies = scenarios.map((s, i) => tally(s, results[i]!));
  const table = tallies.filter((t) => t.scenario.trueChange === undefined);
  const sweeps = options.sweep.map((m) => ({ machine: m, tallies: tallies.filter((t) => t.scenario.id.startsWith(`sweep-${m}-`)) }));
  const args = [
    ...(options.scale === 1 ? [] : [`--trials-scale ${options.scale}`]),
    ...(options.workers === 2 ? [] : [`--workers ${options.workers}`]),
    ...(options.sweep.join(',') === 'quiet,noisy' ? [] : [`--sweep ${options.sweep.join(',') || 'none'}`]),
    ...(options.only ? [`--only ${options.only.join(',')}`] : []),
    ...(options.firstTrial === 0 ? [] : [`--first-trial ${options.firstTrial}`]),
  ];
  const command = `npm run bench:accuracy${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
  const machine = `${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${availableParallelism()} available, load average ${loadavg()[0]!.toFixed(2)} at the end, Node ${process.version}`;
  const markdownOut = report(table, sweeps, { seconds, cpuSeconds, command, machine, trials: totalTrials, options });
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, 'accuracy.md'), markdownOut);
  if (sweeps.length > 0) writeFileSync(join(options.out, 'operating-characteristics.svg'), sweepSvg(sweeps.map((s) => ({ title: `${s.machine} machine, smoke stage, n = ${s.tallies[0]?.trials ?? 0} per point`, tallies: s.tallies }))));
  writeFileSync(join(options.out, 'results.json'), JSON.stringify(tallies.map((t) => ({ id: t.scenario.id, label: t.scenario.label, machine: t.scenario.machine, stage: t.scenario.stage, measure: t.scenario.measure, trials: t.trials, hits: t.hits, gate: t.gate })), null, 1) + '\n');
  console.log(casesTable(table));
  console.log(`\nwall time ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s) for ${totalTrials} trials on ${options.workers} worker(s); written to ${options.out}`);
}

function report(table: readonly Tally[], sweeps: readonly { machine: MachineName; tallies: readonly Tally[] }[], run: { seconds: number; cpuSeconds: number; command: string; machine: string; trials: number; options: Options }): string {
  const parts = [
    '# Accuracy of the verdict (bench:accuracy)',
    '',
    `Command: \`${run.command}\` — ${run.trials} trials in ${run.seconds.toFixed(1)} s of wall time (${run.cpuSeconds.toFixed(1)} s of CPU) on ${run.options.workers} worker(s); ${run.machine}.`,
    'Models, rules and how to read this: docs/accuracy.md. Each cell: the rate the case\'s target speaks of, with its 95 % Wilson interval; † marks an interval wider than ±5 points; ✓/✗: whether perf-gate\'s point estimate meets the target.',
    '',
    '## Cases (issue 9)',
    '',
    casesTable(table),
    '',
    '## perf-gate in detail',
    '',
    gateDetailTable(table),
    '',
  ];
  for (const s of sweeps) {
    parts.push(`## Operating characteristic, ${s.machine} machine (fail rate; one endpoint's typical latency × (1 + k·0.02))`, '', sweepTable(s.tallies), '');
  }
  return parts.join('\n');
}
