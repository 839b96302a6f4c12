/**
 * A stand-in for api.github.com: a real HTTP server (node:http on 127.0.0.1, a free port) that speaks the
 * REST routes perf-gate uses, with in-memory state. GitHub cannot be reached from the test machines, so
 * the GitHub layer is tested against this; it follows GitHub's documented behaviour (status codes,
 * messages, pagination `Link` headers, git object ids computed as git computes them) and records every
 * call. Faults can be injected per route: plain error statuses, rate limits with GitHub's headers, or a
 * hook that runs before the request is handled (to let another writer in at an exact moment).
 *
 * Where it is stricter than GitHub it says so (a status description over 140 characters is refused).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const OWNER = 'octo-org';
export const REPO = 'octo-repo';

/** The routes served, named as Octokit names them (`method path-template`); faults are injected by these names. */
export const ROUTES = [
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'GET /repos/{owner}/{repo}/git/ref/{ref}',
  'POST /repos/{owner}/{repo}/git/refs',
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
  'POST /repos/{owner}/{repo}/git/blobs',
  'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
  'POST /repos/{owner}/{repo}/git/trees',
  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
  'POST /repos/{owner}/{repo}/git/commits',
  'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
  'POST /repos/{owner}/{repo}/statuses/{sha}',
  'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
  'POST /repos/{owner}/{repo}/dispatches',
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
  'GET /repos/{owner}/{repo}/issues',
  'POST /repos/{owner}/{repo}/issues',
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
] as const;
export type Route = (typeof ROUTES)[number];

export interface RecordedCall {
  method: string;
  /** Path without the query string, percent-decoded. */
  path: string;
  /** The route template it matched, or undefined for an unknown route (answered 404). */
  route: Route | undefined;
  query: Record<string, string>;
  /** The parsed JSON body, or undefined. */
  body: unknown;
  status: number;
  /** The token in the `authorization` header, if any. */
  token: string | undefined;
  /** `Date.now()` when the request arrived. */
  at: number;
}

export type Fault =
  /** Answer `status` with GitHub's usual message for it (or `message`). */
  | { kind: 'status'; status: number; message?: string }
  /** A primary rate limit: `x-ratelimit-remaining: 0` and a reset `resetInSeconds` from now. */
  | { kind: 'rate-limit'; status: 403 | 429; resetInSeconds: number }
  /** A secondary rate limit: `retry-after: retryAfterSeconds`. */
  | { kind: 'secondary-rate-limit'; status: 403 | 429; retryAfterSeconds: number }
  /** Runs `run` and then handles the request normally (a race at an exact point). */
  | { kind: 'before'; run: () => Promise<void> | void };

interface Injection {
  route: Route | '*';
  fault: Fault;
  remaining: number;
}

export interface Comment {
  id: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}

type TreeEntry = { name: string; mode: string; type: 'blob' | 'tree'; sha: string };
interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  date: string;
}

/** An issue (or, with `pull_request`, a pull request: GitHub's issues API lists both). */
export interface Issue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: string[];
  pull_request?: true;
  created_at: string;
  updated_at: string;
}

export interface CommitStatus {
  id: number;
  sha: string;
  state: string;
  context: string;
  description: string | null;
  target_url: string | null;
}

export interface RepoState {
  comments: Map<number, Comment[]>;
  blobs: Map<string, Buffer>;
  trees: Map<string, TreeEntry[]>;
  commits: Map<string, Commit>;
  /** Full ref name (`refs/heads/x`) → commit sha. */
  refs: Map<string, string>;
  statuses: CommitStatus[];
  workflowDispatches: { workflow: string; ref: string; inputs: Record<string, unknown> }[];
  repositoryDispatches: { event_type: string; client_payload: unknown }[];
  /** Pull requests a commit belongs to (what `listPullRequestsAssociatedWithCommit` answers). */
  pullsByCommit: Map<string, { number: number; labels: { name: string }[] }[]>;
  /** Issues and pull requests by number (one sequence, as on GitHub). */
  issues: Map<number, Issue>;
}

