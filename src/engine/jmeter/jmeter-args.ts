/**
 * The JMeter command line of a stage, pure: `jmeter -n -t <plan> -l <stage>.jtl -j <stage>.jmeter.log`
 * plus `-J` properties — the stage, its load shape, the target URL split into host/port/protocol, the
 * port JMeter listens on for a graceful stop, and the result-file properties that make the JTL a CSV
 * with a header naming the columns the JTL reader needs (src/ingest/jmeter/). docs/jmeter.md is the
 * user's page of the same contract.
 */
import type { PerfGateConfig } from '../../config/schema.js';

/**
 * A stage's load shape as JMeter properties get it: from the stage's `workload:` (connections, rampUp,
 * duration, arrivalRate) over the top-level `workload:`, the tool-neutral shape the embedded engine runs
 * too. A field neither sets is left to the plan's own default (`${__P(threads,5)}`).
 */
export interface JmeterLoadShape {
  /** `-Jthreads`: concurrent threads (the workload's connections). */
  readonly threads?: number;
  /** `-Jrampup`: seconds over which the threads start (whole seconds, as ThreadGroup.ramp_time). */
  readonly rampUpSeconds?: number;
  /** `-Jduration`: seconds the thread group runs (whole seconds, as ThreadGroup.duration). */
  readonly durationSeconds?: number;
  /** `-Jarrivalrate`: requests per second across all threads, for a plan with a throughput timer. */
  readonly arrivalRate?: number;
}

/**
 * The load shape of a stage: `stages.<stage>.workload` over `workload` (connections → threads, rampUp,
 * duration, arrivalRate). Durations are rounded up to whole seconds (JMeter's scheduler counts seconds),
 * the ramp-up to the nearest second.
 *
 * @example stageLoadShape(parseConfig({ stages: { load: { workload: { connections: 20, duration: '1m', rampUp: '10s' } } } }), 'load')
 *   // { threads: 20, rampUpSeconds: 10, durationSeconds: 60 }
 */
export function stageLoadShape(config: PerfGateConfig, stage: string): JmeterLoadShape {
  const base = config.workload;
  const own = config.stages[stage]?.workload ?? {};
  const threads = own.connections ?? base?.connections;
  const rampUp = own.rampUp ?? base?.rampUp;
  const duration = own.duration ?? base?.duration;
  const arrivalRate = own.arrivalRate ?? base?.arrivalRate;
  return {
    ...(threads !== undefined ? { threads } : {}),
    ...(rampUp !== undefined ? { rampUpSeconds: Math.round(rampUp) } : {}),
    ...(duration !== undefined && duration > 0 ? { durationSeconds: Math.ceil(duration) } : {}),
    ...(arrivalRate !== undefined ? { arrivalRate } : {}),
  };
}

/** The target URL as the plan's HTTP Request Defaults read it: `${__P(host)}`, `${__P(port)}`, `${__P(protocol,http)}`. */
export interface JmeterTarget {
  readonly host: string;
  readonly port: string;
  readonly protocol: 'http' | 'https';
  /** The URL's path without its trailing `/` (`/v2`), when it has one: `-Jbasepath`, for plans that prefix their paths with `${__P(basepath,)}`. */
  readonly basePath?: string;
}

/**
 * The target URL split for JMeter; the port is explicit (80/443 when the URL has none), an IPv6 host
 * loses its brackets.
 *
 * @throws TypeError for a string that is no URL; Error for a protocol other than http(s).
 * @example jmeterTarget('https://api.example.com/v2/') // { host: 'api.example.com', port: '443', protocol: 'https', basePath: '/v2' }
 */
export function jmeterTarget(url: string): JmeterTarget {
  const u = new URL(url);
  const protocol = u.protocol === 'https:' ? 'https' : u.protocol === 'http:' ? 'http' : undefined;
  if (protocol === undefined) throw new Error(`the target URL must be http(s), but got '${url}'`);
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = u.port !== '' ? u.port : protocol === 'https' ? '443' : '80';
  const basePath = u.pathname.replace(/\/+$/, '');
  return { host, port, protocol, ...(basePath !== '' ? { basePath } : {}) };
}

