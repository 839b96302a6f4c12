import { stringify } from 'yaml';

/**
 * A k6-operator `TestRun` (k6.io/v1alpha1) for one perf-gate stage, rendered without touching a cluster.
 *
 * What the operator does with it (grafana/k6-operator `pkg/resources/jobs/runner.go`,
 * `controllers/k6_create.go`): it starts `parallelism` Jobs named `<name>-1` … `<name>-N`, each running
 * `k6 run --execution-segment … <arguments> <script> --tag instance_id=<i> --tag testrun_name=<name>`,
 * with `spec.runner.env`, `volumes` and `volumeMounts` added to the pod. Each runner must write its
 * NDJSON to a file of its own on the shared volume, and k6 does not expand variables in `--out json=…`;
 * Kubernetes does: `$(VAR)` in a container's command is replaced by the container's variable VAR. The
 * runner gets `PERF_GATE_RUNNER` from its pod's `job-name` label (`<name>-<i>`, the label the
 * operator's own per-runner Service selects on), so `--out json=<mountPath>/<stage>-$(PERF_GATE_RUNNER).ndjson` makes runner i write
 * `<mountPath>/<stage>-<name>-<i>.ndjson`. The operator's initializer never sees that path: it drops
 * `--out` when it builds its `k6 archive` call (`pkg/types/k6cli.go`).
 *
 * The operator splits `spec.arguments` on single spaces, so no argument may contain one: the stage and
 * mount path are checked for that; the environment goes into `spec.runner.env`, where spaces are fine.
 */
export interface TestRunOptions {
  /** The k6 script's path; its file name becomes the ConfigMap key (`kubectl create configmap --from-file`). */
  readonly script: string;
  readonly parallelism: number;
  readonly stage: string;
  /** The TestRun's name (default `perf-gate-<stage>`): a DNS-1123 label short enough for `<name>-service-<N>`. */
  readonly name?: string;
  readonly namespace?: string;
  /** The runner image (the operator's default is grafana/k6:latest). */
  readonly image?: string;
  /** The PersistentVolumeClaim every runner writes its NDJSON to (ReadWriteMany when runners share no node). */
  readonly volumeClaim: string;
  /** Where the claim is mounted in the runner (default `/results`). */
  readonly mountPath?: string;
  /** BASE_URL for the script. */
  readonly targetUrl?: string;
  /** The script's own environment, in order. */
  readonly env?: readonly (readonly [string, string])[];
  /** Runners write `.ndjson.gz` (k6 gzips a `--out json` file whose name ends in .gz): ~20× smaller. */
  readonly gzip?: boolean;
}

/** An option the manifest cannot be made from: which option, and why. */
export class TestRunOptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`${option}: ${message}`);
  }
}

/** The variable each runner's own name is put in, for `$(…)` in its command. */
export const RUNNER_NAME_VARIABLE = 'PERF_GATE_RUNNER';
/** The volume perf-gate adds to the runners (the operator's own is `k6-test-volume`, at /test). */
export const RESULTS_VOLUME = 'perf-gate-results';
export const DEFAULT_MOUNT_PATH = '/results';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** A stage name that can stand in a k6 tag, a file name and an argument the operator splits on spaces. */
const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const RESERVED_ENV = [RUNNER_NAME_VARIABLE, 'PERF_GATE_STAGE'];

/** The file runner i of a TestRun writes: `<stage>-<name>-<i>.ndjson` (`.ndjson.gz` with gzip). */
export function runnerOutputFile(stage: string, name: string, instance: number | string, gzip = false): string {
  return `${stage}-${name}-${String(instance)}.ndjson${gzip ? '.gz' : ''}`;
}

