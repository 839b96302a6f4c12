import { performance } from 'node:perf_hooks';
import type { GitHubClient } from './octokit.js';

export interface WorkflowDispatchParams {
  owner: string;
  repo: string;
  /** The workflow's file name (`rollback.yml`, a `.github/workflows/` prefix is dropped) or its numeric id. */
  workflow: string | number;
  /** The branch or tag the workflow runs on. */
  ref: string;
  /** The workflow_dispatch inputs; GitHub takes strings only. */
  inputs: Record<string, string>;
}

export interface RepositoryDispatchParams {
  owner: string;
  repo: string;
  /** The `repository_dispatch` type a workflow listens for (`on: repository_dispatch: types: [...]`). */
  eventType: string;
  /** `client_payload`: at most 10 top-level keys (GitHub's limit). */
  payload: Record<string, unknown>;
}

export interface DispatchResult {
  /** How long GitHub took to accept the dispatch, retries included. */
  elapsedMs: number;
}

/**
 * Starts a `workflow_dispatch` run (POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches);
 * needs `actions: write`. GitHub answers 204 once the run is queued.
 *
 * @throws the Octokit error of a failed request (422 when the workflow has no `workflow_dispatch`
 *   trigger or an input is unknown, 404 when the file does not exist on `ref`)
 */
export async function dispatchWorkflow(client: GitHubClient, params: WorkflowDispatchParams): Promise<DispatchResult> {
  const start = performance.now();
  await client.rest.actions.createWorkflowDispatch({
    owner: params.owner,
    repo: params.repo,
    workflow_id: workflowId(params.workflow),
    ref: params.ref,
    inputs: params.inputs,
  });
  return { elapsedMs: performance.now() - start };
}

/**
 * Sends a `repository_dispatch` event (POST /repos/{owner}/{repo}/dispatches); needs a token that can
 * write contents (`contents: write` for GITHUB_TOKEN, `repo` scope for a personal token).
 *
 * @throws {RangeError} before any request when GitHub would refuse the event (empty or over 100
 *   characters type, more than 10 payload keys); else the Octokit error of a failed request
 */
export async function repositoryDispatch(client: GitHubClient, params: RepositoryDispatchParams): Promise<DispatchResult> {
  const type = params.eventType.trim();
  if (type.length === 0 || type.length > 100) {
    throw new RangeError(`repository_dispatch event type must be 1 to 100 characters but got ${JSON.stringify(params.eventType)}`);
  }
  const keys = Object.keys(params.payload);
  if (keys.length > 10) {
    throw new RangeError(`repository_dispatch client_payload may have at most 10 top-level keys but got ${keys.length}: ${keys.join(', ')}`);
  }
  const start = performance.now();
  await client.rest.repos.createDispatchEvent({
    owner: params.owner,
    repo: params.repo,
    event_type: type,
    client_payload: params.payload,
  });
  return { elapsedMs: performance.now() - start };
}

/** `123` and `'123'` → 123; `.github/workflows/rollback.yml` → `rollback.yml`. */
export function workflowId(workflow: string | number): string | number {
  if (typeof workflow === 'number') return workflow;
  const w = workflow.trim();
  if (/^\d+$/.test(w)) return Number(w);
  return w.replace(/^\.?\/?\.github\/workflows\//, '');
}
