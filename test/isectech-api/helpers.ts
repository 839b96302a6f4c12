import { startServer, type RunningServer, type ServerOptions } from '../../examples/isectech-api/src/index.js';

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
  ms: number;
}

/** One request to the example API; JSON bodies are parsed, others returned as text. */
export async function call(
  server: RunningServer,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  const isJson = response.headers.get('content-type')?.includes('application/json') === true;
  return { status: response.status, body: isJson ? (JSON.parse(text) as unknown) : text, headers: response.headers, ms };
}

export async function login(server: RunningServer, user: string): Promise<string> {
  const answer = await call(server, 'POST', '/api/auth/login', { body: { user, password: `${user}-pass` } });
  if (answer.status !== 200) throw new Error(`login as ${user} answered ${answer.status}`);
  return (answer.body as { token: string }).token;
}

/** A server with simulated latency off unless the test asks for it. */
export function quickServer(options: ServerOptions = {}): Promise<RunningServer> {
  return startServer({ latencyScale: 0, ...options });
}

/** The value of one unlabelled sample in a Prometheus text exposition. */
export function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (line === undefined) throw new Error(`no metric ${name} in /metrics`);
  return Number(line.slice(name.length + 1));
}