/**
 * The result-file properties of every run: a CSV JTL with a header line, epoch-millisecond timestamps
 * of each sample's start (`sampleresult.timestamp.start`: true in JMeter 5's bin/jmeter.properties,
 * false in its code — said here so that no installation's properties make it the end) and JMeter's
 * default columns (timeStamp, elapsed, label, responseCode, responseMessage, threadName,
 * dataType, success, failureMessage, bytes, sentBytes, grpThreads, allThreads, URL, Latency, IdleTime,
 * Connect), whatever the installation's `user.properties` says. Sub-results (redirect hops, embedded
 * resources) are not written as rows of their own: each sampler is one request.
 */
export const RESULT_FILE_PROPERTIES: Readonly<Record<string, string>> = {
  'sampleresult.timestamp.start': 'true',
  'jmeter.save.saveservice.output_format': 'csv',
  'jmeter.save.saveservice.print_field_names': 'true',
  'jmeter.save.saveservice.timestamp_format': 'ms',
  'jmeter.save.saveservice.default_delimiter': ',',
  'jmeter.save.saveservice.time': 'true',
  'jmeter.save.saveservice.label': 'true',
  'jmeter.save.saveservice.response_code': 'true',
  'jmeter.save.saveservice.response_message': 'true',
  'jmeter.save.saveservice.thread_name': 'true',
  'jmeter.save.saveservice.data_type': 'true',
  'jmeter.save.saveservice.successful': 'true',
  'jmeter.save.saveservice.assertion_results_failure_message': 'true',
  'jmeter.save.saveservice.bytes': 'true',
  'jmeter.save.saveservice.sent_bytes': 'true',
  'jmeter.save.saveservice.thread_counts': 'true',
  'jmeter.save.saveservice.url': 'true',
  'jmeter.save.saveservice.latency': 'true',
  'jmeter.save.saveservice.idle_time': 'true',
  'jmeter.save.saveservice.connect_time': 'true',
  'jmeter.save.saveservice.subresults': 'false',
  'jmeter.save.saveservice.encoding': 'false',
  'jmeter.save.saveservice.filename': 'false',
  'jmeter.save.saveservice.hostname': 'false',
  'jmeter.save.saveservice.sample_count': 'false',
};

/** Seconds between the summariser's lines on stdout (`summary +  …`), perf-gate's progress interval. */
export const SUMMARISER_INTERVAL_SECONDS = 15;

export interface JmeterArgsOptions {
  readonly plan: string;
  readonly stage: string;
  /** `-l`: where JMeter writes the samples. */
  readonly jtl: string;
  /** `-j`: JMeter's own log. */
  readonly logFile: string;
  readonly shape: JmeterLoadShape;
  readonly target?: JmeterTarget;
  /** The UDP port JMeter listens on for `Shutdown`/`StopTestNow` (`jmeterengine.nongui.port`, no scanning). */
  readonly stopPort?: number;
  /** The caller's variables, passed as `-JNAME=value` (the plan reads `${__P(NAME)}`). */
  readonly properties?: Readonly<Record<string, string>>;
  /** The user's extra flags, already split; they come before perf-gate's own properties, which win. */
  readonly flags?: readonly string[];
}

/**
 * The properties perf-gate sets for a stage, in order: stage, load shape, target, stop port, summariser,
 * result file.
 *
 * @example jmeterProperties({ stage: 'smoke', shape: { threads: 3 }, target: jmeterTarget('http://127.0.0.1:3000') }).slice(0, 5)
 *   // [['perfgate.stage', 'smoke'], ['threads', '3'], ['host', '127.0.0.1'], ['port', '3000'], ['protocol', 'http']]
 */
