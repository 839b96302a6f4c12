/**
 * Sends a judged run to a Prometheus remote-write endpoint (Prometheus, Mimir, Thanos, VictoriaMetrics).
 * The CLI and the Action share it; both hand it the credentials, which no message here ever contains.
 */

import { encodeRemoteWrite, REMOTE_WRITE_HEADERS } from '../export/remote-write.js';
import type { MetricSample } from '../export/run-metrics.js';

export type RemoteWriteAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string };

export interface RemoteWriteTarget {
  readonly url: string;
  readonly auth: RemoteWriteAuth;
  /** Default 10 s. */
  readonly timeoutMs?: number;
}

/** A push that did not land: the message names the URL (without any user:password in it) and what to do. */
export class RemoteWriteError extends Error {
  override readonly name = 'RemoteWriteError';
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** How much of an error response's body goes into the message: enough for Prometheus's one-line reasons. */
const BODY_EXCERPT = 300;

/**
 * Checks a remote-write URL before anything is measured, so a typo fails fast.
 *
 * @throws RemoteWriteError when it is not an http(s) URL, or carries credentials (they belong in the auth inputs)
 */
export function checkRemoteWriteUrl(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RemoteWriteError(`${what}: not a URL: '${url}' — give the receiver's full address, e.g. http://prometheus:9090/api/v1/write`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RemoteWriteError(`${what}: must be http:// or https://, got '${parsed.protocol}' — e.g. http://prometheus:9090/api/v1/write`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new RemoteWriteError(`${what}: the URL must not carry a user name or password — pass them as the username/password (or bearer token) settings, which are kept out of logs`);
  }
  return parsed;
}

/**
 * POSTs `samples` at `timestampMs` to `target`.
 *
 * @throws RemoteWriteError on a bad URL, a network failure, a timeout or a non-2xx answer (status and the
 *   start of the body; never the credentials)
 */
export async function pushRemoteWrite(samples: readonly MetricSample[], timestampMs: number, target: RemoteWriteTarget, fetchImpl: typeof fetch = fetch): Promise<void> {
  const url = checkRemoteWriteUrl(target.url, 'Prometheus remote-write URL');
  const where = `${url.origin}${url.pathname}`;
  const body = encodeRemoteWrite(samples, timestampMs);
  const timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { ...REMOTE_WRITE_HEADERS, 'User-Agent': 'perf-gate', ...authHeader(target.auth) },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    const why = timedOut ? `no answer within ${timeoutMs / 1000} s` : causeText(err);
    throw new RemoteWriteError(`Prometheus remote-write to ${where} failed: ${why} — check the URL and that the receiver is reachable`);
  }
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  const text = (await response.text().catch(() => '')).trim();
  const excerpt = redact(text.length > BODY_EXCERPT ? `${text.slice(0, BODY_EXCERPT)}…` : text, target.auth);
  const hint = response.status === 401 || response.status === 403 ? ' — check the credentials' : response.status === 404 ? ' — check the path (Prometheus: /api/v1/write, started with --web.enable-remote-write-receiver)' : '';
  throw new RemoteWriteError(`Prometheus remote-write to ${where} answered ${response.status} ${response.statusText}${excerpt === '' ? '' : `: ${excerpt}`}${hint}`);
}

function authHeader(auth: RemoteWriteAuth): Record<string, string> {
  switch (auth.kind) {
    case 'none':
      return {};
    case 'bearer':
      return { Authorization: `Bearer ${auth.token}` };
    case 'basic':
      return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
  }
}

/** A receiver may echo the request's headers in its error: the secrets never reach a message. */
function redact(text: string, auth: RemoteWriteAuth): string {
  const secrets = auth.kind === 'bearer' ? [auth.token] : auth.kind === 'basic' ? [auth.password, Buffer.from(`${auth.username}:${auth.password}`).toString('base64')] : [];
  return secrets.filter((s) => s !== '').reduce((t, s) => t.split(s).join('***'), text);
}

function causeText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // fetch's TypeError says only "fetch failed"; the system error (ECONNREFUSED, ENOTFOUND) is its cause.
  const cause = err.cause instanceof Error ? err.cause.message : undefined;
  return cause === undefined ? err.message : `${err.message} (${cause})`;
}
