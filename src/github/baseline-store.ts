import { z } from 'zod';
import { RunDocumentSchema, type RunDocument } from '../document/run-document.js';
import { describeGitHubError, gitHubStatus, isPermissionError } from './errors.js';
import type { GitHubClient } from './octokit.js';
import { historyEntry, type HistoryEntry } from '../document/history-entry.js';
import { HISTORY_SCHEMA, HistoryFileSchema, endsLater as isLater, historyFileText, mergeHistory } from '../document/history-file.js';
import type { BaselineStore, Log } from '../pipeline/ports.js';

/**
 * The baseline branch: per stage the last accepted run document and a short history of runs, kept on a
 * branch of the repository and written through the Git Data API (refs, commits, trees, blobs) — no git
 * binary, no checkout, documents of megabytes.
 *
 * ```
 * perf-gate-baselines
 * ├── README.md                      what the branch is (written when the branch is created)
 * └── stages/<stage>/baseline.json   the run document the next run is compared with
 *     stages/<stage>/history.json    { schema: 'perf-gate/history@1', stage, entries: HistoryEntry[] }, newest last
 * ```
 *
 * Concurrency is optimistic: a write builds a commit on the head it read and moves the ref with
 * `force: false`; when another job moved it first (422 "not a fast forward", 409, or 422 "Reference
 * already exists" for a branch created meanwhile) the write re-reads the branch and re-applies its change
 * on top, up to `maxAttempts` times with a jittered back-off. Re-applying merges the histories by commit
 * sha and keeps whichever baseline ended later, so no update is lost and a newer baseline always wins.
 */

export { HISTORY_SCHEMA, mergeHistory };
export const DEFAULT_BASELINE_BRANCH = 'perf-gate-baselines';

/** Enough of a stored baseline to decide which is newer, even when it is of a schema this version cannot read. */
const StoredEndSchema = z.object({ meta: z.object({ end: z.string() }) });

export interface BaselineBranchOptions {
  owner: string;
  repo: string;
  /** Default `perf-gate-baselines`. */
  branch?: string;
  /** History entries kept per stage (the newest). Default 20. */
  maxHistory?: number;
  /** Attempts of a write that meets a concurrent writer. Default 5. */
  maxAttempts?: number;
  /** Back-off unit between attempts: attempt k waits k × this × [0.5, 1.5). Default 200 ms. */
  conflictBackoffMs?: number;
  /** Uniform [0, 1) source for the jitter; inject a seeded one in tests. */
  random?: () => number;
}

export interface StoredBaseline {
  baseline: RunDocument;
  history: HistoryEntry[];
}

export interface WriteInfo {
  /** The commit the run measured. */
  sha: string;
  /** Commit message on the baseline branch. */
  message?: string;
  /** The latency metric the history entry describes (the config's latencyMetric; default the tool's own). */
  latencyMetric?: string;
}

export interface WriteResult {
  /** True when `doc` is now the stage's baseline; false when a newer stored baseline was kept. */
  written: boolean;
  /** Why the baseline was kept, or why nothing was committed. */
  reason?: string;
  /** The branch head holding the result; undefined only when nothing was committed and the branch is absent. */
  commitSha?: string;
  /** Attempts taken (1 unless another writer got in between). */
  attempts: number;
}

/** A write that kept meeting other writers, or a stored file perf-gate cannot read. */
export class BaselineStoreError extends Error {
  override name = 'BaselineStoreError';
}

interface Head {
  commitSha: string;
  treeSha: string;
}

interface StageFiles {
  baseline?: string;
  history?: string;
}

interface StageState {
  /** Blob sha of baseline.json and its `meta.end` (undefined when unreadable). */
  baseline?: { blobSha: string; end: string | undefined };
  historyText?: string;
  history: HistoryEntry[];
}

export class BaselineBranch {
  readonly owner: string;
  readonly repo: string;
  readonly branch: string;
  readonly maxHistory: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly random: () => number;

