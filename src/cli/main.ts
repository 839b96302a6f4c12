import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../config/errors.js';
import { MergeError } from '../document/merge-error.js';
import { IncomparableRunsError } from '../gate/same-tool.js';
import { IngestError } from '../ingest/errors.js';
import { LoadFailedError } from '../engine/load-failed.js';
import { ShardSpecError } from '../engine/k6-shard.js';
import { LOAD_ENGINE_NAMES } from '../pipeline/engines.js';
import type { CollectCliOptions } from './collect.js';
import { EXIT } from './exit-codes.js';
import type { HistoryCliOptions } from './history.js';
import type { K8sTestRunCliOptions } from './k8s.js';
import type { MergeCliOptions } from './merge.js';
import { DEFAULT_START_TOLERANCE_S } from '../document/shard-check.js';
import { AbArmError, AbNothingMeasuredError } from '../ab/ab-errors.js';
import type { RunCliOptions } from './run.js';
import { interruptedStatus, STOP_SIGNALS, type StopSignal } from './stop-signals.js';
import { UsageError } from './usage-error.js';
import { DEFAULT_MAX_SCOPES } from '../document/scope-cardinality.js';
import { RENDERERS } from '../report/renderers.js';
import type { FailOn } from '../gate/should-fail.js';
import packageJson from '../../package.json' with { type: 'json' };

export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly color: boolean;
  /**
   * Calls `handler` on the first stop signal (SIGINT, SIGTERM, SIGHUP) while `perf-gate run` runs; returns
   * a function that removes it. Absent (tests in-process): signals keep Node's default.
   */
  readonly onStopSignal?: (handler: (signal: StopSignal) => void) => () => void;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
  onStopSignal: (handler) => {
    let received = false;
    const listener = (signal: StopSignal): void => {
      if (!received) {
        received = true;
        handler(signal);
        return;
      }
      // A second signal: stop at once (k6 is killed on the way out, see runK6).
      process.stderr.write(`perf-gate: ${signal} again: stopping at once, without a report\n`);
      process.exit(interruptedStatus(signal));
    };
    for (const signal of STOP_SIGNALS) process.on(signal, listener);
    return () => {
      for (const signal of STOP_SIGNALS) process.removeListener(signal, listener);
    };
  },
};

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * Runs the CLI and returns its exit status; errors a user can cause become one line and status 2.
 *
 * Each command's module is imported when the command runs, not at start-up: evaluated all at once they
 * (with autocannon) took 13 MB of every perf-gate process, of the 200 MB a merge of 64 shards may use.
 */
