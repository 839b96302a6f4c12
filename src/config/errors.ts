/**
 * Errors a user causes with `perf-gate.yml`. Every problem is one line that says where it is (file, line,
 * key path), what was there, and what to do:
 *
 *     perf-gate.yml:7:5: stages.smoke.regresion: unknown key — did you mean 'regression'?
 *
 * Pure: no I/O.
 */

/** A segment of a path into the config: an object key or an array index. */
export type ConfigPathSegment = string | number;

/** One problem in a config, before it is rendered into a line. */
export interface ConfigIssue {
  /** Where in the config, e.g. `['stages', 'smoke', 'regresion']`; empty for the document itself. */
  readonly path: readonly ConfigPathSegment[];
  /** What is wrong and what to do, without the path: `unknown key — did you mean 'regression'?`. */
  readonly message: string;
  /** 1-based position in the source file, when the config came from a file. */
  readonly location?: { readonly line: number; readonly col: number };
}

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/**
 * Renders a config path the way a user finds it in the YAML: `stages.smoke.regression.latency`,
 * array indices as `[0]`, and metric keys under `thresholds` always quoted, since they hold k6
 * submetric syntax with spaces and braces: `stages.smoke.thresholds["http_req_duration"][0]`.
 *
 * @example formatConfigPath(['stages', 'smoke', 'thresholds', 'http_req_duration', 0])
 *   // 'stages.smoke.thresholds["http_req_duration"][0]'
 */
export function formatConfigPath(path: readonly ConfigPathSegment[]): string {
  let out = '';
  path.forEach((segment, i) => {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else if (isThresholdMetricKey(path, i) || !IDENTIFIER.test(segment)) {
      out += `[${JSON.stringify(segment)}]`;
    } else {
      out += out === '' ? segment : `.${segment}`;
    }
  });
  return out;
}

function isThresholdMetricKey(path: readonly ConfigPathSegment[], i: number): boolean {
  return i === 3 && path[0] === 'stages' && path[2] === 'thresholds';
}

/**
 * Shows a value a user wrote, for "got …" in messages: strings in double quotes, lists and mappings as
 * short JSON, `nothing` for a missing value.
 *
 * @example formatValue('20%') // '"20%"'
 * @example formatValue(undefined) // 'nothing'
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'bigint') return `${value.toString()}`;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined) return typeof value;
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/**
 * One line for an issue: `file:line:col: path: message`, leaving out the parts that are unknown.
 *
 * @example formatConfigIssue({ path: ['alpha'], message: 'expected …' }, 'perf-gate.yml')
 *   // 'perf-gate.yml: alpha: expected …'
 */
export function formatConfigIssue(issue: ConfigIssue, file?: string): string {
  const where = file === undefined ? '' : issue.location === undefined ? `${file}: ` : `${file}:${issue.location.line}:${issue.location.col}: `;
  const path = formatConfigPath(issue.path);
  return `${where}${path === '' ? '' : `${path}: `}${issue.message}`;
}

export interface ConfigErrorOptions {
  /** Where the (first) problem is: a key path such as `stages.smoke.regresion`, or a file for I/O errors. */
  readonly path?: string;
  /** The config file, when the config came from one. */
  readonly file?: string;
  readonly cause?: unknown;
}

/**
 * A config a user wrote cannot be used. `issues` holds every problem found, one complete line each; the
 * message is the single line, or a count followed by all lines.
 */
export class ConfigError extends Error {
  /** Where the first problem is: a key path (`stages.smoke.regresion`) or, for I/O and YAML syntax errors, the file. */
  readonly path: string;
  /** Every problem, one line each, already carrying file, line and path. */
  readonly issues: readonly string[];
  /** The config file, when the config came from one. */
  readonly file: string | undefined;

  constructor(issues: readonly string[], options: ConfigErrorOptions = {}) {
    super(ConfigError.render(issues, options.file), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConfigError';
    this.path = options.path ?? options.file ?? '';
    this.issues = [...issues];
    this.file = options.file;
  }

  /** Builds the error from structured issues (e.g. from validation), rendering each as one line. */
  static fromIssues(issues: readonly ConfigIssue[], file?: string): ConfigError {
    const first = issues[0];
    return new ConfigError(
      issues.map((issue) => formatConfigIssue(issue, file)),
      { path: first === undefined ? file : formatConfigPath(first.path), file },
    );
  }

  private static render(issues: readonly string[], file: string | undefined): string {
    if (issues.length === 1 && issues[0] !== undefined) return issues[0];
    const what = file === undefined ? 'the perf-gate config' : file;
    if (issues.length === 0) return `${what} is invalid`;
    return [`${issues.length} problems in ${what}:`, ...issues.map((line) => `  ${line}`)].join('\n');
  }
}