export function jmeterProperties(options: Pick<JmeterArgsOptions, 'stage' | 'shape' | 'target' | 'stopPort'>): [string, string][] {
  const props: [string, string][] = [['perfgate.stage', options.stage]];
  const { shape, target } = options;
  if (shape.threads !== undefined) props.push(['threads', String(shape.threads)]);
  if (shape.rampUpSeconds !== undefined) props.push(['rampup', String(shape.rampUpSeconds)]);
  if (shape.durationSeconds !== undefined) props.push(['duration', String(shape.durationSeconds)]);
  if (shape.arrivalRate !== undefined) props.push(['arrivalrate', String(shape.arrivalRate)]);
  if (target) {
    props.push(['host', target.host], ['port', target.port], ['protocol', target.protocol]);
    if (target.basePath !== undefined) props.push(['basepath', target.basePath]);
  }
  if (options.stopPort !== undefined) {
    // maxport ≤ port: JMeter listens on exactly this port or (when it is taken) on none.
    props.push(['jmeterengine.nongui.port', String(options.stopPort)], ['jmeterengine.nongui.maxport', String(options.stopPort)]);
  }
  props.push(['summariser.name', 'summary'], ['summariser.interval', String(SUMMARISER_INTERVAL_SECONDS)], ['summariser.out', 'true']);
  props.push(...Object.entries(RESULT_FILE_PROPERTIES));
  return props;
}

/**
 * The whole command line: `-n -t <plan> -l <jtl> -j <log>`, the caller's properties (`-JNAME=value`),
 * the user's flags, then perf-gate's properties ({@link jmeterProperties}) — last, so they win over a
 * flag that sets the same property (JMeter applies `-J` in order).
 *
 * @example jmeterArgs({ plan: 'p.jmx', stage: 'smoke', jtl: 'w/smoke.jtl', logFile: 'w/smoke.jmeter.log', shape: {}, flags: ['-Jthink=0'] }).slice(0, 10)
 *   // ['-n', '-t', 'p.jmx', '-l', 'w/smoke.jtl', '-j', 'w/smoke.jmeter.log', '-Jthink=0', '-Jperfgate.stage=smoke', '-Jsummariser.name=summary']
 */
export function jmeterArgs(options: JmeterArgsOptions): string[] {
  const args = ['-n', '-t', options.plan, '-l', options.jtl, '-j', options.logFile];
  for (const [name, value] of Object.entries(options.properties ?? {})) args.push(`-J${name}=${value}`);
  args.push(...(options.flags ?? []));
  for (const [name, value] of jmeterProperties(options)) args.push(`-J${name}=${value}`);
  return args;
}

/**
 * Flags perf-gate sets itself and a user's flags must not: the mode, plan, results file and log
 * (`-n -t -l -j`), and the modes that write no JTL here (GUI, remote servers, the HTML report).
 */
const RESERVED_FLAGS: readonly { readonly short: string; readonly long: string; readonly why: string }[] = [
  { short: '-n', long: '--nongui', why: 'perf-gate always runs JMeter in non-GUI mode' },
  { short: '-t', long: '--testfile', why: 'the plan is the plan setting' },
  { short: '-l', long: '--logfile', why: 'perf-gate writes the JTL into the stage folder' },
  { short: '-j', long: '--jmeterlogfile', why: "perf-gate keeps JMeter's log beside the JTL" },
  { short: '-g', long: '--reportonly', why: 'perf-gate judges the run itself' },
  { short: '-e', long: '--reportatendofloadtests', why: 'perf-gate judges the run itself' },
  { short: '-r', long: '--runremote', why: 'remote servers write their samples elsewhere' },
  { short: '-R', long: '--remotestart', why: 'remote servers write their samples elsewhere' },
];

/**
 * The problems with a user's extra JMeter flags: one line per reserved flag (`-l`, `--testfile`, …),
 * naming the setting, the flag and why.
 *
 * @example reservedFlagProblems(['-Jthink=0', '-l', 'x.jtl'], "'jmeter-flags'")
 *   // ["'jmeter-flags' must not set -l: perf-gate writes the JTL into the stage folder (got '-l')"]
 */
export function reservedFlagProblems(flags: readonly string[], setting: string): string[] {
  const problems: string[] = [];
  for (const flag of flags) {
    // `-lx.jtl`: JMeter's parser takes a short option's value attached too.
    const reserved = RESERVED_FLAGS.find((r) => flag === r.long || flag.startsWith(`${r.long}=`) || (!flag.startsWith('--') && flag.startsWith(r.short)));
    if (reserved) problems.push(`${setting} must not set ${reserved.short}: ${reserved.why} (got '${flag}')`);
  }
  return problems;
}