export async function run(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const verbose = argv.includes('--verbose');
  let status: number = EXIT.pass;
  const program = new Command('perf-gate')
    .description('Judge k6 load-test results: summarize, ingest, compare against a baseline, merge shards.')
    .version(packageJson.version, '-V, --version', 'print the version')
    .option('--verbose', 'print stack traces of errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  const groupBy = new Option('--group-by <tags>', 'tags that split metrics into scopes, comma-separated').default('name');
  const windowOpt = new Option('--window <seconds|auto>', 'time-window width for the series').default('auto');

  program
    .command('summarize')
    .description("k6's own aggregates per metric and submetric (avg, min, med, max, p(90), p(95), p(99), count, rate, …)")
    .argument('<input...>', 'k6 output: --out json NDJSON (.gz), --out csv, --summary-export or handleSummary JSON, or a run document')
    .option('--json', 'print JSON: { "metrics": { "<metric or submetric>": { … } } }')
    .addOption(groupBy)
    .action(async (inputs: string[], opts: { json?: boolean; groupBy: string }) => {
      status = await (await import('./summarize.js')).summarizeCommand(inputs, opts, io);
    });

  program
    .command('ingest')
    .description('read k6 output (streaming) into a run document')
    .argument('<input...>', 'k6 outputs of one run (several = shards, added up)')
    .requiredOption('-o, --output <file>', 'where to write the run document (JSON)')
    .option('--memory <file>', 'memory samples: CSV (unix_ms|time, rss_bytes, …) or Prometheus text scrapes')
    .option('--stage <name>', 'stage this run belongs to (smoke, load, endurance, …)')
    .option('--label <k=v>', 'label to keep with the run (repeatable)', collect, [])
    .option('--git-sha <sha>', 'commit the run measured')
    .addOption(groupBy)
    .addOption(windowOpt)
    .option('--max-scopes <n>', 'most scopes per grouping tag; the rest become one (other) scope', String(DEFAULT_MAX_SCOPES))
    .action(async (inputs: string[], opts: { output: string; memory?: string; stage?: string; label: string[]; gitSha?: string; groupBy: string; window: string; maxScopes: string }) => {
      status = await (await import('./ingest.js')).ingestCommand(inputs, opts, io);
    });

  program
    .command('compare')
    .description('judge a run against a baseline: exit 0 pass or warn, 1 fail, 2 usage or input error')
    .requiredOption('--baseline <input>', 'baseline: k6 output or run document (repeat for shards)', collect, [])
    .requiredOption('--current <input>', 'current run: k6 output or run document (repeat for shards)', collect, [])
    .option('--baseline-memory <file>', 'memory samples of the baseline run')
    .option('--current-memory <file>', 'memory samples of the current run')
    .option('--config <file>', 'perf-gate.yml (or JSON) with stages, thresholds and limits')
    .option('--stage <name>', 'stage whose policy applies (default: the run document\'s stage, else smoke)')
    .addOption(new Option('--format <format>', 'report format').choices(RENDERERS.map((r) => r.format)).default('text'))
    .option('-o, --output <file>', 'write the report here (the terminal still gets the text verdict)')
    .addOption(new Option('--fail-on <level>', 'lowest outcome that exits 1').choices(['fail', 'warn', 'never']).default('fail'))
    .option('--fail-on-inconclusive', 'exit 1 when the data cannot decide')
    .option('--openmetrics <file>', 'also write the judged run as OpenMetrics text (textfile collector, Pushgateway)')
    .option('--prometheus-remote-write <url>', 'also push the judged run to a remote-write receiver (credentials from PERF_GATE_PROMETHEUS_BEARER_TOKEN or _USERNAME/_PASSWORD)')
    .action(async (opts: CompareCliOptions) => {
      (await import('./prometheus-export.js')).checkPrometheusOptions(opts);
      status = await (await import('./compare.js')).compareCommand(opts, io);
    });

  program
    .command('history')
    .description("shifts in a stage's history on the default branch: where each began and settled, the commits in range — exit 0 none, 1 a shift, 2 unreadable")
    .requiredOption('--stage <name>', 'the stage whose history to read')
    .option('--history <file>', "the history file (the baseline branch's stages/<stage>/history.json)")
    .option('--baseline <file>', "the file store's baseline: its <file>.history.json is read")
    .option('--branch <name>', 'without --history/--baseline: the baseline branch read with git show (origin/<name>, then <name>)', 'perf-gate-baselines')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--alpha <q>', 'false-discovery rate across the series (whole run and each endpoint)', '0.05')
    .option('--min-change <fraction>', 'smallest shift reported (0.05 = 5 %)', '0.05')
    .option('-o, --output <file>', 'write the report here (the terminal gets the text)')
    .action(async (opts: HistoryCliOptions) => {
      status = await (await import('./history.js')).historyCommand(opts, io);
    });

  program
    .command('run')
    .description('run stages (k6 when on PATH, else the embedded engine; JMeter with --plan, Artillery with a YAML --script), compare with a baseline, report')
    .option('--config <file>', 'perf-gate.yml; `workload:` drives the embedded engine and sets the JMeter load shape')
    .option('--stage <names>', 'stages to run, separated by commas or spaces', 'smoke')
    .addOption(new Option('--engine <engine>', 'load engine (auto: jmeter with --plan and no --script, artillery with a .yml/.yaml --script, else the first that can run, in this order)').choices([...LOAD_ENGINE_NAMES, 'auto']).default('auto'))
    .option('--script <file>', 'load script: k6 JavaScript (k6 engine) or Artillery YAML (artillery engine)')
    .option('--plan <file>', 'JMeter test plan, .jmx (jmeter engine; see docs/jmeter.md)')
    .option('--target-url <url>', 'base URL of the service (BASE_URL for k6; overrides workload.baseUrl)')
    .option('--baseline <input>', 'baseline run document or k6 output to compare with')
    .option('--baseline-url <url>', 'A/B mode: base URL of the baseline service, loaded in rounds alternating with --target-url')
    .option('--rounds <n|auto>', 'A/B mode: round pairs (each one baseline and one candidate round); auto = 6', 'auto')
    .option('--round-duration <duration>', 'A/B mode: length of each round (20s, 1m)', '20s')
    .option('--openmetrics <file>', 'also write the judged run as OpenMetrics text (textfile collector, Pushgateway)')
    .option('--prometheus-remote-write <url>', 'also push the judged run to a remote-write receiver (credentials from PERF_GATE_PROMETHEUS_BEARER_TOKEN or _USERNAME/_PASSWORD)')
    .option('--serve <[host:]port>', 'serve a live page of the figures while the load runs (server-sent events at /events); on 127.0.0.1 unless a host is given')
    .option('--max-duration <duration>', "sequential stages: how long a stage may run on past its plan while the answer is still open (overrides the config's sequential.maxDuration; 5m, 90s)")
    .option('--memory-url <url>', 'Prometheus /metrics page of the service, sampled every second')
    .addOption(new Option('--k6-output <how>', "how k6 hands over its measurements: live (a named pipe read while k6 runs, nothing on disk) or file (NDJSON read after k6 exits)").choices(['live', 'file']).default('live'))
    .option('--raw-output <path>', "keep k6's raw NDJSON per stage ({stage} is replaced), gzipped when it ends in .gz")
    .option('--shard <i/N>', "run shard i of N of a distributed k6 test (k6's execution segments; no thresholds, no baseline comparison: merge the shards, then compare)")
    .option('--segment-sequence <seq>', "with --shard: k6's --execution-segment-sequence for unequal shards, e.g. 0,1/4,1/2,1 (default N equal segments)")
    .option('--start-at <iso>', 'with --shard: wait until this time (ISO 8601 with zone, at most 1 h ahead) before starting k6')
    .option('--region <name>', 'with --shard: the region of this shard, tagged on its samples (region=…) and recorded')
    .option('-o, --output <dir>', 'folder for the reports and run documents', 'perf-gate-out')
    .addOption(new Option('--fail-on <level>', 'lowest outcome that exits 1').choices(['fail', 'warn', 'never']).default('fail'))
    .option('--fail-on-inconclusive', 'exit 1 when the data cannot decide')
    .action(async (opts: RunCliOptions) => {
      status = await (await import('./run.js')).runCommand(opts, io);
    });

  program
    .command('merge')
    .description('add up run documents of the shards of one test (exact for counts and histograms)')
    .argument('<run.json...>', 'run documents')
    .requiredOption('-o, --output <file>', 'where to write the merged run document')
    .option('--allow-missing-shards', 'merge the shard documents that are there when some are missing (with a warning, recorded in meta.shards.missing)')
    .option('--start-tolerance <seconds>', 'warn when the shards started further apart than this', String(DEFAULT_START_TOLERANCE_S))
    .action(async (inputs: string[], opts: MergeCliOptions) => {
      status = await (await import('./merge.js')).mergeCommand(inputs, opts, io);
    });

  program
    .command('collect')
    .description('merge what the runners of one distributed run (k6-operator) wrote into a folder, and judge it as compare does: exit 0 pass or warn, 1 fail, 2 usage or input error')
    .argument('<dir>', 'folder of k6 NDJSON shards (.ndjson, .ndjson.gz) and/or run documents (.json)')
    .option('--stage <name>', "stage whose policy applies (default: the shards' stage tag)")
    .option('--config <file>', 'perf-gate.yml (or JSON) with stages, thresholds and limits')
    .option('--baseline <input>', 'baseline: k6 output or run document (repeat for shards); without it only the SLOs are judged', collect, [])
    .option('-o, --output <dir>', 'folder for the collected run document (<stage>.run.json) and the report (report.<ext>)')
    .addOption(new Option('--format <format>', 'report format').choices(RENDERERS.map((r) => r.format)).default('text'))
    .addOption(new Option('--fail-on <level>', 'lowest outcome that exits 1').choices(['fail', 'warn', 'never']).default('fail'))
    .option('--fail-on-inconclusive', 'exit 1 when the data cannot decide')
    .action(async (dir: string, opts: CollectCliOptions) => {
      status = await (await import('./collect.js')).collectCommand(dir, opts, io);
    });

  const k8s = program.command('k8s').description('Kubernetes manifests for distributed load (k6-operator); see docs/distributed.md');
  k8s
    .command('testrun')
    .description('render a k6-operator TestRun (k6.io/v1alpha1) whose runners write NDJSON onto a volume, for `perf-gate collect`')
    .requiredOption('--script <file>', 'the k6 script (put into a ConfigMap with kubectl create configmap)')
    .requiredOption('--parallelism <n>', 'number of k6 runner pods; each runs one execution segment')
    .requiredOption('--stage <name>', 'stage the run belongs to (a k6 tag and PERF_GATE_STAGE)')
    .option('--name <name>', 'TestRun name, a DNS-1123 label (default perf-gate-<stage>)')
    .option('--namespace <ns>', 'namespace of the TestRun')
    .option('--image <image>', 'runner image (default: the operator\'s, grafana/k6:latest)')
    .option('--volume-claim <claim>', 'PersistentVolumeClaim the runners write their NDJSON onto (required)')
    .option('--mount-path <path>', 'where the claim is mounted in the runners', '/results')
    .option('--target-url <url>', 'base URL of the service (BASE_URL for the script)')
    .option('--env <k=v>', 'environment variable for the script (repeatable)', collect, [])
    .option('--gzip', 'runners write .ndjson.gz (about 20 times smaller; collect reads it as well)')
    .option('-o, --output <file>', 'write the manifest here instead of stdout')
    .action(async (opts: K8sTestRunCliOptions) => {
      status = await (await import('./k8s.js')).k8sTestRunCommand(opts, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return err.exitCode === 0 ? EXIT.pass : EXIT.usage;
    }
    if (err instanceof LoadFailedError) {
      // Not a mistake on the command line: the load tool ran and failed, so nothing was judged.
      io.stderr(`perf-gate: stage ${err.stage}: the load test failed, nothing was judged: ${err.message}\n`);
      if (verbose && err.stack) io.stderr(`${err.stack}\n`);
      return EXIT.noResult;
    }
    if (err instanceof AbArmError || err instanceof AbNothingMeasuredError) {
      // A/B mode could not measure one of the services: a verdict on one side's data would be none.
      io.stderr(`perf-gate: A/B mode: ${err.message}; nothing was judged\n`);
      if (verbose && err.stack) io.stderr(`${err.stack}\n`);
      return EXIT.noResult;
    }
    const userError = err instanceof IngestError || err instanceof ConfigError || err instanceof MergeError || err instanceof UsageError || err instanceof IncomparableRunsError || err instanceof ShardSpecError;
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`perf-gate: ${userError ? '' : 'unexpected error: '}${message}\n`);
    if (verbose && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    else if (!userError) io.stderr('(run with --verbose for the stack trace)\n');
    return EXIT.usage;
  }
}

export interface CompareCliOptions {
  baseline: string[];
  current: string[];
  baselineMemory?: string;
  currentMemory?: string;
  config?: string;
  stage?: string;
  /** A renderer's format (see src/report/renderers.ts): text, markdown, json, html. */
  format: string;
  output?: string;
  failOn: FailOn;
  failOnInconclusive?: boolean;
  openmetrics?: string;
  prometheusRemoteWrite?: string;
}
