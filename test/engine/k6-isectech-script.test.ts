/**
 * examples/k6/isectech.js is the customer's k6 script for examples/isectech-api. k6 cannot be installed
 * here, so this checks it statically (k6 v0.49-safe syntax, ES module syntax, every route named, the
 * security checks) and then runs it in Node with k6's modules stubbed: its options for every stage, and
 * one iteration of the default function against a fake of the API's answers.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const EXAMPLES = join(import.meta.dirname, '../../examples/k6');
const SCRIPT = join(EXAMPLES, 'isectech.js');
const source = readFileSync(SCRIPT, 'utf8');

/** The source with comments removed and string contents blanked (quotes kept), so only code is left. */
function codeOnly(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      out += c;
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\') i++;
        if (text[i] === '\n' && c !== '`') break;
        i++;
      }
      out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The source without comments, strings kept. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"\\])\/\/[^\n]*/g, '$1');
}

/** Every `http.<method>(…)` call in the code: the k6 function and its whole argument text. */
function httpCalls(text: string): { fn: string; args: string }[] {
  const calls: { fn: string; args: string }[] = [];
  const re = /http\.(get|post|put|del|patch|request)\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let depth = 1;
    let j = re.lastIndex;
    while (j < text.length && depth > 0) {
      if (text[j] === '(') depth++;
      else if (text[j] === ')') depth--;
      j++;
    }
    calls.push({ fn: m[1] ?? '', args: text.slice(re.lastIndex, j - 1) });
  }
  return calls;
}

// Every route of examples/isectech-api, with the name tag the script must give it and its k6 function.
const ROUTES = [
  { name: 'POST /api/auth/login', fn: 'post', path: "'/api/auth/login'" },
  { name: 'POST /api/auth/refresh', fn: 'post', path: "'/api/auth/refresh'" },
  { name: 'POST /api/auth/logout', fn: 'post', path: "'/api/auth/logout'" },
  { name: 'GET /api/alerts', fn: 'get', path: "'/api/alerts?status=open&limit=50'" },
  { name: 'POST /api/alerts', fn: 'post', path: "'/api/alerts'" },
  { name: 'PUT /api/alerts/{id}', fn: 'put', path: "'/api/alerts/' + id" },
  { name: 'DELETE /api/alerts/{id}', fn: 'del', path: "'/api/alerts/' + id" },
  { name: 'GET /api/tenants', fn: 'get', path: "'/api/tenants'" },
  { name: 'POST /api/tenants/switch', fn: 'post', path: "'/api/tenants/switch'" },
  { name: 'GET /api/tenants/{id}/settings', fn: 'get', path: "'/api/tenants/' +" },
  { name: 'GET /api/dashboard/metrics', fn: 'get', path: "'/api/dashboard/metrics'" },
  { name: 'POST /api/reports/export', fn: 'post', path: "'/api/reports/export'" },
];

describe('isectech.js: syntax k6 v0.49 runs', () => {
  const code = codeOnly(source);

  it.each([
    { form: 'object spread / rest', token: '...' },
    { form: 'optional chaining', token: '?.' },
    { form: 'nullish coalescing', token: '??' },
    { form: 'block-scoped let', token: 'let ' },
    { form: 'arrow functions', token: '=>' },
    { form: 'async functions', token: 'async ' },
  ])('has no $form ($token) outside comments and strings', ({ token }) => {
    expect(code).not.toContain(token);
  });

  it('finds a token of a refused form when it is there (the stripper keeps code)', () => {
    expect(codeOnly("var a = Object.assign({}, b); // { ...b }\nvar c = d?.e;")).toContain('?.');
    expect(codeOnly("var a = '...'; /* a ?? b */")).not.toMatch(/\.\.\.|\?\?/);
  });

  it('parses as an ES module (node --check on an .mjs copy)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-k6-check-'));
    try {
      const copy = join(dir, 'isectech.mjs');
      writeFileSync(copy, source);
      expect(() => execFileSync(process.execPath, ['--check', copy], { stdio: 'pipe' })).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes its options from stageOptions in ./stages.js and BASE_URL from the environment', () => {
    const code2 = withoutComments(source);
    expect(code2).toMatch(/import \{ stageOptions, stagePreset \} from '\.\/stages\.js';/);
    expect(code2).toMatch(/export var options = stageOptions\(/);
    expect(code2).toContain('__ENV.BASE_URL');
    expect(code2).not.toMatch(/handleSummary/);
  });
});

