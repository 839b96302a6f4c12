import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { K6 } from '../gate/fixtures.js';
import { syntheticRun } from '../gate/synthetic.js';
import { k6MetricLine } from '../ingest/helpers.js';
import { cli } from './run-cli.js';

// Each misconfiguration or bad input a user can make, with the exit status and the first line of what
// perf-gate says. None of them may pass, crash with a stack, or hide a verdict that was reached.
const tmp = mkdtempSync(join(tmpdir(), 'perf-gate-bad-'));
const file = (name: string, content: string): string => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};
const thresholds = (lines: string) => file(`t${Math.random().toString(36).slice(2)}.yml`, `stages:\n  smoke:\n    thresholds:\n${lines}\n`);
const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');
const metricLine = k6MetricLine('http_req_duration', 'trend', 'time');
const pointLine = (value: string) => `{"type":"Point","data":{"time":"2026-11-27T09:48:39.719Z","value":${value},"tags":{"name":"GET /a"}},"metric":"http_req_duration"}`;
const ndjson = (name: string, value: string) => file(name, `${metricLine}\n${pointLine(value)}\n`);
const baseline = `${K6}smoke-baseline.ndjson.gz`;
const current = `${K6}smoke-aa.ndjson.gz`;
const compare = (...extra: string[]) => ['compare', '--baseline', baseline, '--current', current, '--stage', 'smoke', ...extra];