export interface ServerState {
  repo(owner?: string, repo?: string): RepoState;
  /** Tokens whose writes answer 403 "Resource not accessible by integration" (a fork PR's GITHUB_TOKEN). */
  readOnlyTokens: Set<string>;
  /** A recursive tree listing longer than this is cut and marked `truncated` (GitHub's limit is 100,000). */
  maxRecursiveTreeEntries: number;
  /** Adds `n` comments by other users to an issue. */
  seedComments(issue: number, n: number, options?: { owner?: string; repo?: string; body?: (i: number) => string; user?: string }): Comment[];
  /** The comments of an issue, oldest first. */
  comments(issue: number, owner?: string, repo?: string): Comment[];
  /** The text of a file on a branch, or undefined. */
  readFile(branch: string, path: string, owner?: string, repo?: string): string | undefined;
  /** The commit messages from a branch head down its first parents. */
  log(branch: string, owner?: string, repo?: string): Commit[];
  /** Adds an issue (or a pull request, `pullRequest`) as somebody else made it. */
  seedIssue(fields: { title: string; body?: string; labels?: string[]; state?: 'open' | 'closed'; pullRequest?: boolean }, owner?: string, repo?: string): Issue;
  /** Every issue and pull request, by number. */
  issues(owner?: string, repo?: string): Issue[];
}

export interface GitHubApiServer {
  /** Base URL to give Octokit (`baseUrl`). */
  url: string;
  state: ServerState;
  calls: RecordedCall[];
  /** The next `times` requests to `route` (default 1) answer with `fault`. */
  inject(route: Route | '*', fault: Fault, times?: number): void;
  /** Calls to one route. */
  callsTo(route: Route): RecordedCall[];
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}, readonly extra: Record<string, unknown> = {}) {
    super(message);
  }
}

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Validation Failed',
  500: 'Internal Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
};

/** The permission GitHub names in `x-accepted-github-permissions` when a write is refused. */
function acceptedPermission(route: Route): string {
  if (route.includes('/git/')) return 'contents=write';
  if (/\/issues(?:\/|$)/.test(route)) return 'issues=write; pull_requests=write';
  if (route.includes('/statuses/')) return 'statuses=write';
  if (route.includes('/actions/')) return 'actions=write';
  return 'contents=write';
}

