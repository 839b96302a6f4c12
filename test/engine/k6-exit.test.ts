import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyK6Exit, codeOfSignal, describeK6Exit, k6ErrorMessages, signalOfCode, type K6ExitKind, type K6ExitStatus } from '../../src/engine/k6-exit.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/k6');

/** Every recorded run with its exit code and stderr, as real k6 left them. */
const recorded = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.exitcode'))
  .map((f) => {
    const name = f.slice(0, -'.exitcode'.length);
    return {
      name,
      code: Number(readFileSync(join(FIXTURES, f), 'utf8').trim()),
      stderr: readFileSync(join(FIXTURES, `${name}.stderr.txt`), 'utf8'),
    };
  });

const EXPECTED_BY_CODE: Record<number, { kind: K6ExitKind; status: K6ExitStatus }> = {
  0: { kind: 'ok', status: 'ok' },
  99: { kind: 'thresholds-crossed', status: 'findings' },
  137: { kind: 'killed', status: 'stopped' },
};

describe('describeK6Exit on the recorded runs', () => {
  it('has the recorded runs', () => {
    expect(recorded.map((r) => r.name)).toContain('smoke-errors');
    expect(recorded.map((r) => r.name)).toContain('aborted');
  });

  it.each(recorded)('$name (exit $code)', ({ code, stderr }) => {
    const expected = EXPECTED_BY_CODE[code];
    expect(expected, `no expectation for exit code ${code}`).toBeDefined();
    const outcome = describeK6Exit(code, stderr);
    expect(outcome.kind).toBe(expected!.kind);
    expect(outcome.status).toBe(expected!.status);
  });

  it('quotes the crossed thresholds of smoke-errors', () => {
    const stderr = readFileSync(join(FIXTURES, 'smoke-errors.stderr.txt'), 'utf8');
    const outcome = describeK6Exit(99, stderr);
    expect(outcome.k6Message).toBe("thresholds on metrics 'checks, http_req_failed' have been crossed");
    expect(outcome.message).toBe(
      "k6 finished the test and reported crossed thresholds (exit code 99): thresholds on metrics 'checks, http_req_failed' have been crossed; they are judged as findings in the report",
    );
  });

  it('reports the SIGKILL of aborted (137) as a stop with partial results', () => {
    const outcome = describeK6Exit(137, '');
    expect(outcome.signal).toBe('SIGKILL');
    expect(outcome.message).toContain('k6 was killed by SIGKILL (exit code 137)');
  });
});

const T = 'time="2026-11-27T09:50:08Z"';

