/**
 * The environment of every child process perf-gate starts (k6, `k6 version`, a memory command), built in
 * this one place. The load script is the pull request's code and k6 hands it the whole environment as
 * `__ENV`, so the runner's and the Action's secrets are left out: a script gets its own variables through
 * the `env` input (`-e NAME=value`), plus `PERF_GATE_STAGE` and `BASE_URL`. Pure: the caller passes the
 * parent environment.
 */

/**
 * Variables no child gets, whatever their value:
 * - `INPUT_*`: every input of the Action as the runner passes it (`INPUT_GITHUB-TOKEN` above all);
 * - `ACTIONS_*`: the runner's internals — `ACTIONS_RUNTIME_TOKEN` (artifacts, cache), the OIDC pair
 *   `ACTIONS_ID_TOKEN_REQUEST_TOKEN`/`_URL` (which can mint cloud credentials), `ACTIONS_CACHE_URL`,
 *   `ACTIONS_RESULTS_URL`, …;
 * - GitHub tokens by the names tools read them from: `GITHUB_TOKEN`, `GH_TOKEN`, and the Enterprise
 *   `GH_ENTERPRISE_TOKEN`, `GITHUB_ENTERPRISE_TOKEN` (any `GITHUB_…`/`GH_…` ending in TOKEN, PAT,
 *   SECRET, PASSWORD or PRIVATE_KEY);
 * - the workflow-command files `GITHUB_ENV`, `GITHUB_OUTPUT`, `GITHUB_PATH`, `GITHUB_STATE`,
 *   `GITHUB_STEP_SUMMARY`: a script that can write there (k6's `handleSummary` writes any file) could set
 *   perf-gate's outputs (its verdict) or the environment of the job's later steps.
 *
 * Case-insensitive: Windows treats `Input_X` and `INPUT_X` as one variable.
 */
const WITHHELD_NAMES: readonly RegExp[] = [
  /^INPUT_/i,
  /^ACTIONS_/i,
  /^(GITHUB|GH)_(\w+_)?(TOKEN|PAT|SECRET|PASSWORD|PRIVATE_KEY)$/i,
  /^GITHUB_(ENV|OUTPUT|PATH|STATE|STEP_SUMMARY)$/i,
];

/** A secret shorter than this is only matched whole: as a substring it would match innocent values. */
const MIN_SECRET_SUBSTRING = 8;

export interface ChildEnvOptions {
  /** The environment perf-gate runs in (`process.env`, or the Action's `io.env`). */
  readonly parent: NodeJS.ProcessEnv;
  /**
   * Values perf-gate knows to be secret (the `github-token` input): no variable that holds one is passed,
   * whatever its name — the token copied into `MY_VAR` stays out too.
   */
  readonly secrets?: readonly string[];
  /** Variables the child is meant to see (`PERF_GATE_STAGE`, `BASE_URL`, the `env` input); they win over the parent's. */
  readonly set?: Readonly<Record<string, string>>;
}

export interface ChildEnv {
  readonly env: Record<string, string>;
  /** Variables of the parent left out, by name (for a debug line; never their values). */
  readonly withheld: readonly string[];
  /** Names in `set` left out because their value holds a secret: the caller warns about each. */
  readonly refused: readonly string[];
}

/** Whether a variable of this name is never passed to a child (see {@link WITHHELD_NAMES}). */
export function isWithheldName(name: string): boolean {
  return WITHHELD_NAMES.some((re) => re.test(name));
}

/**
 * Whether a value holds one of the secrets: equal to one, or containing one of 8 characters or more.
 *
 * @example carriesSecret('https://x:ghs_abcdefgh@host', ['ghs_abcdefgh']) // true
 * @example carriesSecret('', ['']) // false: an empty secret is no secret
 */
export function carriesSecret(value: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => s !== '' && (value === s || (s.length >= MIN_SECRET_SUBSTRING && value.includes(s))));
}

/**
 * The environment for a child process: the parent's without the withheld names and without any value that
 * holds a secret, then `set` on top (minus values that hold a secret).
 *
 * @example childEnv({ parent: { PATH: '/bin', INPUT_GITHUB_TOKEN: 't', GITHUB_SHA: 'abc' }, set: { PERF_GATE_STAGE: 'smoke' } })
 *   // { env: { PATH: '/bin', GITHUB_SHA: 'abc', PERF_GATE_STAGE: 'smoke' }, withheld: ['INPUT_GITHUB_TOKEN'], refused: [] }
 */
export function childEnv(options: ChildEnvOptions): ChildEnv {
  const secrets = (options.secrets ?? []).filter((s) => s !== '');
  const env: Record<string, string> = {};
  const withheld: string[] = [];
  for (const [name, value] of Object.entries(options.parent)) {
    if (value === undefined) continue;
    if (isWithheldName(name) || carriesSecret(value, secrets)) withheld.push(name);
    else env[name] = value;
  }
  const refused: string[] = [];
  for (const [name, value] of Object.entries(options.set ?? {})) {
    if (carriesSecret(value, secrets)) {
      refused.push(name);
      delete env[name];
    } else {
      env[name] = value;
    }
  }
  return { env, withheld, refused };
}
