/**
 * What k6's exit code means for perf-gate. The codes are k6's own (`errext/exitcodes/codes.go`, stable
 * since v0.33); a process killed by a signal is reported by Node as a signal, or by a shell as 128 + n.
 * Pure.
 */
import { constants } from 'node:os';

/** k6's exit codes, by k6's own names. */
export const K6_EXIT_CODES = {
  CloudTestRunFailed: 97,
  CloudFailedToGetProgress: 98,
  ThresholdsHaveFailed: 99,
  SetupTimeout: 100,
  TeardownTimeout: 101,
  GenericTimeout: 102,
  GenericEngine: 103,
  InvalidConfig: 104,
  ExternalAbort: 105,
  CannotStartRESTAPI: 106,
  ScriptException: 107,
  ScriptAborted: 108,
  GoPanic: 109,
  MarkedAsFailed: 110,
} as const;

export type K6ExitKind =
  | 'ok'
  | 'thresholds-crossed'
  | 'cloud-test-failed'
  | 'cloud-progress-failed'
  | 'setup-timeout'
  | 'teardown-timeout'
  | 'timeout'
  | 'engine-error'
  | 'invalid-config'
  | 'external-abort'
  | 'rest-api-failed'
  | 'script-exception'
  | 'script-aborted'
  | 'go-panic'
  | 'marked-as-failed'
  | 'killed'
  | 'unclassified'
  | 'unknown';

/**
 * What the caller does with the run:
 * - `ok`: k6 finished; judge the results.
 * - `findings`: k6 finished but its own thresholds were crossed (99); judge the results — the crossed
 *   thresholds are findings in the report, not a crash.
 * - `stopped`: k6 was stopped from outside (SIGINT/SIGTERM → 105, or killed); what was measured up to
 *   then is in the output, to be reported as partial.
 * - `failed`: k6 could not run the test as written; fail the step with `message`.
 */
export type K6ExitStatus = 'ok' | 'findings' | 'stopped' | 'failed';

export interface K6ExitOutcome {
  /** The exit code, 128 + n for a signal when Node reported the signal instead. */
  readonly code: number;
  /** The signal that ended k6, when it was killed by one. */
  readonly signal?: string;
  readonly kind: K6ExitKind;
  readonly status: K6ExitStatus;
  /** One or a few sentences for the log or the failure, quoting k6's own message when it gave one. */
  readonly message: string;
  /** k6's own error text (its last `level=error` message, escapes decoded), when stderr had one. */
  readonly k6Message?: string;
}

/** The kind of an exit code (a signal, when given, makes it `killed`). */
export function classifyK6Exit(code: number, signal?: string): K6ExitKind {
  if (signal !== undefined) return 'killed';
  switch (code) {
    case 0:
      return 'ok';
    case K6_EXIT_CODES.CloudTestRunFailed:
      return 'cloud-test-failed';
    case K6_EXIT_CODES.CloudFailedToGetProgress:
      return 'cloud-progress-failed';
    case K6_EXIT_CODES.ThresholdsHaveFailed:
      return 'thresholds-crossed';
    case K6_EXIT_CODES.SetupTimeout:
      return 'setup-timeout';
    case K6_EXIT_CODES.TeardownTimeout:
      return 'teardown-timeout';
    case K6_EXIT_CODES.GenericTimeout:
      return 'timeout';
    case K6_EXIT_CODES.GenericEngine:
      return 'engine-error';
    case K6_EXIT_CODES.InvalidConfig:
      return 'invalid-config';
    case K6_EXIT_CODES.ExternalAbort:
      return 'external-abort';
    case K6_EXIT_CODES.CannotStartRESTAPI:
      return 'rest-api-failed';
    case K6_EXIT_CODES.ScriptException:
      return 'script-exception';
    case K6_EXIT_CODES.ScriptAborted:
      return 'script-aborted';
    case K6_EXIT_CODES.GoPanic:
      return 'go-panic';
    case K6_EXIT_CODES.MarkedAsFailed:
      return 'marked-as-failed';
    case 255:
      return 'unclassified';
    default:
      return signalOfCode(code) !== undefined ? 'killed' : 'unknown';
  }
}