describe('describeK6Exit', () => {
  it.each([
    { what: 'a clean exit', code: 0, stderr: '', kind: 'ok', status: 'ok' },
    { what: 'setup timeout', code: 100, stderr: `${T} level=error msg="setup() execution timed out after 60 seconds" hint="You can increase the time limit via the setupTimeout option"`, kind: 'setup-timeout', status: 'failed' },
    { what: 'teardown timeout', code: 101, stderr: '', kind: 'teardown-timeout', status: 'failed' },
    { what: 'invalid config', code: 104, stderr: `${T} level=error msg="There were problems with the specified script configuration:\\n\\t- executor default: function 'default' not found in exports"`, kind: 'invalid-config', status: 'failed' },
    { what: 'SIGINT', code: 105, stderr: `${T} level=error msg="test run was aborted because k6 received a 'interrupt' signal"`, kind: 'external-abort', status: 'stopped' },
    { what: 'REST API', code: 106, stderr: '', kind: 'rest-api-failed', status: 'failed' },
    { what: 'script exception', code: 107, stderr: `${T} level=error msg="ReferenceError: foo is not defined\\n\\tat default (file:///script.js:12:3(5))" hint="script exception"`, kind: 'script-exception', status: 'failed' },
    { what: 'test.abort()', code: 108, stderr: `${T} level=error msg="test aborted: backend down at default (file:///script.js:9:15(12))" hint="script aborted"`, kind: 'script-aborted', status: 'failed' },
    { what: 'a k6 panic', code: 109, stderr: 'panic: runtime error: index out of range', kind: 'go-panic', status: 'failed' },
    { what: 'test.fail()', code: 110, stderr: `${T} level=error msg="test run was marked as failed"`, kind: 'marked-as-failed', status: 'failed' },
    { what: 'cloud', code: 97, stderr: '', kind: 'cloud-test-failed', status: 'failed' },
    { what: 'cloud progress', code: 98, stderr: '', kind: 'cloud-progress-failed', status: 'failed' },
    { what: 'SIGTERM by a shell', code: 143, stderr: '', kind: 'killed', status: 'stopped' },
    { what: 'unclassified', code: 255, stderr: `${T} level=error msg="unknown flag: --bogus"`, kind: 'unclassified', status: 'failed' },
    { what: 'an unknown code', code: 3, stderr: '', kind: 'unknown', status: 'failed' },
  ] as const)('$what ($code) → $kind, $status', ({ code, stderr, kind, status }) => {
    const outcome = describeK6Exit(code, stderr);
    expect(outcome.kind).toBe(kind);
    expect(outcome.status).toBe(status);
    expect(outcome.code).toBe(code);
  });

  it('quotes a script exception with its stack and hint', () => {
    const stderr = [
      `${T} level=warning msg="Request Failed" error="Get \\"http://x\\": dial tcp: connection refused"`,
      `${T} level=error msg="ReferenceError: foo is not defined\\n\\tat default (file:///script.js:12:3(5))" hint="script exception"`,
    ].join('\n');
    const outcome = describeK6Exit(107, stderr);
    expect(outcome.k6Message).toBe('ReferenceError: foo is not defined\n\tat default (file:///script.js:12:3(5))');
    expect(outcome.message).toBe(
      'k6 stopped on an exception in the script (exit code 107):\n' +
        '  ReferenceError: foo is not defined\n' +
        '  \tat default (file:///script.js:12:3(5))\n' +
        '  (hint: script exception)\n' +
        "Fix the script error quoted above (it is k6's own message, with the file and line); run `k6 run` on the script locally to reproduce it.",
    );
  });

  it('quotes an invalid configuration', () => {
    const outcome = describeK6Exit(104, `${T} level=error msg="There were problems with the specified script configuration:\\n\\t- executor default: function 'default' not found in exports"`);
    expect(outcome.message).toContain("k6 rejected the test configuration (exit code 104):\n  There were problems with the specified script configuration:\n  \t- executor default: function 'default' not found in exports");
  });

  it('quotes the reason of test.abort()', () => {
    const outcome = describeK6Exit(108, `${T} level=error msg="test aborted: backend down at default (file:///script.js:9:15(12))" hint="script aborted"`);
    expect(outcome.message).toContain('The script aborted the test (exec.test.abort()) (exit code 108):\n  test aborted: backend down at default (file:///script.js:9:15(12))\n  (hint: script aborted)');
  });

  it('says "failed unexpectedly" for 255, with the tail of stderr', () => {
    const stderr = ['line 1', '', `${T} level=error msg="unknown flag: --bogus"`, ''].join('\n');
    const outcome = describeK6Exit(255, stderr);
    expect(outcome.message).toBe(`k6 failed unexpectedly (exit code 255); the end of its stderr:\n  line 1\n  ${T} level=error msg="unknown flag: --bogus"`);
  });

  it('quotes the last lines of stderr when k6 left no error entry', () => {
    const stderr = Array.from({ length: 20 }, (_, i) => `goroutine line ${i + 1}`).join('\n');
    const outcome = describeK6Exit(109, stderr);
    expect(outcome.k6Message).toBeUndefined();
    expect(outcome.message).toContain('  goroutine line 6\n');
    expect(outcome.message).toContain('  goroutine line 20\n');
    expect(outcome.message).not.toContain('goroutine line 5\n');
  });

  it('says when stderr was empty', () => {
    expect(describeK6Exit(107, '').message).toContain('(k6 printed nothing on stderr)');
  });

  it('takes the signal Node reported', () => {
    const outcome = describeK6Exit(137, '', 'SIGKILL');
    expect(outcome.kind).toBe('killed');
    expect(outcome.signal).toBe('SIGKILL');
    expect(classifyK6Exit(0, 'SIGTERM')).toBe('killed');
  });
});

describe('k6ErrorMessages', () => {
  it.each([
    { what: 'logrus text with Go escapes', line: `${T} level=error msg="a \\"b\\"\\n\\tc \\u00e9 \\\\ d" hint="x y"`, expected: [{ msg: 'a "b"\n\tc é \\ d', hint: 'x y' }] },
    { what: 'an unquoted value', line: `${T} level=error msg=done`, expected: [{ msg: 'done' }] },
    { what: 'a JSON log line (--log-format json)', line: '{"level":"error","msg":"boom","hint":"script exception","time":"t"}', expected: [{ msg: 'boom', hint: 'script exception' }] },
    { what: 'warnings and info are skipped', line: `${T} level=warning msg="Request Failed"\n${T} level=info msg="hello" source=console`, expected: [] },
    { what: 'fatal counts', line: `${T} level=fatal msg="bad"`, expected: [{ msg: 'bad' }] },
    { what: 'not a log line', line: 'level=errors are everywhere', expected: [] },
  ])('$what', ({ line, expected }) => {
    expect(k6ErrorMessages(line)).toEqual(expected);
  });
});

describe('signals and codes', () => {
  it.each([
    { code: 130, signal: 'SIGINT' },
    { code: 137, signal: 'SIGKILL' },
    { code: 143, signal: 'SIGTERM' },
  ])('$code ↔ $signal', ({ code, signal }) => {
    expect(signalOfCode(code)).toBe(signal);
    expect(codeOfSignal(signal)).toBe(code);
  });

  it.each([0, 99, 107, 128, 255])('%i is not a signal', (code) => {
    expect(signalOfCode(code)).toBeUndefined();
  });
});
