import { describe, expect, it } from 'vitest';
import { carriesSecret, childEnv, isWithheldName, type ChildEnvOptions } from '../../src/engine/child-env.js';

const TOKEN = 'ghs_canaryTOKEN0123456789';

describe('isWithheldName', () => {
  it.each([
    // Every Action input, as the runner names them (hyphens kept) and as some wrappers do.
    { name: 'INPUT_GITHUB-TOKEN', withheld: true },
    { name: 'INPUT_GITHUB_TOKEN', withheld: true },
    { name: 'INPUT_SCRIPT', withheld: true },
    { name: 'input_github-token', withheld: true }, // Windows: one variable whatever the case
    // The runner's internals.
    { name: 'ACTIONS_RUNTIME_TOKEN', withheld: true },
    { name: 'ACTIONS_RUNTIME_URL', withheld: true },
    { name: 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', withheld: true },
    { name: 'ACTIONS_ID_TOKEN_REQUEST_URL', withheld: true },
    { name: 'ACTIONS_CACHE_URL', withheld: true },
    { name: 'ACTIONS_RESULTS_URL', withheld: true },
    // GitHub tokens by the names tools read them from, Enterprise included.
    { name: 'GITHUB_TOKEN', withheld: true },
    { name: 'GH_TOKEN', withheld: true },
    { name: 'GH_ENTERPRISE_TOKEN', withheld: true },
    { name: 'GITHUB_ENTERPRISE_TOKEN', withheld: true },
    { name: 'GITHUB_PAT', withheld: true },
    // The workflow-command files: writing there sets the step's outputs or later steps' environment.
    { name: 'GITHUB_OUTPUT', withheld: true },
    { name: 'GITHUB_ENV', withheld: true },
    { name: 'GITHUB_PATH', withheld: true },
    { name: 'GITHUB_STATE', withheld: true },
    { name: 'GITHUB_STEP_SUMMARY', withheld: true },
    // The rest of the runner's context is no secret and stays.
    { name: 'GITHUB_SHA', withheld: false },
    { name: 'GITHUB_REPOSITORY', withheld: false },
    { name: 'GITHUB_TOKENIZER_MODE', withheld: false },
    { name: 'GH_HOST', withheld: false },
    { name: 'RUNNER_TEMP', withheld: false },
    { name: 'PATH', withheld: false },
    { name: 'K6_NO_USAGE_REPORT', withheld: false },
    { name: 'MY_INPUT_FILE', withheld: false },
  ])('$name: withheld $withheld', ({ name, withheld }) => {
    expect(isWithheldName(name)).toBe(withheld);
  });
});

describe('carriesSecret', () => {
  it.each([
    { what: 'the token itself', value: TOKEN, secrets: [TOKEN], expected: true },
    { what: 'the token inside a URL', value: `https://x-access-token:${TOKEN}@github.com/o/r`, secrets: [TOKEN], expected: true },
    { what: 'the token in a header', value: `Bearer ${TOKEN}`, secrets: [TOKEN], expected: true },
    { what: 'another value', value: 'http://127.0.0.1:8080', secrets: [TOKEN], expected: false },
    { what: 'a short secret, whole', value: 'abc', secrets: ['abc'], expected: true },
    { what: 'a short secret inside a value (too common to match)', value: 'xabcx', secrets: ['abc'], expected: false },
    { what: 'an empty secret', value: '', secrets: [''], expected: false },
    { what: 'no secrets', value: TOKEN, secrets: [], expected: false },
  ])('$what: $expected', ({ value, secrets, expected }) => {
    expect(carriesSecret(value, secrets)).toBe(expected);
  });
});

describe('childEnv', () => {
  const runner = {
    PATH: '/usr/bin:/bin',
    HOME: '/home/runner',
    GITHUB_SHA: 'abc123',
    RUNNER_TEMP: '/tmp/runner',
    'INPUT_GITHUB-TOKEN': TOKEN,
    INPUT_SCRIPT: 'perf/script.js',
    ACTIONS_RUNTIME_TOKEN: 'runtime-canary-0123456789',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-canary-0123456789',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/canary',
    GITHUB_TOKEN: TOKEN,
    GH_TOKEN: 'gh-canary-0123456789',
    INNOCENT: TOKEN,
    DEPLOY_URL: `https://x:${TOKEN}@example.com`,
    GITHUB_OUTPUT: '/home/runner/work/_temp/_runner_file_commands/set_output_1',
    UNSET: undefined,
  };

  it.each<{ what: string; options: ChildEnvOptions; env: Record<string, string>; withheld: string[]; refused: string[] }>([
    {
      what: 'the runner environment: secrets and their copies withheld, the rest kept',
      options: { parent: runner, secrets: [TOKEN] },
      env: { PATH: '/usr/bin:/bin', HOME: '/home/runner', GITHUB_SHA: 'abc123', RUNNER_TEMP: '/tmp/runner' },
      withheld: ['INPUT_GITHUB-TOKEN', 'INPUT_SCRIPT', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'GITHUB_TOKEN', 'GH_TOKEN', 'INNOCENT', 'DEPLOY_URL', 'GITHUB_OUTPUT'],
      refused: [],
    },
    {
      what: 'without the token value, a copy under an innocent name cannot be told apart',
      options: { parent: { PATH: '/bin', INNOCENT: TOKEN, GITHUB_TOKEN: TOKEN } },
      env: { PATH: '/bin', INNOCENT: TOKEN },
      withheld: ['GITHUB_TOKEN'],
      refused: [],
    },
    {
      what: 'the stage variables and the env input are added and win over the parent',
      options: { parent: { PATH: '/bin', BASE_URL: 'http://old' }, set: { PERF_GATE_STAGE: 'load', BASE_URL: 'http://127.0.0.1:8080', TARGET_VUS: '20' } },
      env: { PATH: '/bin', BASE_URL: 'http://127.0.0.1:8080', PERF_GATE_STAGE: 'load', TARGET_VUS: '20' },
      withheld: [],
      refused: [],
    },
    {
      what: 'an env input that holds the token is refused, also over a parent variable of that name',
      options: { parent: { PATH: '/bin', API_TOKEN: 'old' }, secrets: [TOKEN], set: { PERF_GATE_STAGE: 'smoke', API_TOKEN: TOKEN, OTHER: 'x' } },
      env: { PATH: '/bin', PERF_GATE_STAGE: 'smoke', OTHER: 'x' },
      withheld: [],
      refused: ['API_TOKEN'],
    },
    {
      what: 'an empty token withholds nothing by value',
      options: { parent: { PATH: '/bin', EMPTY: '' }, secrets: [''] },
      env: { PATH: '/bin', EMPTY: '' },
      withheld: [],
      refused: [],
    },
  ])('$what', ({ options, env, withheld, refused }) => {
    const child = childEnv(options);
    expect(child.env).toEqual(env);
    expect(child.withheld).toEqual(withheld);
    expect(child.refused).toEqual(refused);
  });

  it('does not change the parent environment', () => {
    const parent = { PATH: '/bin', INPUT_X: 'y' };
    childEnv({ parent, set: { A: 'b' } });
    expect(parent).toEqual({ PATH: '/bin', INPUT_X: 'y' });
  });
});