export const BAD_INPUTS: readonly { what: string; args: () => string[]; code: number; first: RegExp }[] = [
  { what: 'threshold on a metric no run has (htp_req_duration)', args: () => compare('--config', thresholds('      htp_req_duration: ["p(95)<500"]')), code: 2, first: /stages\.smoke\.thresholds\["htp_req_duration"\]: no run has the metric 'htp_req_duration' — did you mean 'http_req_duration'\?/ },
  { what: 'submetric no point matches (name:GET /api/alerst)', args: () => compare('--config', thresholds('      "http_req_duration{name:GET /api/alerst}": ["p(95)<500"]')), code: 2, first: /no point of 'http_req_duration' has name 'GET \/api\/alerst' — did you mean 'GET \/api\/alerts'\?/ },
  { what: 'p(95) on a rate', args: () => compare('--config', thresholds('      http_req_failed: ["p(95)<0.1"]')), code: 2, first: /'p\(95\)<0.1' does not fit 'http_req_failed', a rate metric: a rate takes rate, passes, fails \(k6 itself refuses this threshold, exit 104\)/ },
  { what: 'rate<… on a trend', args: () => compare('--config', thresholds('      http_req_duration: ["rate<0.1"]')), code: 2, first: /'rate<0.1' does not fit 'http_req_duration', a trend metric/ },
  { what: 'groupBy on a tag no point carries (nmae)', args: () => compare('--config', file('g.yml', 'groupBy: [nmae]\n')), code: 2, first: /groupBy: no request in the runs carries the tag 'nmae' — did you mean 'name'\?/ },
  { what: 'latencyMetric no run has', args: () => compare('--config', file('l.yml', 'latencyMetric: http_req_duratoin\n')), code: 2, first: /latencyMetric: no run has the metric 'http_req_duratoin' — did you mean 'http_req_duration'\?/ },
  { what: 'a YAML alias bomb', args: () => compare('--config', file('bomb.yml', bomb)), code: 2, first: /bomb\.yml: cannot be read as a perf-gate config: .*alias/ },
  { what: 'a YAML syntax error', args: () => compare('--config', file('syntax.yml', 'stages: [smoke\n')), code: 2, first: /syntax\.yml:\d+:\d+: YAML syntax error/ },
  { what: 'an unknown key', args: () => compare('--config', file('key.yml', 'stages:\n  smoke:\n    regresion: {}\n')), code: 2, first: /stages\.smoke\.regresion: unknown key — did you mean 'regression'\?/ },
  { what: 'an unknown stage', args: () => ['compare', '--baseline', baseline, '--current', current, '--stage', 'smok'], code: 2, first: /unknown stage 'smok' — did you mean 'smoke'\?/ },
  { what: 'a missing input file', args: () => ['compare', '--baseline', join(tmp, 'nope.ndjson'), '--current', current], code: 2, first: /nope\.ndjson/ },
  { what: 'compare -o into a folder that does not exist', args: () => compare('-o', '/missing/dir/r.md'), code: 2, first: /^perf-gate: cannot write the text report to \/missing\/dir\/r\.md: its folder does not exist/ },
  { what: 'a value beyond a double (1e400) in NDJSON', args: () => ['ingest', ndjson('inf.ndjson', '1e400'), '-o', join(tmp, 'inf.json')], code: 2, first: /inf\.ndjson:2: value 1e400 of metric 'http_req_duration' is not a finite number/ },
  { what: 'a negative duration in NDJSON', args: () => ['compare', '--baseline', baseline, '--current', ndjson('neg.ndjson', '-3.5')], code: 2, first: /neg\.ndjson:2: value -3.5 of metric 'http_req_duration' is a negative duration/ },
  { what: 'perf-gate run --target-url that is not a URL', args: () => ['run', '--target-url', 'not a url', '--engine', 'embedded', '--config', 'examples/isectech/perf-gate.yml'], code: 2, first: /^perf-gate: --target-url must be an http\(s\) URL such as http:\/\/127\.0\.0\.1:8080, but got 'not a url'/ },
  { what: 'perf-gate run --baseline-url without --target-url', args: () => ['run', '--baseline-url', 'http://127.0.0.1:9', '--engine', 'embedded', '--config', 'examples/isectech/perf-gate.yml'], code: 2, first: /^perf-gate: --baseline-url needs --target-url: A\/B mode loads the baseline service and the candidate at --target-url in alternating rounds/ },
  { what: 'perf-gate run --baseline-url that is not a URL', args: () => ['run', '--baseline-url', 'ftp://x', '--target-url', 'http://127.0.0.1:9', '--engine', 'embedded', '--config', 'examples/isectech/perf-gate.yml'], code: 2, first: /^perf-gate: --baseline-url must be an http\(s\) URL/ },
  { what: 'perf-gate run --rounds 2 (too few pairs to judge)', args: () => ['run', '--baseline-url', 'http://127.0.0.1:9', '--target-url', 'http://127.0.0.1:9', '--rounds', '2', '--engine', 'embedded', '--config', 'examples/isectech/perf-gate.yml'], code: 2, first: /^perf-gate: --rounds must be 'auto' \(6 pairs\) or a whole number of round pairs ≥ 3 \(fewer cannot judge a change\), but got '2'/ },
  { what: 'perf-gate run --round-duration soon', args: () => ['run', '--baseline-url', 'http://127.0.0.1:9', '--target-url', 'http://127.0.0.1:9', '--round-duration', 'soon', '--engine', 'embedded', '--config', 'examples/isectech/perf-gate.yml'], code: 2, first: /^perf-gate: --round-duration must be a duration of at least 1 s such as 20s or 1m, but got 'soon'/ },
  { what: 'perf-gate run --baseline-url with --baseline', args: () => ['run', '--baseline-url', 'http://127.0.0.1:9', '--target-url', 'http://127.0.0.1:9', '--baseline', current, '--engine', 'embedded', '--config', 'examples/isectech/perf-gate.yml'], code: 2, first: /^perf-gate: --baseline-url and --baseline cannot be combined/ },
  { what: 'perf-gate run A/B against an arm that does not answer', args: () => ['run', '--baseline-url', 'http://127.0.0.1:9', '--target-url', 'http://127.0.0.1:9', '--rounds', '3', '--round-duration', '1s', '--engine', 'embedded', '--config', 'examples/isectech/perf-gate.yml', '-o', join(tmp, 'ab-out')], code: 2, first: /^perf-gate: A\/B mode: the baseline arm \(http:\/\/127\.0\.0\.1:9\) is unreachable before the first A\/B round: connection refused.*nothing was judged$/ },
  {
    what: 'compare a JMeter baseline with a k6 run',
    args: () => ['compare', '--baseline', file('jmeter-run.json', JSON.stringify(syntheticRun({ tool: { name: 'jmeter', roles: { latency: 'elapsed', requests: 'samples', failures: 'failed' } }, endpoints: { 'GET /a': { latencies: [5, 6, 7] } } }))), '--current', current, '--stage', 'smoke'],
    code: 2,
    first: /^perf-gate: the baseline was measured with jmeter and the current run with k6: latencies measured by different load tools are not comparable/,
  },
  { what: 'perf-gate run --plan that does not exist', args: () => ['run', '--plan', join(tmp, 'nope.jmx')], code: 2, first: /^perf-gate: --plan: there is no JMeter test plan at '.*nope\.jmx'$/ },
  { what: 'perf-gate run --engine jmeter without --plan', args: () => ['run', '--engine', 'jmeter'], code: 2, first: /^perf-gate: --engine jmeter: no --plan given — give the JMeter test plan \(\.jmx\) to run with --plan$/ },
  { what: 'perf-gate run --plan with --engine k6', args: () => ['run', '--plan', 'examples/jmeter/isectech.jmx', '--engine', 'k6'], code: 2, first: /^perf-gate: --plan is a JMeter test plan, but --engine is k6: pass --engine jmeter \(or leave --engine out\), or leave out --plan$/ },
  { what: 'perf-gate run --plan without JMeter on PATH', args: () => ['run', '--plan', 'examples/jmeter/isectech.jmx'], code: 2, first: /^perf-gate: jmeter: JMeter is not on PATH — install Apache JMeter 5\.x .* \(--plan is a JMeter test plan\)$/ },
  { what: 'ingest --max-scopes 0', args: () => ['ingest', current, '-o', join(tmp, 'm.json'), '--max-scopes', '0'], code: 2, first: /^perf-gate: --max-scopes: expected a whole number ≥ 1, got '0'/ },
  { what: 'ingest -o into a folder that does not exist', args: () => ['ingest', current, '-o', '/missing/dir/run.json'], code: 2, first: /^perf-gate: cannot write the run document to \/missing\/dir\/run\.json: its folder does not exist/ },
];

/** The first line perf-gate prints on stderr that is not the stage or engine note, a stage heading or a warning. */
export function firstLine(stderr: string): string {
  return stderr.split('\n').find((l) => l !== '' && !/^perf-gate: (stage |warning: |engine )/.test(l) && !l.startsWith('▶')) ?? '';
}

describe('bad inputs and misconfigurations: a clear message and a non-zero exit, never a pass', () => {
  it.each(BAD_INPUTS)('$what → exit $code', async ({ args, code, first }) => {
    const r = await cli(...args());
    expect(r.code).toBe(code);
    expect(firstLine(r.stderr)).toMatch(first);
    expect(r.stderr).not.toMatch(/unexpected error|ZodError|^\s+at /m);
  });

  it('a report that cannot be written still shows the verdict, first', async () => {
    const r = await cli(...compare('-o', '/missing/dir/r.md'));
    expect(r.stdout).toMatch(/^perf-gate: pass — smoke/);
    expect(r.stderr).toMatch(/the verdict above stands: pass/);
  });
});