export async function startGitHubApiServer(): Promise<GitHubApiServer> {
  const repos = new Map<string, RepoState>();
  const calls: RecordedCall[] = [];
  const injections: Injection[] = [];
  let nextId = 1_000_000;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const tick = () => new Date((clock += 1000)).toISOString();

  const repoState = (owner = OWNER, repo = REPO): RepoState => {
    const key = `${owner}/${repo}`.toLowerCase();
    let s = repos.get(key);
    if (!s) {
      s = { comments: new Map(), blobs: new Map(), trees: new Map(), commits: new Map(), refs: new Map(), statuses: [], workflowDispatches: [], repositoryDispatches: [], pullsByCommit: new Map(), issues: new Map() };
      repos.set(key, s);
    }
    return s;
  };
  const addIssue = (s: RepoState, title: string, body: string | null, labels: string[], state: 'open' | 'closed', pullRequest: boolean): Issue => {
    const at = tick();
    const number = 100 + s.issues.size + 1;
    const issue: Issue = { number, title, body, state, state_reason: state === 'closed' ? 'completed' : null, labels: [...labels], ...(pullRequest ? { pull_request: true as const } : {}), created_at: at, updated_at: at };
    s.issues.set(number, issue);
    return issue;
  };
  const issueJson = (baseUrl: string, owner: string, repo: string, i: Issue) => ({
    id: 5_000_000 + i.number,
    node_id: `I_${i.number}`,
    number: i.number,
    url: `${baseUrl}/repos/${owner}/${repo}/issues/${i.number}`,
    html_url: `https://github.com/${owner}/${repo}/${i.pull_request ? 'pull' : 'issues'}/${i.number}`,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    labels: i.labels.map((name, k) => ({ id: k + 1, name })),
    user: { login: 'github-actions[bot]', id: 1, type: 'Bot' },
    created_at: i.created_at,
    updated_at: i.updated_at,
    ...(i.pull_request ? { pull_request: { url: `${baseUrl}/repos/${owner}/${repo}/pulls/${i.number}` } } : {}),
  });
  const issueComments = (s: RepoState, issue: number): Comment[] => {
    let list = s.comments.get(issue);
    if (!list) s.comments.set(issue, (list = []));
    return list;
  };

  const state: ServerState = {
    repo: repoState,
    readOnlyTokens: new Set(),
    maxRecursiveTreeEntries: 100_000,
    seedComments(issue, n, options = {}) {
      const list = issueComments(repoState(options.owner, options.repo), issue);
      const added: Comment[] = [];
      for (let i = 0; i < n; i++) {
        const at = tick();
        const c = { id: nextId++, body: options.body?.(i) ?? `Earlier comment ${i + 1}`, user: options.user ?? 'a-reviewer', created_at: at, updated_at: at };
        list.push(c);
        added.push(c);
      }
      return added;
    },
    comments: (issue, owner, repo) => [...(repoState(owner, repo).comments.get(issue) ?? [])],
    readFile(branch, path, owner, repo) {
      const s = repoState(owner, repo);
      const head = s.refs.get(`refs/heads/${branch}`);
      if (!head) return undefined;
      let tree = s.commits.get(head)?.tree;
      const parts = path.split('/');
      for (const [i, name] of parts.entries()) {
        const e = tree === undefined ? undefined : s.trees.get(tree)?.find((x) => x.name === name);
        if (!e) return undefined;
        if (i === parts.length - 1) return e.type === 'blob' ? s.blobs.get(e.sha)?.toString('utf8') : undefined;
        tree = e.sha;
      }
      return undefined;
    },
    seedIssue(fields, owner, repo) {
      return addIssue(repoState(owner, repo), fields.title, fields.body ?? null, fields.labels ?? [], fields.state ?? 'open', fields.pullRequest ?? false);
    },
    issues: (owner, repo) => [...repoState(owner, repo).issues.values()].sort((a, b) => a.number - b.number),
    log(branch, owner, repo) {
      const s = repoState(owner, repo);
      const out: Commit[] = [];
      for (let sha = s.refs.get(`refs/heads/${branch}`); sha; ) {
        const c = s.commits.get(sha);
        if (!c) break;
        out.push(c);
        sha = c.parents[0];
      }
      return out;
    },
  };

  // ---- git objects, hashed as git hashes them ----
  const hashObject = (type: string, content: Buffer): string =>
    createHash('sha1').update(Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content])).digest('hex');
  const storeBlob = (s: RepoState, content: Buffer): string => {
    const sha = hashObject('blob', content);
    s.blobs.set(sha, content);
    return sha;
  };
  const storeTree = (s: RepoState, entries: TreeEntry[]): string => {
    const sorted = [...entries].sort((a, b) => {
      const ka = a.type === 'tree' ? `${a.name}/` : a.name;
      const kb = b.type === 'tree' ? `${b.name}/` : b.name;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    const body = Buffer.concat(sorted.flatMap((e) => [Buffer.from(`${e.type === 'tree' ? '40000' : e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')]));
    const sha = hashObject('tree', body);
    s.trees.set(sha, sorted);
    return sha;
  };
  const isAncestor = (s: RepoState, ancestor: string, of: string): boolean => {
    const stack = [of];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const sha = stack.pop()!;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      stack.push(...(s.commits.get(sha)?.parents ?? []));
    }
    return false;
  };

  // ---- routing ----
  type Params = Record<string, string>;
  type Ctx = { params: Params; query: Record<string, string>; body: unknown; s: RepoState; baseUrl: string; path: string };
  type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
  const handlers: Record<Route, (c: Ctx) => Answer> = {
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': ({ params, query, s, baseUrl, path }) => {
      const list = issueComments(s, Number(params['issue_number']));
      const perPage = Math.min(100, Math.max(1, Number(query['per_page'] ?? 30) || 30));
      const page = Math.max(1, Number(query['page'] ?? 1) || 1);
      const last = Math.max(1, Math.ceil(list.length / perPage));
      const items = list.slice((page - 1) * perPage, page * perPage);
      const link = (p: number, rel: string) => `<${baseUrl}${path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      const links = [
        ...(page > 1 ? [link(page - 1, 'prev')] : []),
        ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
        ...(page > 1 ? [link(1, 'first')] : []),
      ];
      const owner = params['owner']!;
      const repo = params['repo']!;
      const headers: Record<string, string> = links.length ? { link: links.join(', ') } : {};
      return { status: 200, body: items.map((c) => commentJson(baseUrl, owner, repo, Number(params['issue_number']), c)), headers };
    },
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': ({ params, body, s, baseUrl }) => {
      const text = field(body, 'body');
      if (typeof text !== 'string' || text.length === 0) throw new HttpError(422, 'Validation Failed', {}, { errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }] });
      if (text.length > 65_536) throw new HttpError(422, 'Validation Failed', {}, { errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }] });
      const at = tick();
      const c: Comment = { id: nextId++, body: text, user: 'github-actions[bot]', created_at: at, updated_at: at };
      issueComments(s, Number(params['issue_number'])).push(c);
      return { status: 201, body: commentJson(baseUrl, params['owner']!, params['repo']!, Number(params['issue_number']), c) };
    },
    'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': ({ params, body, s, baseUrl }) => {
      const id = Number(params['comment_id']);
      for (const [issue, list] of s.comments) {
        const c = list.find((x) => x.id === id);
        if (!c) continue;
        const text = field(body, 'body');
        if (typeof text !== 'string' || text.length === 0) throw new HttpError(422, 'Validation Failed');
        if (text.length > 65_536) throw new HttpError(422, 'Validation Failed', {}, { errors: ['body is too long (maximum is 65536 characters)'] });
        c.body = text;
        c.updated_at = tick();
        return { status: 200, body: commentJson(baseUrl, params['owner']!, params['repo']!, issue, c) };
      }
      throw new HttpError(404, 'Not Found');
    },
    'GET /repos/{owner}/{repo}/git/ref/{ref}': ({ params, s, baseUrl }) => {
      const ref = `refs/${params['ref']!}`;
      const sha = s.refs.get(ref);
      if (!sha) throw new HttpError(404, 'Not Found');
      return { status: 200, body: refJson(baseUrl, params, ref, sha) };
    },
    'POST /repos/{owner}/{repo}/git/refs': ({ params, body, s, baseUrl }) => {
      const ref = field(body, 'ref');
      const sha = field(body, 'sha');
      if (typeof ref !== 'string' || !/^refs\/.+\/.+/.test(ref)) throw new HttpError(422, "Reference name must start with 'refs/' and have at least two slashes.");
      if (typeof sha !== 'string' || !s.commits.has(sha)) throw new HttpError(422, 'Object does not exist');
      if (s.refs.has(ref)) throw new HttpError(422, 'Reference already exists');
      s.refs.set(ref, sha);
      return { status: 201, body: refJson(baseUrl, params, ref, sha) };
    },
    'PATCH /repos/{owner}/{repo}/git/refs/{ref}': ({ params, body, s, baseUrl }) => {
      const ref = `refs/${params['ref']!}`;
      const current = s.refs.get(ref);
      if (!current) throw new HttpError(422, 'Reference does not exist');
      const sha = field(body, 'sha');
      if (typeof sha !== 'string' || !s.commits.has(sha)) throw new HttpError(422, 'Object does not exist');
      if (field(body, 'force') !== true && !isAncestor(s, current, sha)) throw new HttpError(422, 'Update is not a fast forward');
      s.refs.set(ref, sha);
      return { status: 200, body: refJson(baseUrl, params, ref, sha) };
    },
    'POST /repos/{owner}/{repo}/git/blobs': ({ body, s, baseUrl, params }) => {
      const content = field(body, 'content');
      const encoding = field(body, 'encoding') ?? 'utf-8';
      if (typeof content !== 'string') throw new HttpError(422, 'Invalid request.\n\n"content" wasn\'t supplied.');
      if (encoding !== 'base64' && encoding !== 'utf-8') throw new HttpError(422, `encoding must be utf-8 or base64`);
      const sha = storeBlob(s, Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8'));
      return { status: 201, body: { sha, url: `${baseUrl}/repos/${params['owner']}/${params['repo']}/git/blobs/${sha}` } };
    },
    'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': ({ params, s, baseUrl }) => {
      const sha = params['file_sha']!;
      const blob = s.blobs.get(sha);
      if (!blob) throw new HttpError(404, 'Not Found');
      // GitHub wraps the base64 content at 60 characters.
      const content = (blob.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
      return { status: 200, body: { sha, node_id: `B_${sha}`, size: blob.length, url: `${baseUrl}/repos/${params['owner']}/${params['repo']}/git/blobs/${sha}`, content: content ? `${content}\n` : '', encoding: 'base64' } };
    },
    'POST /repos/{owner}/{repo}/git/trees': ({ params, body, s, baseUrl }) => {
      const baseTree = field(body, 'base_tree');
      const entries = field(body, 'tree');
      if (!Array.isArray(entries)) throw new HttpError(422, 'Invalid request.\n\n"tree" wasn\'t supplied.');
      if (baseTree !== undefined && (typeof baseTree !== 'string' || !s.trees.has(baseTree))) throw new HttpError(422, 'Invalid tree info');
      // A mutable nested copy of the base tree: name → blob entry or sub-folder.
      type Node = Map<string, TreeEntry | { folder: Node | undefined; sha?: string }>;
      const load = (sha: string | undefined): Node => {
        const node: Node = new Map();
        for (const e of sha ? s.trees.get(sha) ?? [] : []) node.set(e.name, e.type === 'tree' ? { folder: undefined, sha: e.sha } : e);
        return node;
      };
      const root = load(typeof baseTree === 'string' ? baseTree : undefined);
      for (const raw of entries) {
        const path = field(raw, 'path');
        const mode = field(raw, 'mode');
        const type = field(raw, 'type');
        let sha = field(raw, 'sha');
        const content = field(raw, 'content');
        if (typeof path !== 'string' || path === '' || path.startsWith('/') || path.endsWith('/')) throw new HttpError(422, 'Invalid tree info', {}, { errors: [`invalid path ${String(path)}`] });
        if (typeof content === 'string') sha = storeBlob(s, Buffer.from(content, 'utf8'));
        if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) throw new HttpError(422, 'Invalid tree info', {}, { errors: ['only blob entries are served here'] });
        if (sha !== null && (typeof sha !== 'string' || !s.blobs.has(sha))) throw new HttpError(422, 'Invalid tree info', {}, { errors: [`tree.sha ${String(sha)} is not a valid blob`] });
        const parts = path.split('/');
        let node = root;
        for (const name of parts.slice(0, -1)) {
          let sub = node.get(name);
          if (!sub || !('folder' in sub)) node.set(name, (sub = { folder: new Map() }));
          sub.folder ??= load(sub.sha);
          node = sub.folder;
        }
        const leaf = parts[parts.length - 1]!;
        if (sha === null) node.delete(leaf);
        else node.set(leaf, { name: leaf, mode, type: 'blob', sha: sha as string });
      }
      const write = (node: Node): string => {
        const out: TreeEntry[] = [];
        for (const [name, e] of node) {
          if ('folder' in e) {
            const sha = e.folder ? write(e.folder) : e.sha!;
            if ((s.trees.get(sha) ?? []).length > 0) out.push({ name, mode: '040000', type: 'tree', sha });
          } else out.push(e);
        }
        return storeTree(s, out);
      };
      const sha = write(root);
      return { status: 201, body: treeJson(baseUrl, params, s, sha, false) };
    },
    'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': ({ params, query, s, baseUrl }) => {
      const sha = params['tree_sha']!;
      if (!s.trees.has(sha)) throw new HttpError(404, 'Not Found');
      const recursive = query['recursive'] !== undefined && query['recursive'] !== '0' && query['recursive'] !== 'false';
      return { status: 200, body: treeJson(baseUrl, params, s, sha, recursive) };
    },
    'POST /repos/{owner}/{repo}/git/commits': ({ params, body, s, baseUrl }) => {
      const message = field(body, 'message');
      const tree = field(body, 'tree');
      const parents = field(body, 'parents') ?? [];
      if (typeof message !== 'string') throw new HttpError(422, 'Invalid request.\n\n"message" wasn\'t supplied.');
      if (typeof tree !== 'string' || !s.trees.has(tree)) throw new HttpError(422, 'Tree SHA does not exist');
      if (!Array.isArray(parents) || parents.some((p) => typeof p !== 'string' || !s.commits.has(p))) throw new HttpError(422, 'Parent SHA does not exist or is not a commit object');
      const date = tick();
      const who = `perf-gate <perf-gate@users.noreply.github.com> ${Math.floor(Date.parse(date) / 1000)} +0000`;
      const text = [`tree ${tree}`, ...parents.map((p) => `parent ${String(p)}`), `author ${who}`, `committer ${who}`, '', message].join('\n');
      const sha = hashObject('commit', Buffer.from(text));
      const commit: Commit = { sha, tree, parents: parents as string[], message, date };
      s.commits.set(sha, commit);
      return { status: 201, body: commitJson(baseUrl, params, commit) };
    },
    'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': ({ params, s, baseUrl }) => {
      const c = s.commits.get(params['commit_sha']!);
      if (!c) throw new HttpError(404, 'Not Found');
      return { status: 200, body: commitJson(baseUrl, params, c) };
    },
    'POST /repos/{owner}/{repo}/statuses/{sha}': ({ params, body, s }) => {
      const st = field(body, 'state');
      const description = field(body, 'description');
      if (st !== 'error' && st !== 'failure' && st !== 'pending' && st !== 'success') throw new HttpError(422, 'Validation Failed', {}, { errors: [{ resource: 'Status', code: 'custom', field: 'state', message: `state is not included in the list` }] });
      // Stricter than GitHub, which documents the limit but not its answer: a longer description is refused.
      if (typeof description === 'string' && description.length > 140) throw new HttpError(422, 'Validation Failed', {}, { errors: ['description is too long (maximum is 140 characters)'] });
      const status: CommitStatus = {
        id: nextId++,
        sha: params['sha']!,
        state: st,
        context: typeof field(body, 'context') === 'string' ? (field(body, 'context') as string) : 'default',
        description: typeof description === 'string' ? description : null,
        target_url: typeof field(body, 'target_url') === 'string' ? (field(body, 'target_url') as string) : null,
      };
      s.statuses.push(status);
      return { status: 201, body: { ...status, created_at: tick() } };
    },
    'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches': ({ params, body, s }) => {
      const ref = field(body, 'ref');
      const inputs = field(body, 'inputs') ?? {};
      if (typeof ref !== 'string' || ref === '') throw new HttpError(422, 'Invalid request.\n\n"ref" wasn\'t supplied.');
      if (typeof inputs !== 'object' || inputs === null || Object.values(inputs).some((v) => typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) {
        throw new HttpError(422, 'Invalid request.\n\nFor \'properties/inputs\', values must be strings.');
      }
      s.workflowDispatches.push({ workflow: params['workflow_id']!, ref, inputs: inputs as Record<string, unknown> });
      return { status: 204 };
    },
    'POST /repos/{owner}/{repo}/dispatches': ({ body, s }) => {
      const eventType = field(body, 'event_type');
      const payload = field(body, 'client_payload');
      if (typeof eventType !== 'string' || eventType === '' || eventType.length > 100) throw new HttpError(422, 'Invalid request.\n\n"event_type" wasn\'t supplied.');
      if (payload !== undefined && (typeof payload !== 'object' || payload === null || Object.keys(payload).length > 10)) {
        throw new HttpError(422, 'Invalid request.\n\nNo more than 10 properties are allowed; client_payload has too many.');
      }
      s.repositoryDispatches.push({ event_type: eventType, client_payload: payload });
      return { status: 204 };
    },
    // GitHub's issues list holds pull requests too (with `pull_request`); `labels` is a comma-separated AND;
    // `state` open (default), closed or all; newest first, paged as the comments are.
    'GET /repos/{owner}/{repo}/issues': ({ params, query, s, baseUrl, path }) => {
      const state = query['state'] ?? 'open';
      if (!['open', 'closed', 'all'].includes(state)) throw new HttpError(422, 'Validation Failed');
      const wanted = (query['labels'] ?? '').split(',').map((l) => l.trim()).filter((l) => l !== '');
      const list = [...s.issues.values()]
        .filter((i) => (state === 'all' || i.state === state) && wanted.every((l) => i.labels.includes(l)))
        .sort((a, b) => b.number - a.number);
      const perPage = Math.min(100, Math.max(1, Number(query['per_page'] ?? 30) || 30));
      const page = Math.max(1, Number(query['page'] ?? 1) || 1);
      const last = Math.max(1, Math.ceil(list.length / perPage));
      const rest = Object.entries(query).filter(([k]) => k !== 'page' && k !== 'per_page').map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join('');
      const link = (p: number, rel: string) => `<${baseUrl}${path}?per_page=${perPage}${rest}&page=${p}>; rel="${rel}"`;
      const links = [...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []), ...(page > 1 ? [link(page - 1, 'prev'), link(1, 'first')] : [])];
      const headers: Record<string, string> = links.length ? { link: links.join(', ') } : {};
      return { status: 200, body: list.slice((page - 1) * perPage, page * perPage).map((i) => issueJson(baseUrl, params['owner']!, params['repo']!, i)), headers };
    },
    'POST /repos/{owner}/{repo}/issues': ({ params, body, s, baseUrl }) => {
      const title = field(body, 'title');
      if (typeof title !== 'string' || title.trim() === '') throw new HttpError(422, 'Validation Failed', {}, { errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }] });
      const text = field(body, 'body');
      if (typeof text === 'string' && text.length > 65_536) throw new HttpError(422, 'Validation Failed', {}, { errors: [{ resource: 'Issue', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }] });
      const labels = field(body, 'labels');
      const names = Array.isArray(labels) ? labels.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name))) : [];
      const issue = addIssue(s, title, typeof text === 'string' ? text : null, names, 'open', false);
      return { status: 201, body: issueJson(baseUrl, params['owner']!, params['repo']!, issue) };
    },
    'PATCH /repos/{owner}/{repo}/issues/{issue_number}': ({ params, body, s, baseUrl }) => {
      const issue = s.issues.get(Number(params['issue_number']));
      if (!issue) throw new HttpError(404, 'Not Found');
      const title = field(body, 'title');
      const text = field(body, 'body');
      const state = field(body, 'state');
      if (title !== undefined) {
        if (typeof title !== 'string' || title.trim() === '') throw new HttpError(422, 'Validation Failed');
        issue.title = title;
      }
      if (text !== undefined) {
        if (typeof text === 'string' && text.length > 65_536) throw new HttpError(422, 'Validation Failed', {}, { errors: ['body is too long (maximum is 65536 characters)'] });
        issue.body = typeof text === 'string' ? text : null;
      }
      if (state !== undefined) {
        if (state !== 'open' && state !== 'closed') throw new HttpError(422, 'Validation Failed');
        const reason = field(body, 'state_reason');
        issue.state_reason = state === 'closed' ? (reason === 'not_planned' ? 'not_planned' : 'completed') : issue.state === 'closed' ? 'reopened' : issue.state_reason;
        issue.state = state;
      }
      issue.updated_at = tick();
      return { status: 200, body: issueJson(baseUrl, params['owner']!, params['repo']!, issue) };
    },
    'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': ({ params, s }) => {
      const pulls = s.pullsByCommit.get(params['commit_sha']!) ?? [];
      return { status: 200, body: pulls.map((p) => ({ number: p.number, state: 'closed', labels: p.labels.map((l, i) => ({ id: i + 1, name: l.name })) })) };
    },
  };

  const compiled = ROUTES.map((route) => {
    const [method, template] = route.split(' ') as [string, string];
    const names: string[] = [];
    const source = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { route, method, regex: new RegExp(`^${source}$`), names };
  });

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const baseUrl = `http://${req.headers.host ?? '127.0.0.1'}`;
    const u = new URL(req.url ?? '/', baseUrl);
    const rawPath = u.pathname;
    const query = Object.fromEntries(u.searchParams);
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    let body: unknown;
    let answer: Answer;
    let route: Route | undefined;
    const path = safeDecode(rawPath);
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    try {
      try {
        body = raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as unknown) : undefined;
      } catch {
        throw new HttpError(400, 'Problems parsing JSON');
      }
      let params: Params | undefined;
      for (const c of compiled) {
        if (c.method !== method) continue;
        const m = c.regex.exec(rawPath);
        if (!m) continue;
        route = c.route;
        params = Object.fromEntries(c.names.map((n, i) => [n, safeDecode(m[i + 1]!)]));
        break;
      }
      // A ref with slashes can also arrive unencoded (heads/feature/x).
      if (!route) {
        const m = /^\/repos\/([^/]+)\/([^/]+)\/git\/(ref|refs)\/(.+)$/.exec(rawPath);
        if (m && ((method === 'GET' && m[3] === 'ref') || (method === 'PATCH' && m[3] === 'refs'))) {
          route = method === 'GET' ? 'GET /repos/{owner}/{repo}/git/ref/{ref}' : 'PATCH /repos/{owner}/{repo}/git/refs/{ref}';
          params = { owner: safeDecode(m[1]!), repo: safeDecode(m[2]!), ref: safeDecode(m[4]!) };
        }
      }
      if (!route || !params) throw new HttpError(404, 'Not Found');

      const injection = injections.find((i) => i.remaining > 0 && (i.route === '*' || i.route === route));
      if (injection) {
        injection.remaining--;
        const f = injection.fault;
        switch (f.kind) {
          case 'status':
            throw new HttpError(f.status, f.message ?? DEFAULT_MESSAGES[f.status] ?? 'Error', f.status === 403 ? { 'x-accepted-github-permissions': acceptedPermission(route) } : {});
          case 'rate-limit':
            throw new HttpError(f.status, 'API rate limit exceeded for installation ID 4242.', {
              'x-ratelimit-limit': '5000',
              'x-ratelimit-remaining': '0',
              'x-ratelimit-used': '5000',
              'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + f.resetInSeconds),
              'x-ratelimit-resource': 'core',
            });
          case 'secondary-rate-limit':
            throw new HttpError(f.status, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', {
              'retry-after': String(f.retryAfterSeconds),
            });
          case 'before':
            await f.run();
            break;
        }
      }

      if (token && state.readOnlyTokens.has(token) && method !== 'GET') {
        throw new HttpError(403, 'Resource not accessible by integration', { 'x-accepted-github-permissions': acceptedPermission(route) });
      }
      answer = handlers[route]({ params, query, body, s: repoState(params['owner'], params['repo']), baseUrl, path: rawPath });
    } catch (err) {
      if (!(err instanceof HttpError)) {
        answer = { status: 500, body: { message: err instanceof Error ? err.message : String(err) } };
      } else {
        answer = {
          status: err.status,
          headers: err.headers,
          body: { message: err.message, documentation_url: 'https://docs.github.com/rest', status: String(err.status), ...err.extra },
        };
      }
    }
    calls.push({ method, path, route, query, body, status: answer.status, token, at });
    const headers: Record<string, string> = {
      'x-github-request-id': `LOCAL:${calls.length}`,
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      ...answer.headers,
    };
    if (answer.body === undefined) {
      res.writeHead(answer.status, headers);
      res.end();
      return;
    }
    res.writeHead(answer.status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer.body));
  }

  function treeJson(baseUrl: string, params: Params, s: RepoState, sha: string, recursive: boolean) {
    const api = `${baseUrl}/repos/${params['owner']}/${params['repo']}/git`;
    const out: { path: string; mode: string; type: string; sha: string; size?: number; url: string }[] = [];
    const walk = (treeSha: string, prefix: string) => {
      for (const e of s.trees.get(treeSha) ?? []) {
        const path = `${prefix}${e.name}`;
        out.push(e.type === 'blob'
          ? { path, mode: e.mode, type: 'blob', sha: e.sha, size: s.blobs.get(e.sha)?.length ?? 0, url: `${api}/blobs/${e.sha}` }
          : { path, mode: '040000', type: 'tree', sha: e.sha, url: `${api}/trees/${e.sha}` });
        if (recursive && e.type === 'tree') walk(e.sha, `${path}/`);
      }
    };
    walk(sha, '');
    const truncated = recursive && out.length > state.maxRecursiveTreeEntries;
    return { sha, url: `${api}/trees/${sha}`, tree: truncated ? out.slice(0, state.maxRecursiveTreeEntries) : out, truncated };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    calls,
    inject(route, fault, times = 1) {
      injections.push({ route, fault, remaining: times });
    },
    callsTo: (route) => calls.filter((c) => c.route === route),
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    }),
  };
}

