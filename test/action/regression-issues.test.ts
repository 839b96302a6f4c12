/**
 * `open-issue` and `notify-webhook`: the Action in-process with the stand-in k6 (test/support/fake-k6.mjs,
 * replaying recorded runs) against a local server that speaks GitHub's REST routes (test/support/
 * github-api-server.ts, a stand-in for api.github.com) and a local webhook receiver (a stand-in for Slack).
 * On the default branch a regression opens one issue per stage and endpoint, a second failing run updates
 * it, a passing run closes it; a pull request touches no issue; the webhook hears of failures only.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/run.js';
import { historyFileText } from '../../src/document/history-file.js';
import { history } from '../support/generated-history.js';
import { OWNER, REPO, startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';
import { recordingIo, runActionInProcess } from './fake-io.js';
import { fakeK6Bin } from './run-action.js';

const TOKEN = 'ghs_issueTOKEN0123456789abcdef';
let github: GitHubApiServer;
let webhook: Server;
let hookUrl = '';
const heard: string[] = [];

beforeAll(async () => {
  github = await startGitHubApiServer();
  webhook = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      heard.push(body);
      res.end('ok');
    });
  });
  await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/services/T000/B000/secretpart`;
});
afterAll(async () => {
  await github.close();
  await new Promise<void>((r) => webhook.close(() => r()));
});

/** One Action run of stage smoke replaying `replay` against the recorded baseline, as `event` on `ref`. */
async function act(replay: string, sha: string, event: 'push' | 'pull_request' = 'push', baseline = 'test/fixtures/k6/smoke-baseline.ndjson.gz') {
  const temp = mkdtempSync(join(tmpdir(), 'perf-gate-issues-'));
  const eventPath = join(temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event === 'push' ? { repository: { default_branch: 'main' } } : { repository: { default_branch: 'main' }, pull_request: { number: 7, head: { sha, repo: { full_name: `${OWNER}/${REPO}` } }, base: { repo: { full_name: `${OWNER}/${REPO}` } } } }));
  const path = `${fakeK6Bin()}:${process.env['PATH'] ?? ''}`;
  const io = recordingIo(
    {
      script: 'test/fixtures/k6/script.js',
      stages: 'smoke',
      'k6-version': '0.49.0',
      baseline: `file:${baseline}`,
      'update-baseline': 'never',
      comment: 'never',
      'github-token': TOKEN,
      'open-issue': 'true',
      'notify-webhook': hookUrl,
    },
    {
      PATH: path,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_API_URL: github.url,
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: event === 'push' ? 'refs/heads/main' : 'refs/pull/7/merge',
      GITHUB_SHA: sha,
      GITHUB_RUN_ID: '4242',
      PERF_GATE_WRITE_SPACING_MS: '0',
      FAKE_K6_REPLAY: replay,
      FAKE_K6_DURATION_MS: '100',
    },
    temp,
  );
  await runActionInProcess(runAction, io, temp, path);
  return io;
}

const openIssues = () => github.state.issues().filter((i) => i.state === 'open');