/** `SIGKILL` for 137, `SIGTERM` for 143 (a shell's 128 + n); undefined for other codes. */
export function signalOfCode(code: number): string | undefined {
  if (code <= 128 || code >= 255) return undefined;
  const n = code - 128;
  for (const [name, value] of Object.entries(constants.signals)) if (value === n) return name;
  return undefined;
}

/** 128 + n for a signal name (`SIGKILL` → 137), as a shell reports it; 255 for an unknown name. */
export function codeOfSignal(signal: string): number {
  const n = (constants.signals as Record<string, number | undefined>)[signal];
  return n === undefined ? 255 : 128 + n;
}

/** Lines of stderr quoted when k6 left no `level=error` message. */
const TAIL_LINES = 15;

/**
 * Turns k6's exit into what perf-gate does next, with a message that quotes k6's own error text (the
 * last `level=error msg="…"` of its stderr, with its hint) or, failing that, the last lines of stderr.
 *
 * @example describeK6Exit(99, 'time="…" level=error msg="thresholds on metrics \'http_req_failed\' have been crossed"').status // 'findings'
 * @example describeK6Exit(107, 'level=error msg="ReferenceError: foo is not defined\\n\\tat file:///s.js:3:1(3)" hint="script exception"').message
 *   // 'k6 stopped on an exception in the script (exit code 107):\n  ReferenceError: foo is not defined\n  \tat file:///s.js:3:1(3)\n  (hint: script exception)\nFix the script error quoted above …'
 */
export function describeK6Exit(code: number, stderr: string, signal?: string): K6ExitOutcome {
  const kind = classifyK6Exit(code, signal);
  const errors = k6ErrorMessages(stderr);
  const last = errors[errors.length - 1];
  const k6Message = last?.msg;
  const quoted = last ? indent(last.msg + (last.hint !== undefined ? `\n(hint: ${last.hint})` : '')) : undefined;
  const tail = stderrTail(stderr, TAIL_LINES);
  const evidence = quoted ?? (tail === '' ? '  (k6 printed nothing on stderr)' : indent(tail));
  const killedBy = signal ?? signalOfCode(code);
  const base = { code, ...(killedBy !== undefined && kind === 'killed' ? { signal: killedBy } : {}), kind, ...(k6Message !== undefined ? { k6Message } : {}) };
  const failed = (what: string, advice: string): K6ExitOutcome => ({
    ...base,
    status: 'failed',
    message: `${what} (exit code ${code}):\n${evidence}\n${advice}`,
  });
  switch (kind) {
    case 'ok':
      return { ...base, status: 'ok', message: 'k6 finished the test' };
    case 'thresholds-crossed':
      return {
        ...base,
        status: 'findings',
        message: `k6 finished the test and reported crossed thresholds (exit code 99)${k6Message !== undefined ? `: ${k6Message}` : ''}; they are judged as findings in the report`,
      };
    case 'external-abort':
      return {
        ...base,
        status: 'stopped',
        message: `k6 was stopped before the end of the test (exit code 105)${k6Message !== undefined ? `: ${k6Message}` : ''}; the results cover the part that ran`,
      };
    case 'killed':
      return {
        ...base,
        status: 'stopped',
        message: `k6 was killed${killedBy !== undefined ? ` by ${killedBy}` : ''} (exit code ${code}) before it could finish; the results cover the part that ran, up to the last complete line of its output`,
      };
    case 'script-exception':
      return failed(
        'k6 stopped on an exception in the script',
        'Fix the script error quoted above (it is k6\'s own message, with the file and line); run `k6 run` on the script locally to reproduce it.',
      );
    case 'script-aborted':
      return failed('The script aborted the test (exec.test.abort())', 'The script decided to stop the test; see its reason above.');
    case 'invalid-config':
      return failed('k6 rejected the test configuration', "Check the script's `options`, the 'k6-flags' input and the config file against k6's message above.");
    case 'setup-timeout':
      return failed('The setup() function of the script took too long', 'Make setup() faster or raise `setupTimeout` in the script options.');
    case 'teardown-timeout':
      return failed('The teardown() function of the script took too long', 'Make teardown() faster or raise `teardownTimeout` in the script options.');
    case 'timeout':
      return failed('k6 timed out', "See k6's message above.");
    case 'engine-error':
      return failed('k6 hit an engine error', "See k6's message above.");
    case 'rest-api-failed':
      return failed(
        'k6 could not start its REST API server',
        'Another k6 may be using the port; drop `--address` from \'k6-flags\' or give a free port.',
      );
    case 'marked-as-failed':
      return failed('The script marked the test as failed (exec.test.fail())', 'The test ran to its end, but the script declared it failed; see its reason above.');
    case 'cloud-test-failed':
      return failed('The Grafana Cloud k6 test run failed', 'perf-gate runs k6 locally; remove cloud options from the script or flags.');
    case 'cloud-progress-failed':
      return failed('k6 could not get the progress of its Grafana Cloud test run', 'perf-gate runs k6 locally; remove cloud options from the script or flags.');
    case 'go-panic':
      return failed('k6 crashed (a panic inside k6)', 'This is a bug in k6; try another `k6-version` and report it to grafana/k6 with the output above.');
    case 'unclassified':
      return { ...base, status: 'failed', message: `k6 failed unexpectedly (exit code 255); the end of its stderr:\n${indent(tail === '' ? '(empty)' : tail)}` };
    case 'unknown':
      return failed(`k6 exited with code ${code}, which perf-gate does not know`, 'See the output above.');
  }
}

