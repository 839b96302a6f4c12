import { readFileSync } from 'node:fs';

/** What the Action needs to know about the workflow run it is in, read from GitHub's environment. */
export interface RunContext {
  readonly owner: string;
  readonly repo: string;
  readonly eventName: string;
  /** The commit measured: the PR head for pull requests (GITHUB_SHA is then a merge commit). */
  readonly sha: string;
  readonly ref: string;
  readonly defaultBranch?: string;
  readonly pullRequest?: { readonly number: number; readonly labels: readonly string[]; readonly fromFork: boolean };
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly runId?: string;
  readonly runUrl?: string;
  readonly workflow?: string;
  readonly job?: string;
}

interface EventPayload {
  pull_request?: { number?: number; labels?: { name?: string }[]; head?: { sha?: string; repo?: { full_name?: string } | null }; base?: { repo?: { full_name?: string } } };
  repository?: { default_branch?: string };
}

/** @throws Error when GITHUB_REPOSITORY is missing (not running in GitHub Actions). */
export function readContext(env: NodeJS.ProcessEnv): RunContext {
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set (owner/repo): perf-gate runs as a GitHub Action step; elsewhere use the perf-gate CLI');
  let payload: EventPayload = {};
  const eventPath = env['GITHUB_EVENT_PATH'];
  if (eventPath) {
    try {
      payload = JSON.parse(readFileSync(eventPath, 'utf8')) as EventPayload;
    } catch {
      payload = {};
    }
  }
  const pr = payload.pull_request;
  const serverUrl = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
  const runId = env['GITHUB_RUN_ID'];
  const headRepo = pr?.head?.repo?.full_name;
  return {
    owner,
    repo,
    eventName: env['GITHUB_EVENT_NAME'] ?? 'unknown',
    sha: pr?.head?.sha ?? env['GITHUB_SHA'] ?? '',
    ref: env['GITHUB_REF'] ?? '',
    ...(payload.repository?.default_branch ? { defaultBranch: payload.repository.default_branch } : {}),
    ...(pr?.number !== undefined
      ? {
          pullRequest: {
            number: pr.number,
            labels: (pr.labels ?? []).flatMap((l) => (l.name ? [l.name] : [])),
            // A fork's PR gets a read-only token: the comment and the baseline write will be refused.
            fromFork: headRepo !== undefined && headRepo !== repository,
          },
        }
      : {}),
    apiUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com',
    serverUrl,
    ...(runId ? { runId, runUrl: `${serverUrl}/${repository}/actions/runs/${runId}` } : {}),
    ...(env['GITHUB_WORKFLOW'] ? { workflow: env['GITHUB_WORKFLOW'] } : {}),
    ...(env['GITHUB_JOB'] ? { job: env['GITHUB_JOB'] } : {}),
  };
}

/** Events that follow a deployment (a failed gate there should roll back); PRs and schedules do not. */
export function isDeploymentRun(ctx: RunContext): boolean {
  return ['push', 'deployment', 'deployment_status', 'workflow_dispatch', 'workflow_run', 'release', 'repository_dispatch'].includes(ctx.eventName);
}

/** A push to the default branch: where `update-baseline: auto` moves the baseline. */
export function isDefaultBranchPush(ctx: RunContext): boolean {
  return ctx.eventName === 'push' && ctx.defaultBranch !== undefined && ctx.ref === `refs/heads/${ctx.defaultBranch}`;
}