  constructor(private readonly client: GitHubClient, options: BaselineBranchOptions) {
    this.owner = options.owner;
    this.repo = options.repo;
    this.branch = checkBranch(options.branch ?? DEFAULT_BASELINE_BRANCH);
    this.maxHistory = options.maxHistory ?? 20;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.conflictBackoffMs ?? 200;
    this.random = options.random ?? Math.random;
    if (!Number.isInteger(this.maxHistory) || this.maxHistory < 1) throw new RangeError(`maxHistory must be a whole number ≥ 1 but got ${this.maxHistory}`);
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1) throw new RangeError(`maxAttempts must be a whole number ≥ 1 but got ${this.maxAttempts}`);
  }

  /**
   * The stage's baseline and history, or undefined when there is none yet (no branch, no file: a first run).
   *
   * @throws {BaselineStoreError} when the stored file is not a run document this version can read
   * @throws the Octokit error (wrapped, as `cause`) of a failed request other than "not found"
   */
  async read(stage: string): Promise<StoredBaseline | undefined> {
    const paths = stagePaths(stage);
    try {
      const head = await this.head();
      if (!head) return undefined;
      const files = await this.stageFiles(head.treeSha, stage);
      if (!files.baseline) return undefined;
      const [baselineText, historyText] = await Promise.all([
        this.blobText(files.baseline),
        files.history ? this.blobText(files.history) : Promise.resolve(undefined),
      ]);
      const parsed = RunDocumentSchema.safeParse(parseJson(baselineText, paths.baseline));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new BaselineStoreError(
          `${paths.baseline} on branch ${this.branch} is not a run document perf-gate can read` +
          `${issue ? ` (${issue.path.join('.') || 'document'}: ${issue.message})` : ''}; delete it to start a new baseline`,
        );
      }
      return { baseline: parsed.data, history: historyText === undefined ? [] : this.parseHistory(historyText, paths.history) };
    } catch (err) {
      throw this.wrap(err, `Reading the ${stage} baseline`);
    }
  }

  /**
   * Stores `doc` as the stage's baseline and appends its entry to the history, in one commit.
   *
   * A stored baseline whose `meta.end` is later than `doc`'s is kept (an older run never replaces a newer
   * one): the history still gains the run and the result is `{ written: false, reason }`. When the branch
   * already holds exactly this content nothing is committed.
   *
   * @throws {BaselineStoreError} after `maxAttempts` conflicts with other writers
   * @throws the Octokit error (wrapped, as `cause`) of a failed request; `isPermissionError` sees through it
   */
  async write(stage: string, doc: RunDocument, info: WriteInfo): Promise<WriteResult> {
    const paths = stagePaths(stage);
    const entry = historyEntry(doc, info.sha, info.latencyMetric);
    const docText = `${JSON.stringify(doc)}\n`;
    let docBlob: string | undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        const head = await this.head();
        const stored = head ? await this.stageState(head.treeSha, stage) : { history: [] };
        const keep = stored.baseline?.end !== undefined && isLater(stored.baseline.end, doc.meta.end);
        const reason = keep ? `the stored baseline is newer (it ends ${stored.baseline?.end}, this run ${doc.meta.end}); only the history was updated` : undefined;
        const history = mergeHistory(stored.history, [entry], this.maxHistory);
        const historyText = historyFileText(stage, history);

        const changes: TreeChange[] = [];
        if (!keep) {
          docBlob ??= await this.createBlob(docText);
          if (docBlob !== stored.baseline?.blobSha) changes.push({ path: paths.baseline, sha: docBlob });
        }
        if (historyText !== stored.historyText) changes.push({ path: paths.history, sha: await this.createBlob(historyText) });
        if (changes.length === 0) {
          return { written: !keep, reason: reason ?? 'the branch already holds this baseline and history', ...(head ? { commitSha: head.commitSha } : {}), attempts: attempt };
        }
        if (!head) changes.push({ path: 'README.md', sha: await this.createBlob(branchReadme(this.branch)) });

        const tree = await this.client.rest.git.createTree({
          owner: this.owner,
          repo: this.repo,
          ...(head ? { base_tree: head.treeSha } : {}),
          tree: changes.map((c) => ({ path: c.path, mode: '100644' as const, type: 'blob' as const, sha: c.sha })),
        });
        const message = info.message ?? (keep
          ? `perf-gate: ${stage} history += ${info.sha.slice(0, 7)} (newer baseline kept)`
          : `perf-gate: ${stage} baseline from ${info.sha.slice(0, 7)}`);
        const commit = await this.client.rest.git.createCommit({
          owner: this.owner,
          repo: this.repo,
          message,
          tree: tree.data.sha,
          parents: head ? [head.commitSha] : [],
        });

        try {
          if (head) {
            await this.client.rest.git.updateRef({ owner: this.owner, repo: this.repo, ref: `heads/${this.branch}`, sha: commit.data.sha, force: false });
          } else {
            await this.client.rest.git.createRef({ owner: this.owner, repo: this.repo, ref: `refs/heads/${this.branch}`, sha: commit.data.sha });
          }
          return { written: !keep, ...(reason ? { reason } : {}), commitSha: commit.data.sha, attempts: attempt };
        } catch (err) {
          const status = gitHubStatus(err);
          if (status !== 409 && status !== 422) throw err;
          if (attempt >= this.maxAttempts) {
            throw new BaselineStoreError(
              `Writing the ${stage} baseline to branch ${this.branch} of ${this.owner}/${this.repo} met another writer ${attempt} times; ` +
              'giving up so as not to lose their update. Re-run the job to try again.',
              { cause: err },
            );
          }
          await sleep(attempt * this.backoffMs * (0.5 + this.random()));
        }
      }
    } catch (err) {
      throw this.wrap(err, `Writing the ${stage} baseline`);
    }
  }

  /** The branch head, or undefined when the branch (or the whole repository) is empty. */
  private async head(): Promise<Head | undefined> {
    let commitSha: string;
    try {
      const ref = await this.client.rest.git.getRef({ owner: this.owner, repo: this.repo, ref: `heads/${this.branch}` });
      commitSha = ref.data.object.sha;
    } catch (err) {
      // 404: no such branch; 409: "Git Repository is empty".
      const status = gitHubStatus(err);
      if (status === 404 || status === 409) return undefined;
      throw err;
    }
    const commit = await this.client.rest.git.getCommit({ owner: this.owner, repo: this.repo, commit_sha: commitSha });
    return { commitSha, treeSha: commit.data.tree.sha };
  }

  /** The blob shas of the stage's files: one recursive tree read, or a walk when GitHub truncated it. */
  private async stageFiles(rootTree: string, stage: string): Promise<StageFiles> {
    const paths = stagePaths(stage);
    const { data } = await this.client.rest.git.getTree({ owner: this.owner, repo: this.repo, tree_sha: rootTree, recursive: '1' });
    if (!data.truncated) {
      const find = (path: string) => data.tree.find((e) => e.path === path && e.type === 'blob')?.sha;
      return { ...defined('baseline', find(paths.baseline)), ...defined('history', find(paths.history)) };
    }
    let tree = rootTree;
    for (const name of ['stages', stage]) {
      const level = await this.client.rest.git.getTree({ owner: this.owner, repo: this.repo, tree_sha: tree });
      const next = level.data.tree.find((e) => e.path === name && e.type === 'tree')?.sha;
      if (!next) return {};
      tree = next;
    }
    const leaf = await this.client.rest.git.getTree({ owner: this.owner, repo: this.repo, tree_sha: tree });
    const find = (name: string) => leaf.data.tree.find((e) => e.path === name && e.type === 'blob')?.sha;
    return { ...defined('baseline', find('baseline.json')), ...defined('history', find('history.json')) };
  }

  /** What a write needs to know of the stored stage: which baseline is there and when it ended, and the history. */
  private async stageState(rootTree: string, stage: string): Promise<StageState> {
    const paths = stagePaths(stage);
    const files = await this.stageFiles(rootTree, stage);
    const [baselineText, historyText] = await Promise.all([
      files.baseline ? this.blobText(files.baseline) : Promise.resolve(undefined),
      files.history ? this.blobText(files.history) : Promise.resolve(undefined),
    ]);
    const state: StageState = { history: historyText === undefined ? [] : this.parseHistory(historyText, paths.history) };
    if (historyText !== undefined) state.historyText = historyText;
    if (files.baseline && baselineText !== undefined) {
      let end: string | undefined;
      try {
        const parsed = StoredEndSchema.safeParse(JSON.parse(baselineText));
        end = parsed.success ? parsed.data.meta.end : undefined;
      } catch {
        end = undefined;
      }
      state.baseline = { blobSha: files.baseline, end };
    }
    return state;
  }

  private async blobText(sha: string): Promise<string> {
    const { data } = await this.client.rest.git.getBlob({ owner: this.owner, repo: this.repo, file_sha: sha });
    return data.encoding === 'base64' ? Buffer.from(data.content, 'base64').toString('utf8') : data.content;
  }

  private async createBlob(text: string): Promise<string> {
    const { data } = await this.client.rest.git.createBlob({ owner: this.owner, repo: this.repo, content: Buffer.from(text, 'utf8').toString('base64'), encoding: 'base64' });
    return data.sha;
  }

  private parseHistory(text: string, path: string): HistoryEntry[] {
    const parsed = HistoryFileSchema.safeParse(parseJson(text, path));
    if (!parsed.success) {
      throw new BaselineStoreError(`${path} on branch ${this.branch} is not a perf-gate history (${parsed.error.issues[0]?.message ?? 'unknown shape'}); delete it to start a new history`);
    }
    return parsed.data.entries;
  }

  private wrap(err: unknown, what: string): Error {
    if (err instanceof BaselineStoreError) return err;
    return new Error(`${what} on branch ${this.branch} of ${this.owner}/${this.repo} failed: ${describeGitHubError(err)}`, { cause: err });
  }
}