describe('regressions tracked as issues on the default branch', () => {
  it('opens one issue per regressed endpoint, with the findings, the commits in range and the label, and tells the webhook', async () => {
    const io = await act('smoke-regressed', 'bad0000000000000000000000000000000000001');
    expect(io.calls).toContain(`secret: ${hookUrl}`);
    const opened = openIssues();
    expect(opened.length, io.calls.filter((c) => c.includes('open-issue')).join('\n')).toBeGreaterThanOrEqual(1);
    const alerts = opened.find((i) => i.title === 'perf-gate: POST /api/alerts regressed in stage smoke');
    expect(alerts, opened.map((i) => i.title).join('\n')).toBeDefined();
    expect(alerts!.labels).toEqual(['perf-gate']);
    expect(alerts!.body).toMatch(/^<!-- perf-gate:track=smoke · POST \/api\/alerts -->\n\*\*POST \/api\/alerts\*\* regressed in stage \*\*smoke\*\* on the default branch/);
    expect(alerts!.body).toContain('Commits in range:');
    expect(alerts!.body).toContain('/actions/runs/4242');
    expect(alerts!.body).not.toContain(TOKEN);
    expect(heard).toHaveLength(1);
    const told = JSON.parse(heard[0]!) as { text: string };
    expect(told.text).toMatch(new RegExp(`^perf-gate: fail on ${OWNER}/${REPO}@main bad0000: `));
    expect(told.text).toContain(`#${alerts!.number}> (new)`);
    expect(told.text).not.toContain(TOKEN);
    expect(io.calls.filter((c) => !c.startsWith('secret: ')).join('\n')).not.toContain('secretpart');
  });

  it('updates the same issues while the regression stays, with a comment, and opens none twice', async () => {
    const before = github.state.issues().length;
    const io = await act('smoke-regressed', 'bad0000000000000000000000000000000000002');
    expect(github.state.issues().length).toBe(before);
    const alerts = openIssues().find((i) => i.title.includes('POST /api/alerts'))!;
    const comments = github.state.comments(alerts.number);
    expect(comments.at(-1)!.body).toMatch(/^Still regressed at bad0000 \(\[run\]\(.*\/actions\/runs\/4242\)\):\n\n- /);
    expect(io.calls.some((c) => c === `info: open-issue: updated #${alerts.number} (smoke · POST /api/alerts)`)).toBe(true);
    expect(heard).toHaveLength(2);
  });

  it('leaves the issues alone on a pull request, and tells the webhook nothing', async () => {
    const io = await act('smoke-regressed', 'pr00000000000000000000000000000000000003', 'pull_request');
    expect(io.calls).toContain('info: open-issue: this run is not of the default branch, so no issue is opened or closed (a pull request has its comment).');
    expect(heard).toHaveLength(2);
  });

  it('closes each issue with a comment at the first run where its endpoint passes again', async () => {
    const open = openIssues();
    expect(open.length).toBeGreaterThan(0);
    await act('smoke-baseline', 'good000000000000000000000000000000000004');
    for (const issue of open) {
      const now = github.state.issues().find((i) => i.number === issue.number)!;
      expect(now.state, issue.title).toBe('closed');
      expect(now.state_reason).toBe('completed');
      expect(github.state.comments(issue.number).at(-1)!.body).toMatch(/^Returned at good000 \(\[run\]\(.*\)\): .* passes in stage smoke again\. Closed by perf-gate\.$/);
    }
    expect(heard).toHaveLength(2);
  });

  it('ignores a pull request that carries a marker, and an issue without the label', async () => {
    github.state.seedIssue({ title: 'a PR quoting perf-gate', body: '<!-- perf-gate:track=smoke · POST /api/alerts -->', labels: ['perf-gate'], pullRequest: true });
    github.state.seedIssue({ title: 'unlabelled', body: '<!-- perf-gate:track=smoke · POST /api/alerts -->' });
    const before = github.state.issues().length;
    await act('smoke-regressed', 'bad0000000000000000000000000000000000005');
    const created = github.state.issues().slice(before);
    expect(created.map((i) => i.title)).toContain('perf-gate: POST /api/alerts regressed in stage smoke');
    expect(github.state.issues().filter((i) => i.pull_request).every((i) => i.state === 'open')).toBe(true);
  });

  it('warns, and keeps the verdict, when the token cannot write issues', async () => {
    // The first issues request is refused, as GitHub refuses a token without 'issues: write' on a private repository.
    github.inject('GET /repos/{owner}/{repo}/issues', { kind: 'status', status: 403 }, 1);
    const io = await act('smoke-regressed', 'bad0000000000000000000000000000000000006');
    expect(io.calls).toContain("warning: open-issue: the token cannot write issues (give the job 'issues: write'); none was opened or closed.");
    expect(io.calls.some((c) => c.startsWith('failed: perf-gate: fail'))).toBe(true);
  });
});

describe("the comment's trend and the history's shifts", () => {
  it('marks where a shift in the history began and says it in words under the chart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-trend-'));
    const baseline = join(dir, 'baseline.ndjson.gz');
    copyFileSync('test/fixtures/k6/smoke-baseline.ndjson.gz', baseline);
    writeFileSync(`${baseline}.history.json`, historyFileText('smoke', history(4)));
    const io = await act('smoke-baseline', 'good000000000000000000000000000000000009', 'push', baseline);
    const markdown = readFileSync(io.calls.find((c) => c.startsWith('output: report-markdown='))!.slice('output: report-markdown='.length), 'utf8');
    expect(markdown).toContain('```mermaid');
    expect(markdown).toMatch(/"0[789]c0ffe \(shift\)"/);
    expect(markdown).toMatch(/- Shift on the default branch: p95 of all requests \+\d+(?:\.\d)? % \(1\d\d → 1\d\d ms\), (?:at|began at) 0[789]c0ffe/);
  });
});

