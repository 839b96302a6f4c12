/**
 * Is an arm's service there? One HTTP GET of its URL with a short timeout. Any HTTP answer counts, a
 * 404 or a 500 included: the question is whether something listens, not whether the URL is a page (an
 * API's base URL often answers 404). A refused connection, an unknown host or no answer in time does not.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What the probe found. */
export type ProbeResult =
  | { readonly reachable: true; readonly status: number }
  /** `why`: `connection refused (ECONNREFUSED)`, `no answer within 5 s`, … */
  | { readonly reachable: false; readonly why: string };

/** How long a probe waits for an answer by default. */
export const PROBE_TIMEOUT_MS = 5_000;

/**
 * GETs `url` once and tells whether any HTTP answer came back within `timeoutMs`. Never throws.
 *
 * @example await probeUrl('http://127.0.0.1:1/') // { reachable: false, why: 'connection refused (ECONNREFUSED): nothing listens there' }
 */
export function probeUrl(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.resolve({ reachable: false, why: 'it is not a URL' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return Promise.resolve({ reachable: false, why: `it is not an http(s) URL (${parsed.protocol})` });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: ProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(result);
    };
    const onResponse = (res: IncomingMessage): void => {
      res.resume();
      settle({ reachable: true, status: res.statusCode ?? 0 });
    };
    // A self-signed certificate still means the service is up; the load tool decides whether to trust it.
    const req: ClientRequest = parsed.protocol === 'https:'
      ? httpsRequest(parsed, { method: 'GET', rejectUnauthorized: false, headers: { 'user-agent': 'perf-gate-probe' } }, onResponse)
      : httpRequest(parsed, { method: 'GET', headers: { 'user-agent': 'perf-gate-probe' } }, onResponse);
    // Covers the connection too: a SYN lost to a firewall waits far longer than the OS's own timeouts.
    const timer = setTimeout(() => settle({ reachable: false, why: `no answer within ${timeoutMs / 1000} s` }), timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => settle({ reachable: false, why: describeError(err) }));
    req.end();
  });
}

function describeError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'connection refused (ECONNREFUSED): nothing listens there';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name does not resolve (${err.code})`;
    case 'ECONNRESET':
      return 'the connection was reset before an answer (ECONNRESET)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `the host cannot be reached (${err.code})`;
    default:
      return err.code !== undefined ? `${err.message} (${err.code})` : err.message;
  }
}