export interface BranchStoreOptions {
  /** The commit the runs measured: each history entry's sha and the commit message. */
  readonly sha: string;
  /** A pull request from a fork: its read-only token explains a refused write. */
  readonly fromFork: boolean;
  /** The config's latencyMetric: what each history entry's figures describe (default: the tool's own latency). */
  readonly latencyMetric?: string;
  readonly log: Pick<Log, 'info'>;
}

/**
 * The baseline branch as the pipeline's BaselineStore: a first run (nothing stored) is said once; a
 * failed read throws for the pipeline to warn about; a write the token may not make is `refused`, any
 * other failure `failed`, both with the sentence to log.
 */
export function branchStore(branch: BaselineBranch, options: BranchStoreOptions): BaselineStore {
  return {
    async read(stage) {
      let stored: StoredBaseline | undefined;
      try {
        stored = await branch.read(stage);
      } catch (err) {
        throw new Error(`Reading the baseline from ${branch.branch} failed: ${describeGitHubError(err)}`, { cause: err });
      }
      if (stored) return stored;
      options.log.info(`No baseline yet for stage ${stage} on ${branch.branch}: regressions are inconclusive on this first run.`);
      return { history: [] };
    },
    async write(stage, run) {
      try {
        const r = await branch.write(stage, run, { sha: options.sha, message: `perf-gate: baseline for ${stage} from ${options.sha.slice(0, 7)}`, ...(options.latencyMetric !== undefined ? { latencyMetric: options.latencyMetric } : {}) });
        return r.written
          ? { status: 'written', message: `Baseline for ${stage} updated on ${branch.branch}.` }
          : { status: 'kept', message: `Baseline for ${stage} kept: ${r.reason ?? 'not newer'}.` };
      } catch (err) {
        if (isPermissionError(err)) {
          return { status: 'refused', message: `The baseline was not written: the token cannot push to ${branch.branch} (needs 'contents: write'${options.fromFork ? '; a fork PR has a read-only token' : ''}).` };
        }
        return { status: 'failed', message: `Writing the baseline failed: ${describeGitHubError(err)} — the stored baseline is unchanged.` };
      }
    },
  };
}