describe('a shift in the history made detectable by this run', () => {
  /** 12 runs at ~141 ms then 2 at ~155 ms (the recorded run's p95): this run, the 3rd at the new level, is the first a shift can be seen with. */
  function risingHistory(): ReturnType<typeof history> {
    return history(4).slice(0, 14).map((e, i) => ({ ...e, p95: (i < 12 ? 141 : 155.5) * (1 + 0.004 * Math.sin(i * 1.7)), levels: [] }));
  }

  it('opens one issue for it, with the range and the level before, and keeps it open while the level holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-shift-'));
    const baseline = join(dir, 'baseline.ndjson.gz');
    copyFileSync('test/fixtures/k6/smoke-baseline.ndjson.gz', baseline);
    writeFileSync(`${baseline}.history.json`, historyFileText('smoke', risingHistory()));
    const before = github.state.issues().length;
    const io = await act('smoke-baseline', 'shift00000000000000000000000000000000010', 'push', baseline);
    const created = github.state.issues().slice(before);
    const shift = created.find((i) => i.title.startsWith('perf-gate: p95 of all requests shifted +'));
    expect(shift, `${created.map((i) => i.title).join('\n')}\n${io.calls.filter((c) => c.includes('open-issue')).join('\n')}`).toBeDefined();
    expect(shift!.title).toMatch(/^perf-gate: p95 of all requests shifted \+\d+(?:\.\d)? % in stage smoke$/);
    expect(shift!.body).toMatch(/^<!-- perf-gate:track=smoke · shift of p95 of all requests from 1[1-3]c0ffe -->\n<!-- perf-gate:level-before=14\d(?:\.\d+)? -->\n/);
    expect(shift!.body).toMatch(/Commits in range: \[1[0-2]c0ffe…/);
    // The same history again: the same issue, updated, not a second one.
    await act('smoke-baseline', 'shift00000000000000000000000000000000011', 'push', baseline);
    expect(github.state.issues().filter((i) => i.title === shift!.title)).toHaveLength(1);
    expect(github.state.issues().find((i) => i.number === shift!.number)!.state).toBe('open');
  });

  it('opens none where the level moved only because the config judged another metric before', async () => {
    // 12 runs of another latency metric at ~100 ms, then 2 of the tool's own at the recorded run's ~155 ms.
    const earlier = history(4).slice(0, 14).map((e, i) => ({ ...e, p95: (i < 12 ? 100 : 155.5) * (1 + 0.004 * Math.sin(i * 1.7)), levels: [], ...(i < 12 ? { latencyMetric: 'http_req_waiting' } : {}) }));
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-shift-'));
    const baseline = join(dir, 'baseline.ndjson.gz');
    copyFileSync('test/fixtures/k6/smoke-baseline.ndjson.gz', baseline);
    writeFileSync(`${baseline}.history.json`, historyFileText('smoke', earlier));
    const before = github.state.issues().length;
    const io = await act('smoke-baseline', 'metric0000000000000000000000000000000013', 'push', baseline);
    expect(github.state.issues().slice(before).filter((i) => i.title.includes('shifted'))).toEqual([]);
    const markdown = readFileSync(io.calls.find((c) => c.startsWith('output: report-markdown='))!.slice('output: report-markdown='.length), 'utf8');
    expect(markdown).not.toContain('Shift on the default branch');
    expect(markdown).not.toContain('(shift)');
  });

  it("closes a shift's issue when this run is back within 5 % of the level before it", async () => {
    const issue = github.state.seedIssue({ title: 'perf-gate: p95 of all requests shifted +12 % in stage smoke', body: '<!-- perf-gate:track=smoke · shift of p95 of all requests from 1234567 -->\n<!-- perf-gate:level-before=160 -->\nold', labels: ['perf-gate'] });
    await act('smoke-baseline', 'back000000000000000000000000000000000012');
    expect(github.state.issues().find((i) => i.number === issue.number)!.state).toBe('closed');
    expect(github.state.comments(issue.number).at(-1)!.body).toMatch(/^Returned at back000: p95 of all requests is 1\d\d ms, within 5 % of 160 ms before the shift\. Closed by perf-gate\.$/);
  });
});

