import { stat } from 'node:fs/promises';
import { renderTestRun, TestRunOptionError, type TestRunOptions } from '../k8s/testrun.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './main.js';
import { UsageError } from './usage-error.js';
import { writeOutput } from './write-output.js';

export interface K8sTestRunCliOptions {
  script: string;
  parallelism: string;
  stage: string;
  name?: string;
  namespace?: string;
  image?: string;
  volumeClaim?: string;
  mountPath?: string;
  targetUrl?: string;
  env: string[];
  gzip?: boolean;
  output?: string;
}

/** `perf-gate k8s testrun`: the k6-operator TestRun of one stage, on stdout or in `-o FILE`. */
export async function k8sTestRunCommand(opts: K8sTestRunCliOptions, io: Io): Promise<number> {
  const options = await testRunOptions(opts);
  let yaml: string;
  try {
    yaml = renderTestRun(options);
  } catch (err) {
    if (err instanceof TestRunOptionError) throw new UsageError(err.message, { cause: err });
    throw err;
  }
  if (opts.output === undefined) {
    io.stdout(yaml);
    return EXIT.pass;
  }
  const failed = await writeOutput(opts.output, yaml, 'the TestRun manifest');
  if (failed !== undefined) {
    io.stderr(`perf-gate: ${failed}\n`);
    return EXIT.usage;
  }
  io.stderr(`perf-gate: wrote the TestRun to ${opts.output}; its first lines say how to apply it\n`);
  return EXIT.pass;
}

/** The command line as renderer options; every mistake is a UsageError naming the option. */
async function testRunOptions(opts: K8sTestRunCliOptions): Promise<TestRunOptions> {
  const parallelism = /^\d+$/.test(opts.parallelism.trim()) ? Number(opts.parallelism) : Number.NaN;
  if (!Number.isSafeInteger(parallelism) || parallelism < 1) throw new UsageError(`--parallelism: expected a whole number of runners ≥ 1, got '${opts.parallelism}'`);
  if (opts.volumeClaim === undefined) {
    throw new UsageError('--volume-claim: required: the runners write their NDJSON onto a PersistentVolumeClaim (ReadWriteMany when they run on several nodes), from which `perf-gate collect` reads it');
  }
  try {
    const s = await stat(opts.script);
    if (!s.isFile()) throw new UsageError(`--script: ${opts.script} is not a file`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--script: cannot read ${opts.script} — give the k6 script the runners run (it goes into a ConfigMap)`, { cause: err });
  }
  const env = opts.env.map((pair): [string, string] => {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--env: expected NAME=value, got '${pair}'`);
    return [pair.slice(0, eq), pair.slice(eq + 1)];
  });
  return {
    script: opts.script,
    parallelism,
    stage: opts.stage,
    volumeClaim: opts.volumeClaim,
    env,
    ...(opts.name !== undefined ? { name: opts.name } : {}),
    ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
    ...(opts.image !== undefined ? { image: opts.image } : {}),
    ...(opts.mountPath !== undefined ? { mountPath: opts.mountPath } : {}),
    ...(opts.targetUrl !== undefined ? { targetUrl: opts.targetUrl } : {}),
    ...(opts.gzip ? { gzip: true } : {}),
  };
}