/** The TestRun's name when none is given. */
export function defaultTestRunName(stage: string): string {
  return `perf-gate-${stage.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;
}

export interface TestRunManifest {
  readonly apiVersion: 'k6.io/v1alpha1';
  readonly kind: 'TestRun';
  readonly metadata: { readonly name: string; readonly namespace?: string };
  readonly spec: {
    readonly parallelism: number;
    readonly script: { readonly configMap: { readonly name: string; readonly file: string } };
    readonly arguments: string;
    readonly runner: {
      readonly image?: string;
      readonly env: readonly ({ readonly name: string; readonly value: string } | { readonly name: string; readonly valueFrom: { readonly fieldRef: { readonly fieldPath: string } } })[];
      readonly volumes: readonly { readonly name: string; readonly persistentVolumeClaim: { readonly claimName: string } }[];
      readonly volumeMounts: readonly { readonly name: string; readonly mountPath: string }[];
    };
  };
}

/**
 * The TestRun as data, after checking every option.
 * @throws TestRunOptionError naming the option and what a valid one looks like.
 * @example
 * testRunManifest({ script: 'perf/load.js', parallelism: 4, stage: 'load', volumeClaim: 'perf-results' }).spec.arguments
 * // '--out json=/results/load-$(PERF_GATE_RUNNER).ndjson --no-thresholds --tag stage=load' (runner 2 writes /results/load-perf-gate-load-2.ndjson)
 */
export function testRunManifest(o: TestRunOptions): TestRunManifest {
  if (!Number.isInteger(o.parallelism) || o.parallelism < 1 || o.parallelism > 2 ** 31 - 1) {
    throw new TestRunOptionError('--parallelism', `expected a whole number of runners ≥ 1, got ${String(o.parallelism)}`);
  }
  if (!STAGE.test(o.stage)) throw new TestRunOptionError('--stage', `expected letters, digits, '-', '_' or '.' (it names files and a k6 tag), got '${o.stage}'`);
  const name = o.name ?? defaultTestRunName(o.stage);
  // The operator names runner Services `<name>-service-<i>`, which must be DNS-1123 labels (≤ 63) too.
  const longest = 63 - `-service-${o.parallelism}`.length;
  if (!DNS_LABEL.test(name) || name.length > longest) {
    throw new TestRunOptionError(o.name === undefined ? '--stage' : '--name', `the TestRun name '${name}' must be a DNS-1123 label of at most ${longest} characters (lower-case letters, digits and '-', starting and ending with a letter or digit) so that '${name}-service-${o.parallelism}' is one too${o.name === undefined ? '; pass --name' : ''}`);
  }
  if (o.namespace !== undefined && (!DNS_LABEL.test(o.namespace) || o.namespace.length > 63)) {
    throw new TestRunOptionError('--namespace', `expected a DNS-1123 label (lower-case letters, digits and '-', at most 63), got '${o.namespace}'`);
  }
  if (!DNS_SUBDOMAIN.test(o.volumeClaim) || o.volumeClaim.length > 253) {
    throw new TestRunOptionError('--volume-claim', `expected the name of a PersistentVolumeClaim (a DNS-1123 subdomain), got '${o.volumeClaim}'`);
  }
  const file = o.script.split(/[\\/]/).pop() ?? '';
  if (!CONFIG_MAP_KEY.test(file)) throw new TestRunOptionError('--script', `its file name '${file}' cannot be a ConfigMap key (letters, digits, '-', '_', '.')`);
  const mountPath = (o.mountPath ?? DEFAULT_MOUNT_PATH).replace(/(.)\/+$/, '$1');
  if (!mountPath.startsWith('/') || /\s/.test(mountPath)) throw new TestRunOptionError('--mount-path', `expected an absolute path without spaces (k6-operator splits the arguments on spaces), got '${mountPath}'`);
  if (mountPath === '/' || mountPath === '/test' || mountPath.startsWith('/test/')) {
    throw new TestRunOptionError('--mount-path', `'${mountPath}' is taken: k6-operator mounts the script at /test; use another folder such as ${DEFAULT_MOUNT_PATH}`);
  }
  if (o.image !== undefined && (o.image.trim() === '' || /\s/.test(o.image))) throw new TestRunOptionError('--image', `expected an image reference such as grafana/k6:1.8.1, got '${o.image}'`);
  const env = runnerEnv(o);
  // $(PERF_GATE_RUNNER) is `<name>-<i>`, so runner i writes runnerOutputFile(stage, name, i).
  const outFile = `${mountPath}/${o.stage}-$(${RUNNER_NAME_VARIABLE}).ndjson${o.gzip ? '.gz' : ''}`;
  return {
    apiVersion: 'k6.io/v1alpha1',
    kind: 'TestRun',
    metadata: { name, ...(o.namespace !== undefined ? { namespace: o.namespace } : {}) },
    spec: {
      parallelism: o.parallelism,
      // Not `<name>`: the operator creates a ConfigMap of that name itself for the segment sequence.
      script: { configMap: { name: scriptConfigMap(name), file } },
      // Thresholds are judged once, on the merged run, never per runner on a slice of the load.
      arguments: ['--out', `json=${outFile}`, '--no-thresholds', '--tag', `stage=${o.stage}`].join(' '),
      runner: {
        ...(o.image !== undefined ? { image: o.image } : {}),
        env,
        volumes: [{ name: RESULTS_VOLUME, persistentVolumeClaim: { claimName: o.volumeClaim } }],
        volumeMounts: [{ name: RESULTS_VOLUME, mountPath }],
      },
    },
  };
}

/** The ConfigMap the script is put in. */
export function scriptConfigMap(name: string): string {
  return `${name}-script`;
}

function runnerEnv(o: TestRunOptions): TestRunManifest['spec']['runner']['env'] {
  const user = o.env ?? [];
  const seen = new Set<string>();
  for (const [key] of user) {
    if (!ENV_NAME.test(key)) throw new TestRunOptionError('--env', `'${key}' is not a valid variable name (letters, digits, '_', '-', '.', not starting with a digit)`);
    if (RESERVED_ENV.includes(key)) throw new TestRunOptionError('--env', `${key} is set by perf-gate; leave it out`);
    if (key === 'BASE_URL' && o.targetUrl !== undefined) throw new TestRunOptionError('--env', 'BASE_URL is given by --target-url too; give it once');
    if (seen.has(key)) throw new TestRunOptionError('--env', `${key} is given twice`);
    seen.add(key);
  }
  return [
    { name: RUNNER_NAME_VARIABLE, valueFrom: { fieldRef: { fieldPath: "metadata.labels['job-name']" } } },
    { name: 'PERF_GATE_STAGE', value: o.stage },
    ...(o.targetUrl !== undefined ? [{ name: 'BASE_URL', value: o.targetUrl }] : []),
    ...user.map(([name, value]) => ({ name, value })),
  ];
}

/**
 * The TestRun as YAML, headed by comments saying how to apply it and where the results land.
 * @throws TestRunOptionError as {@link testRunManifest}.
 */
export function renderTestRun(o: TestRunOptions): string {
  const m = testRunManifest(o);
  const { name, namespace } = m.metadata;
  const ns = namespace !== undefined ? ` -n ${namespace}` : '';
  const mount = m.spec.runner.volumeMounts[0]!.mountPath;
  const header = [
    `# perf-gate k8s testrun: stage ${o.stage}, ${m.spec.parallelism} k6 runner${m.spec.parallelism === 1 ? '' : 's'} (k6-operator).`,
    `# 1. kubectl create configmap ${m.spec.script.configMap.name} --from-file=${o.script}${ns}`,
    `# 2. kubectl apply -f <this file>${ns}`,
    `# 3. kubectl wait --for=jsonpath='{.status.stage}'=finished testrun/${name}${ns} --timeout=1h`,
    `# Runner i (1..${m.spec.parallelism}) writes ${mount}/${runnerOutputFile(o.stage, name, 'i', o.gzip)} on the claim ${o.volumeClaim};`,
    `# copy them out and run: perf-gate collect <folder> --stage ${o.stage} (docs/distributed.md).`,
  ];
  return `${header.join('\n')}\n${stringify(m, { lineWidth: 0 })}`;
}