describe('isectech.js: every endpoint named and tagged', () => {
  const calls = httpCalls(withoutComments(source));

  it.each(ROUTES)('$name: requested with http.$fn and that name tag', ({ name, fn, path }) => {
    const matching = calls.filter((c) => c.args.includes(`'${name}'`));
    expect(matching.length, `no http call named ${name}`).toBeGreaterThan(0);
    for (const call of matching) {
      expect(call.fn).toBe(fn);
      expect(call.args).toContain(path);
    }
  });

  it('names every http call, ids grouped under {id}, and tags each with a tenant', () => {
    const names = new Set(ROUTES.map((r) => r.name));
    names.add('GET /api/alerts (no token)');
    names.add('GET /api/tenants/{id}/settings (other tenant)');
    for (const call of calls) {
      const name = /'((?:GET|POST|PUT|DELETE) \/api\/[^']*)'/.exec(call.args);
      expect(name, `an http.${call.fn} call without a name: ${call.args}`).not.toBeNull();
      expect(names.has(name![1] ?? ''), name![1]).toBe(true);
    }
    // Names come through params(name, session) (tenant from the session) or an explicit tags object.
    expect(source).toMatch(/tags: \{ name: name, tenant: session \? session\.tenant : 'none' \}/);
    expect(source).toMatch(/tags: \{ name: 'POST \/api\/auth\/login', tenant: 'none' \}/);
  });

  it.each(['auth', 'alerts', 'tenants', 'reporting', 'realtime'])('has the group %s', (group) => {
    expect(source).toContain(`group('${group}', function () {`);
  });

  it('has the WebSocket scenario: token, ping, echo, ws_message_latency', () => {
    expect(source).toContain("new Trend('ws_message_latency', true)");
    expect(source).toMatch(/ws\.connect\(url, \{ tags: tags, headers: \{ authorization: /);
    expect(source).toContain("headers: { authorization: 'Bearer ' + session.token }");
    expect(source).not.toMatch(/realtime\/metrics\?token=/);
    expect(source).toContain("socket.send('ping')");
    expect(source).toContain("data.type === 'echo'");
    expect(source).toContain("name: 'WS /api/realtime/metrics'");
  });
});

describe('isectech.js: security checks', () => {
  const calls = httpCalls(withoutComments(source));

  it.each([
    { check: 'login 200', status: 200 },
    { check: 'create alert 201', status: 201 },
    { check: 'no token gets 401', status: 401 },
    { check: 'other tenant settings 403', status: 403 },
  ])('checks "$check"', ({ check, status }) => {
    expect(source).toContain(`'${check}': is(${status})`);
  });

  it('marks 401 and 403 expected on exactly the security requests', () => {
    expect(source).toContain('var EXPECT_401 = http.expectedStatuses(401);');
    expect(source).toContain('var EXPECT_403 = http.expectedStatuses(403);');
    const with401 = calls.filter((c) => c.args.includes('responseCallback: EXPECT_401'));
    const with403 = calls.filter((c) => c.args.includes('responseCallback: EXPECT_403'));
    expect(with401).toHaveLength(1);
    expect(with401[0]!.args).toContain("'GET /api/alerts (no token)', { tenant: session.tenant }"); // no token in it
    expect(with403).toHaveLength(1);
    expect(with403[0]!.args).toContain('otherTenant(session.tenant)');
  });
});

// ---- Running it in Node with k6 stubbed ----

interface Recorded {
  method: string;
  url: string;
  body: unknown;
  params: { headers?: Record<string, string>; tags?: Record<string, string>; responseCallback?: unknown };
}

const STUB = `
function state() { return globalThis.__k6stub; }
function request(method) {
  return function (url, body, params) {
    if (method === 'GET') { params = body; body = null; }
    const rec = { method, url, body, params: params || {} };
    state().requests.push(rec);
    return state().respond(rec);
  };
}
export default {
  expectedStatuses: function () { return { expected: Array.prototype.slice.call(arguments) }; },
  get: request('GET'), post: request('POST'), put: request('PUT'), del: request('DELETE'),
};
export const ws = { connect: function (url, params, fn) { return state().connect(url, params, fn); } };
export function check(value, sets) {
  let all = true;
  for (const name of Object.keys(sets)) { const ok = !!sets[name](value); state().checks.push({ name, ok }); all = all && ok; }
  return all;
}
export function group(name, fn) { state().groups.push(name); return fn(); }
export function sleep() {}
export class Trend { constructor(name, isTime) { this.name = name; this.isTime = isTime; } add(v, tags) { state().trends.push({ name: this.name, isTime: this.isTime, v, tags }); } }
`;

interface Stub {
  requests: Recorded[];
  checks: { name: string; ok: boolean }[];
  groups: string[];
  trends: { name: string; isTime: boolean; v: number; tags: Record<string, string> }[];
  respond(rec: Recorded): { status: number; body: string };
  connect(url: string, params: unknown, fn: (socket: unknown) => void): { status: number };
}

const globals = globalThis as unknown as { __ENV?: Record<string, string>; __VU?: number; __ITER?: number; __k6stub?: Stub };
let dir: string;
let copies = 0;

/** Imports a fresh copy of the script (with stages.js and the stubs) under the given environment. */
async function loadScript(env: Record<string, string>): Promise<{ options: { scenarios: Record<string, Record<string, unknown>>; thresholds: Record<string, string[]> }; default: () => void }> {
  globals.__ENV = env;
  const file = join(dir, `isectech-${copies++}.mjs`);
  writeFileSync(
    file,
    source
      .replace("import http from 'k6/http';", "import http from './k6.mjs';")
      .replace("import ws from 'k6/ws';", "import { ws } from './k6.mjs';")
      .replace("from 'k6';", "from './k6.mjs';")
      .replace("from 'k6/metrics';", "from './k6.mjs';"),
  );
  return (await import(pathToFileURL(file).href)) as never;
}

function token(user: string, tenant: string, n: number): string {
  return `${user}.${tenant}.${n}`;
}

/** A fake of examples/isectech-api's answers, enough for one iteration. */
function fakeApi(): Stub {
  const MEMBERS: Record<string, [string, ...string[]]> = { alice: ['acme'], bob: ['globex'], carol: ['acme', 'globex'] };
  let issued = 0;
  const json = (status: number, value: unknown) => ({ status, body: JSON.stringify(value) });
  const claims = (rec: Recorded) => {
    const auth = rec.params.headers && rec.params.headers.authorization;
    if (!auth) return undefined;
    const [user = '', tenant = ''] = auth.replace('Bearer ', '').split('.');
    return { user, tenant };
  };
  return {
    requests: [],
    checks: [],
    groups: [],
    trends: [],
    respond(rec) {
      const path = rec.url.replace('http://api.test', '');
      if (rec.method === 'POST' && path === '/api/auth/login') {
        const { user, password } = JSON.parse(String(rec.body)) as { user: string; password: string };
        if (password !== `${user}-pass`) return json(401, { error: 'bad password' });
        return json(200, { token: token(user, MEMBERS[user]![0], issued++), tenant: MEMBERS[user]![0], expiresAt: 'later' });
      }
      const c = claims(rec);
      if (!c) return json(401, { error: 'no token' });
      const settings = /^\/api\/tenants\/([^/]+)\/settings$/.exec(path);
      if (settings) return settings[1] === c.tenant ? json(200, { tenant: c.tenant, settings: {} }) : json(403, { error: 'other tenant' });
      if (path === '/api/auth/refresh') return json(200, { token: token(c.user, c.tenant, issued++), tenant: c.tenant });
      if (path === '/api/auth/logout') return { status: 204, body: '' };
      if (rec.method === 'GET' && path.startsWith('/api/alerts?')) return json(200, { alerts: [] });
      if (rec.method === 'POST' && path === '/api/alerts') return json(201, Object.assign({ id: 7 }, JSON.parse(String(rec.body))));
      if (rec.method === 'PUT' && path === '/api/alerts/7') return json(200, { id: 7 });
      if (rec.method === 'DELETE' && path === '/api/alerts/7') return { status: 204, body: '' };
      if (path === '/api/tenants') return json(200, { current: c.tenant, tenants: MEMBERS[c.user]!.map((id: string) => ({ id, name: id })) });
      if (path === '/api/tenants/switch') {
        const { tenant } = JSON.parse(String(rec.body)) as { tenant: string };
        return MEMBERS[c.user]!.includes(tenant) ? json(200, { token: token(c.user, tenant, issued++), tenant }) : json(403, {});
      }
      if (path === '/api/dashboard/metrics') return json(200, { tenant: c.tenant });
      if (path === '/api/reports/export') return { status: 200, body: 'id,title\n' };
      return json(404, {});
    },
    connect(_url, params, fn) {
      const handlers: Record<string, (m?: string) => void> = {};
      let open = true;
      const socket = {
        on: (event: string, h: (m?: string) => void) => {
          handlers[event] = h;
        },
        send: (m: string) => {
          if (open) handlers.message!(JSON.stringify({ type: 'metrics', openAlerts: 1 }));
          if (open) handlers.message!(JSON.stringify({ type: 'echo', data: m }));
        },
        close: () => {
          open = false;
        },
        setTimeout: () => undefined,
      };
      if (!/^Bearer .+/.test(String((params as { headers?: Record<string, string> } | undefined)?.headers?.['authorization'] ?? ''))) return { status: 401 };
      fn(socket);
      handlers.open!();
      return { status: 101 };
    },
  };
}

describe('isectech.js in Node with k6 stubbed', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'perf-gate-k6-isectech-'));
    copyFileSync(join(EXAMPLES, 'stages.js'), join(dir, 'stages.js'));
    writeFileSync(join(dir, 'k6.mjs'), STUB);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    delete globals.__ENV;
    delete globals.__VU;
    delete globals.__ITER;
    delete globals.__k6stub;
  });

  it.each(['smoke', 'load', 'stress', 'spike', 'endurance'])('has one scenario for the %s stage', async (stage) => {
    globals.__k6stub = fakeApi();
    const script = await loadScript({ PERF_GATE_STAGE: stage });
    expect(Object.keys(script.options.scenarios)).toEqual([stage]);
    expect(script.options.scenarios[stage]!.executor).toBeTypeOf('string');
    expect(script.options.thresholds.http_req_failed).toEqual(['rate<0.01']);
  });

  it.each([
    { user: 'alice', vu: 1, tenant: 'acme', after: 'acme' },
    { user: 'bob', vu: 2, tenant: 'globex', after: 'globex' },
    { user: 'carol', vu: 3, tenant: 'acme', after: 'globex' },
  ])('runs one iteration as $user: every endpoint, every check passing', async ({ user, vu, tenant, after }) => {
    const stub = fakeApi();
    globals.__k6stub = stub;
    globals.__VU = vu;
    globals.__ITER = 0;
    const script = await loadScript({ BASE_URL: 'http://api.test/' });
    script.default();

    expect(stub.checks.filter((c) => !c.ok)).toEqual([]);
    expect(stub.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['login 200', 'no token gets 401', 'other tenant settings 403', 'create alert 201', 'ws 101', 'ws ping echoed']));
    const names = stub.requests.map((r) => r.params.tags && r.params.tags.name);
    expect(new Set(names)).toEqual(new Set(ROUTES.map((r) => r.name).concat('GET /api/alerts (no token)', 'GET /api/tenants/{id}/settings (other tenant)')));
    expect(stub.requests[0]!.body).toBe(JSON.stringify({ user, password: `${user}-pass` }));
    for (const r of stub.requests.slice(1)) expect([tenant, after]).toContain(r.params.tags!.tenant);
    expect(stub.requests.every((r) => r.url.startsWith('http://api.test/api/'))).toBe(true);
    expect(stub.groups).toEqual(['auth', 'alerts', 'tenants', 'reporting', 'realtime', 'auth']);

    const anonymous = stub.requests.find((r) => r.params.tags!.name === 'GET /api/alerts (no token)')!;
    expect(anonymous.params.headers!.authorization).toBeUndefined();
    expect(anonymous.params.responseCallback).toEqual({ expected: [401] });
    // The cross-tenant 403 is its own endpoint (as in the embedded workload), not mixed into the 200s.
    expect(stub.requests.filter((r) => r.params.tags!.name === 'GET /api/tenants/{id}/settings' && r.params.responseCallback)).toHaveLength(0);
    const other = stub.requests.filter((r) => r.params.tags!.name === 'GET /api/tenants/{id}/settings (other tenant)');
    expect(other).toHaveLength(1);
    expect(other[0]!.params.responseCallback).toEqual({ expected: [403] });
    expect(other[0]!.url).not.toContain(`/api/tenants/${tenant}/`);

    expect(stub.trends).toHaveLength(1);
    expect(stub.trends[0]).toMatchObject({ name: 'ws_message_latency', isTime: true, tags: { tenant: after } });
    const logout = stub.requests[stub.requests.length - 1]!;
    expect(logout.params.tags!.name).toBe('POST /api/auth/logout');
    expect(logout.params.headers!.authorization).toMatch(new RegExp(`^Bearer ${user}\\.${after}\\.`));
  });

  it('skips the WebSocket and the export on iterations between WS_EVERY and EXPORT_EVERY', async () => {
    const stub = fakeApi();
    globals.__k6stub = stub;
    globals.__VU = 1;
    globals.__ITER = 3;
    const script = await loadScript({ BASE_URL: 'http://api.test', WS_EVERY: '10', EXPORT_EVERY: '5' });
    script.default();
    expect(stub.groups).not.toContain('realtime');
    expect(stub.requests.map((r) => r.params.tags!.name)).not.toContain('POST /api/reports/export');
    expect(stub.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('stops at once with a message naming a bad knob', async () => {
    globals.__k6stub = fakeApi();
    await expect(loadScript({ WS_EVERY: 'often' })).rejects.toThrow(/WS_EVERY must be a whole number/);
    await expect(loadScript({ USERS: 'alice' })).rejects.toThrow(/USERS must be user:password pairs/);
  });
});
