/**
 * `perf-gate k8s testrun`: every rendered manifest is checked against the TestRun CRD's published schema
 * (test/fixtures/k6-operator, an excerpt of grafana/k6-operator's config/crd/bases/k6.io_testruns.yaml).
 * No cluster runs here; what the operator does with the fields is cited in src/k8s/testrun.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderTestRun, runnerOutputFile, testRunManifest, TestRunOptionError, type TestRunOptions } from '../../src/k8s/testrun.js';
import { cli } from '../cli/run-cli.js';
import { structuralErrors, type StructuralSchema } from '../support/openapi-structural.js';

const SCHEMA = (parse(readFileSync(new URL('../fixtures/k6-operator/testrun-schema.yaml', import.meta.url), 'utf8')) as { openAPIV3Schema: StructuralSchema }).openAPIV3Schema;

const BASE: TestRunOptions = { script: 'perf/load.js', parallelism: 4, stage: 'load', volumeClaim: 'perf-results' };

describe('the rendered TestRun', () => {
  it.each<{ what: string; options: TestRunOptions; expected: Record<string, unknown> }>([
    {
      what: 'the least: script, parallelism, stage, claim',
      options: BASE,
      expected: {
        name: 'perf-gate-load',
        arguments: '--out json=/results/load-$(PERF_GATE_RUNNER).ndjson --no-thresholds --tag stage=load',
        configMap: { name: 'perf-gate-load-script', file: 'load.js' },
        env: ['PERF_GATE_RUNNER', 'PERF_GATE_STAGE=load'],
        mountPath: '/results',
        image: undefined,
        namespace: undefined,
      },
    },
    {
      what: 'every option',
      options: { ...BASE, parallelism: 16, name: 'checkout-load', namespace: 'perf', image: 'grafana/k6:1.8.1', mountPath: '/data/k6/', targetUrl: 'https://staging.example.com', env: [['TOKEN_FILE', '/etc/t'], ['GREETING', 'two words']] },
      expected: {
        name: 'checkout-load',
        arguments: '--out json=/data/k6/load-$(PERF_GATE_RUNNER).ndjson --no-thresholds --tag stage=load',
        configMap: { name: 'checkout-load-script', file: 'load.js' },
        env: ['PERF_GATE_RUNNER', 'PERF_GATE_STAGE=load', 'BASE_URL=https://staging.example.com', 'TOKEN_FILE=/etc/t', 'GREETING=two words'],
        mountPath: '/data/k6',
        image: 'grafana/k6:1.8.1',
        namespace: 'perf',
      },
    },
    {
      what: 'one runner, a stage with capitals and dots',
      options: { ...BASE, parallelism: 1, stage: 'Soak.v2', script: 'soak.js' },
      expected: {
        name: 'perf-gate-soak-v2',
        arguments: '--out json=/results/Soak.v2-$(PERF_GATE_RUNNER).ndjson --no-thresholds --tag stage=Soak.v2',
        configMap: { name: 'perf-gate-soak-v2-script', file: 'soak.js' },
        env: ['PERF_GATE_RUNNER', 'PERF_GATE_STAGE=Soak.v2'],
        mountPath: '/results',
        image: undefined,
        namespace: undefined,
      },
    },
    {
      what: 'gzipped output',
      options: { ...BASE, gzip: true },
      expected: {
        name: 'perf-gate-load',
        arguments: '--out json=/results/load-$(PERF_GATE_RUNNER).ndjson.gz --no-thresholds --tag stage=load',
        configMap: { name: 'perf-gate-load-script', file: 'load.js' },
        env: ['PERF_GATE_RUNNER', 'PERF_GATE_STAGE=load'],
        mountPath: '/results',
        image: undefined,
        namespace: undefined,
      },
    },
    {
      what: 'BASE_URL from --env when there is no --target-url',
      options: { ...BASE, env: [['BASE_URL', 'http://api:8080']] },
      expected: {
        name: 'perf-gate-load',
        arguments: '--out json=/results/load-$(PERF_GATE_RUNNER).ndjson --no-thresholds --tag stage=load',
        configMap: { name: 'perf-gate-load-script', file: 'load.js' },
        env: ['PERF_GATE_RUNNER', 'PERF_GATE_STAGE=load', 'BASE_URL=http://api:8080'],
        mountPath: '/results',
        image: undefined,
        namespace: undefined,
      },
    },
  ])('$what', ({ options, expected }) => {
    const yaml = renderTestRun(options);
    const doc = parse(yaml) as ReturnType<typeof testRunManifest>;
    expect(structuralErrors(doc, SCHEMA)).toEqual([]);
    expect(doc.apiVersion).toBe('k6.io/v1alpha1');
    expect(doc.kind).toBe('TestRun');
    expect(doc.metadata.name).toBe(expected['name']);
    expect(doc.metadata.namespace).toBe(expected['namespace']);
    expect(doc.spec.parallelism).toBe(options.parallelism);
    expect(doc.spec.arguments).toBe(expected['arguments']);
    // Kubernetes replaces $(PERF_GATE_RUNNER) with the runner Job's name, `<name>-<i>`: runner 2's file.
    expect(doc.spec.arguments.replace('$(PERF_GATE_RUNNER)', `${doc.metadata.name}-2`)).toContain(`/${runnerOutputFile(options.stage, doc.metadata.name, 2, options.gzip)} `);
    // k6-operator splits the arguments on single spaces: every piece must be one k6 argument.
    expect(doc.spec.arguments.split(' ')).not.toContain('');
    expect(doc.spec.script.configMap).toEqual(expected['configMap']);
    expect(doc.spec.runner.image).toBe(expected['image']);
    expect(doc.spec.runner.env.map((e) => ('value' in e ? `${e.name}=${e.value}` : e.name))).toEqual(expected['env']);
    // The runner's own name (`<name>-<i>`) comes from its Job's label; the operator's Services select on it.
    expect(doc.spec.runner.env[0]).toEqual({ name: 'PERF_GATE_RUNNER', valueFrom: { fieldRef: { fieldPath: "metadata.labels['job-name']" } } });
    expect(doc.spec.runner.volumes).toEqual([{ name: 'perf-gate-results', persistentVolumeClaim: { claimName: 'perf-results' } }]);
    expect(doc.spec.runner.volumeMounts).toEqual([{ name: 'perf-gate-results', mountPath: expected['mountPath'] }]);
    expect(yaml).toContain(`kubectl create configmap ${(expected['configMap'] as { name: string }).name} --from-file=${options.script}`);
    expect(yaml).toContain(`kubectl wait --for=jsonpath='{.status.stage}'=finished testrun/${String(expected['name'])}`);
  });

  it("waits on a stage the CRD's status enum has", () => {
    const stage = (SCHEMA.properties!['status']!.properties!['stage']!.enum ?? []) as string[];
    expect(stage).toContain('finished');
    expect(stage).toContain('error');
  });

  it('the schema check would catch a misspelt field', () => {
    const doc = parse(renderTestRun(BASE)) as { spec: { runner: Record<string, unknown> } };
    doc.spec.runner['volumeMount'] = doc.spec.runner['volumeMounts'];
    expect(structuralErrors(doc, SCHEMA)).toEqual([expect.stringMatching(/^\$\.spec\.runner\.volumeMount: unknown field/)]);
  });
});

describe('options the manifest cannot be made from', () => {
  it.each<{ what: string; options: Partial<TestRunOptions>; option: string; message: RegExp }>([
    { what: 'no runners', options: { parallelism: 0 }, option: '--parallelism', message: /≥ 1, got 0/ },
    { what: 'a fraction of a runner', options: { parallelism: 1.5 }, option: '--parallelism', message: /got 1.5/ },
    { what: 'a name with capitals', options: { name: 'Load' }, option: '--name', message: /DNS-1123 label/ },
    { what: 'a name with an underscore', options: { name: 'load_test' }, option: '--name', message: /DNS-1123 label/ },
    { what: 'a name ending in -', options: { name: 'load-' }, option: '--name', message: /DNS-1123 label/ },
    { what: 'a name too long for its Services', options: { name: 'a'.repeat(54) }, option: '--name', message: /at most 53 characters/ },
    { what: 'a stage with a space', options: { stage: 'smoke test' }, option: '--stage', message: /letters, digits/ },
    { what: 'a stage that makes no valid name', options: { stage: `s${'x'.repeat(60)}` }, option: '--stage', message: /pass --name/ },
    { what: 'a bad namespace', options: { namespace: 'Perf' }, option: '--namespace', message: /DNS-1123 label/ },
    { what: 'a bad claim', options: { volumeClaim: 'Results!' }, option: '--volume-claim', message: /PersistentVolumeClaim/ },
    { what: 'a relative mount path', options: { mountPath: 'results' }, option: '--mount-path', message: /absolute path/ },
    { what: 'a mount path with a space', options: { mountPath: '/my results' }, option: '--mount-path', message: /without spaces/ },
    { what: "the operator's script folder", options: { mountPath: '/test' }, option: '--mount-path', message: /mounts the script at \/test/ },
    { what: 'a script name no ConfigMap key can be', options: { script: 'perf/my load.js' }, option: '--script', message: /ConfigMap key/ },
    { what: 'an image with a space', options: { image: 'grafana/k6 latest' }, option: '--image', message: /image reference/ },
    { what: 'a reserved variable', options: { env: [['PERF_GATE_STAGE', 'x']] }, option: '--env', message: /set by perf-gate/ },
    { what: 'BASE_URL twice', options: { targetUrl: 'http://a', env: [['BASE_URL', 'http://b']] }, option: '--env', message: /give it once/ },
    { what: 'a variable twice', options: { env: [['A', '1'], ['A', '2']] }, option: '--env', message: /given twice/ },
    { what: 'a bad variable name', options: { env: [['1A', 'x']] }, option: '--env', message: /not a valid variable name/ },
  ])('$what → $option', ({ options, option, message }) => {
    let error: unknown;
    try {
      testRunManifest({ ...BASE, ...options });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TestRunOptionError);
    expect((error as TestRunOptionError).option).toBe(option);
    expect((error as Error).message).toMatch(message);
  });
});

describe('perf-gate k8s testrun', () => {
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-k8s-'));
  const script = join(dir, 'load.js');
  writeFileSync(script, 'export default function () {}\n');

  it('prints the manifest, valid against the CRD', async () => {
    const r = await cli('k8s', 'testrun', '--script', script, '--parallelism', '3', '--stage', 'load', '--volume-claim', 'perf-results', '--env', 'A=1', '--env', 'B=x=y');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = parse(r.stdout) as ReturnType<typeof testRunManifest>;
    expect(structuralErrors(doc, SCHEMA)).toEqual([]);
    expect(doc.spec.runner.env.slice(2)).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: 'x=y' }]);
  });

  it('writes it to -o', async () => {
    const out = join(dir, 'testrun.yaml');
    const r = await cli('k8s', 'testrun', '--script', script, '--parallelism', '2', '--stage', 'smoke', '--volume-claim', 'perf-results', '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(structuralErrors(parse(readFileSync(out, 'utf8')), SCHEMA)).toEqual([]);
  });

  it.each([
    { what: 'parallelism 0', args: ['--parallelism', '0'], message: /--parallelism: expected a whole number of runners ≥ 1, got '0'/ },
    { what: 'parallelism not a number', args: ['--parallelism', 'four'], message: /--parallelism: .* got 'four'/ },
    { what: 'a name that is not a DNS-1123 label', args: ['--name', 'My_Test'], message: /--name: the TestRun name 'My_Test' must be a DNS-1123 label/ },
    { what: 'a missing script file', args: ['--script', '/nonexistent/load.js'], message: /--script: cannot read \/nonexistent\/load.js/ },
    { what: 'no claim', args: ['--volume-claim', ''], message: /--volume-claim/ },
    { what: 'an --env without =', args: ['--env', 'JUSTNAME'], message: /--env: expected NAME=value, got 'JUSTNAME'/ },
  ])('$what → usage error, exit 2', async ({ args, message }) => {
    const given = new Map<string, string>([['--script', script], ['--parallelism', '2'], ['--stage', 'load'], ['--volume-claim', 'perf-results']]);
    const extra: string[] = [];
    for (let i = 0; i < args.length; i += 2) {
      if (given.has(args[i]!) && args[i] !== '--env') given.set(args[i]!, args[i + 1]!);
      else extra.push(args[i]!, args[i + 1]!);
    }
    const r = await cli('k8s', 'testrun', ...[...given].flat(), ...extra);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it.each([
    { what: 'no --script', missing: '--script' },
    { what: 'no --parallelism', missing: '--parallelism' },
    { what: 'no --stage', missing: '--stage' },
  ])('$what → exit 2 naming it', async ({ missing }) => {
    const all: Record<string, string> = { '--script': script, '--parallelism': '2', '--stage': 'load', '--volume-claim': 'perf-results' };
    delete all[missing];
    const r = await cli('k8s', 'testrun', ...Object.entries(all).flat());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
  });
});

describe('docs/distributed.md', () => {
  it('shows the manifest perf-gate k8s testrun renders', () => {
    const doc = readFileSync(new URL('../../docs/distributed.md', import.meta.url), 'utf8');
    const block = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('kind: TestRun'));
    expect(block).toBeDefined();
    const rendered = testRunManifest({
      script: 'perf/load.js',
      parallelism: 4,
      stage: 'load',
      volumeClaim: 'perf-results',
      targetUrl: 'http://checkout.staging.svc:8080',
      env: [['TENANT', 'initech']],
      namespace: 'perf',
    });
    expect(parse(block!)).toEqual(rendered);
    expect(structuralErrors(parse(block!), SCHEMA)).toEqual([]);
  });
});