/** One `level=error` (or `fatal`) entry of k6's log. */
export interface K6LogError {
  readonly msg: string;
  readonly hint?: string;
}

/**
 * The error entries of k6's log on stderr, in order: logrus text lines (`time="…" level=error msg="…"
 * hint="…"`, Go-quoted values decoded) and, with `--log-format json`, JSON lines.
 *
 * @example k6ErrorMessages('time="t" level=error msg="a\\nb" hint="script exception"') // [{ msg: 'a\nb', hint: 'script exception' }]
 */
export function k6ErrorMessages(stderr: string): K6LogError[] {
  const out: K6LogError[] = [];
  for (const line of stderr.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('{')) {
      const entry = jsonEntry(trimmed);
      if (entry) out.push(entry);
      continue;
    }
    if (!/\blevel=(error|fatal|panic)\b/.test(trimmed)) continue;
    const fields = parseLogfmt(trimmed);
    const msg = fields.get('msg') ?? fields.get('error');
    if (msg === undefined) continue;
    const hint = fields.get('hint');
    out.push(hint !== undefined ? { msg, hint } : { msg });
  }
  return out;
}

function jsonEntry(line: string): K6LogError | undefined {
  try {
    const v = JSON.parse(line) as unknown;
    if (typeof v !== 'object' || v === null) return undefined;
    const o = v as Record<string, unknown>;
    if (o['level'] !== 'error' && o['level'] !== 'fatal' && o['level'] !== 'panic') return undefined;
    if (typeof o['msg'] !== 'string') return undefined;
    return typeof o['hint'] === 'string' ? { msg: o['msg'], hint: o['hint'] } : { msg: o['msg'] };
  } catch {
    return undefined;
  }
}

/** `key=value key="quoted value"` as logrus' text formatter writes it (values quoted with Go's %q). */
export function parseLogfmt(line: string): Map<string, string> {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ') i++;
    const eq = line.indexOf('=', i);
    if (eq < 0) break;
    const key = line.slice(i, eq);
    i = eq + 1;
    if (line[i] === '"') {
      const { value, end } = goUnquote(line, i);
      fields.set(key, value);
      i = end;
    } else {
      let end = line.indexOf(' ', i);
      if (end < 0) end = line.length;
      fields.set(key, line.slice(i, end));
      i = end;
    }
  }
  return fields;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', "'": "'" };

/** Decodes a Go-quoted string starting at `line[start] === '"'`; `end` is just past the closing quote. */
function goUnquote(line: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '"') return { value, end: i + 1 };
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const e = line[i + 1];
    if (e === undefined) break;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      value += simple;
      i += 2;
      continue;
    }
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const hex = line.slice(i + 2, i + 2 + width);
    if (width > 0 && hex.length === width && /^[0-9a-fA-F]+$/.test(hex)) {
      // \xNN is a byte of an invalid UTF-8 sequence; show it as that code point rather than lose it.
      value += String.fromCodePoint(Number.parseInt(hex, 16));
      i += 2 + width;
      continue;
    }
    value += c + e;
    i += 2;
  }
  return { value, end: line.length };
}

/** The last `lines` non-empty lines of `text`. */
export function stderrTail(text: string, lines: number): string {
  const all = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return all.slice(-lines).join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