function commentJson(baseUrl: string, owner: string, repo: string, issue: number, c: Comment) {
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${baseUrl}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${c.id}`,
    issue_url: `${baseUrl}/repos/${owner}/${repo}/issues/${issue}`,
    body: c.body,
    user: { login: c.user, id: 1, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: 'NONE',
  };
}

function refJson(baseUrl: string, params: Record<string, string>, ref: string, sha: string) {
  const api = `${baseUrl}/repos/${params['owner']}/${params['repo']}/git`;
  return { ref, node_id: `REF_${ref}`, url: `${api}/${ref}`, object: { sha, type: 'commit', url: `${api}/commits/${sha}` } };
}

function commitJson(baseUrl: string, params: Record<string, string>, c: Commit) {
  const api = `${baseUrl}/repos/${params['owner']}/${params['repo']}/git`;
  const who = { name: 'perf-gate', email: 'perf-gate@users.noreply.github.com', date: c.date };
  return {
    sha: c.sha,
    node_id: `C_${c.sha}`,
    url: `${api}/commits/${c.sha}`,
    html_url: `https://github.com/${params['owner']}/${params['repo']}/commit/${c.sha}`,
    author: who,
    committer: who,
    message: c.message,
    tree: { sha: c.tree, url: `${api}/trees/${c.tree}` },
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `https://github.com/${params['owner']}/${params['repo']}/commit/${p}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
  };
}

function field(body: unknown, name: string): unknown {
  return body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