/** The two files of a stage on the branch. Stage names are used as folder names, so they are checked. */
export function stagePaths(stage: string): { baseline: string; history: string } {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(stage) || stage.includes('..')) {
    throw new RangeError(`stage name ${JSON.stringify(stage)} cannot name a folder on the baseline branch: use letters, digits, '.', '_' and '-'`);
  }
  return { baseline: `stages/${stage}/baseline.json`, history: `stages/${stage}/history.json` };
}

interface TreeChange {
  path: string;
  sha: string;
}

function checkBranch(branch: string): string {
  const b = branch.replace(/^refs\/heads\//, '');
  if (!b || /[\s~^:?*[\\]|\.\.|@\{|^\/|\/$|\.lock$|^-/.test(b)) {
    throw new RangeError(`${JSON.stringify(branch)} is not a valid branch name for the baseline branch`);
  }
  return b;
}

function defined<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new BaselineStoreError(`${path} on the baseline branch is not JSON (${err instanceof Error ? err.message : String(err)}); delete it to start again`);
  }
}

/** True when ISO time `a` is strictly later than `b`; an unparsable time is never later. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function branchReadme(branch: string): string {
  return [
    `# ${branch}`,
    '',
    'Written by [perf-gate](https://github.com/isectech/perf-gate) through the GitHub API; do not edit by hand.',
    '',
    '- `stages/<stage>/baseline.json` — the run document the next run of the stage is compared with.',
    '- `stages/<stage>/history.json` — the last runs (p50/p95/p99, throughput, error rate), newest last.',
    '',
    'To reset a stage, delete its folder; the next run starts a new baseline.',
    '',
  ].join('\n');
}
