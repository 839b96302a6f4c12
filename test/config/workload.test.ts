import { describe, expect, it } from 'vitest';
import { isExpectedStatus, requestName, WorkloadSchema } from '../../src/config/workload.js';

const minimal = { baseUrl: 'http://127.0.0.1:8080', requests: [{ path: '/api/alerts' }], duration: '30s' };

describe('WorkloadSchema', () => {
  it('fills defaults', () => {
    const w = WorkloadSchema.parse(minimal);
    expect(w).toEqual({
      baseUrl: 'http://127.0.0.1:8080',
      requests: [{ method: 'GET', path: '/api/alerts', weight: 1 }],
      connections: 10,
      duration: 30,
      rampUp: 0,
      timeout: 10,
      tags: {},
    });
  });

  it.each([
    { what: 'k6 duration strings', input: { duration: '1m30s', rampUp: '500ms' }, expected: { duration: 90, rampUp: 0.5 } },
    { what: 'plain seconds', input: { duration: 5, rampUp: 1 }, expected: { duration: 5, rampUp: 1 } },
  ])('reads $what', ({ input, expected }) => {
    expect(WorkloadSchema.parse({ ...minimal, ...input })).toMatchObject(expected);
  });

  it('reads a login step with its defaults and lower-cases methods', () => {
    const w = WorkloadSchema.parse({ ...minimal, requests: [{ method: 'post', path: '/x', body: { a: 1 } }], login: { path: '/auth/login', body: { user: 'ada' } } });
    expect(w.requests[0]!.method).toBe('POST');
    expect(w.login).toEqual({ method: 'POST', path: '/auth/login', body: { user: 'ada' }, tokenField: 'token', header: 'authorization', prefix: 'Bearer ' });
  });

  it.each([
    { what: 'a ramp as long as the run', input: { duration: 10, rampUp: 10 }, message: 'must be shorter than duration' },
    { what: 'a duration that is not one', input: { duration: 'soon' }, message: "duration like '30s'" },
    { what: 'a zero duration', input: { duration: 0 }, message: 'more than 0 seconds' },
    { what: 'two requests with one name', input: { requests: [{ path: '/a', name: 'x' }, { path: '/b', name: 'x' }] }, message: "'x' is also the name of requests[0]" },
    { what: 'a path without a slash', input: { requests: [{ path: 'api' }] }, message: "must start with '/'" },
    { what: 'a zero weight', input: { requests: [{ path: '/a', weight: 0 }] }, message: '' },
    { what: 'an unknown key', input: { vus: 5 }, message: '' },
    { what: 'a non-http url', input: { baseUrl: 'ftp://host' }, message: '' },
  ])('rejects $what', ({ input, message }) => {
    const r = WorkloadSchema.safeParse({ ...minimal, ...input });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(message);
  });
});

describe('requestName and isExpectedStatus', () => {
  it('names a request by METHOD path unless named', () => {
    expect(requestName({ method: 'GET', path: '/a' })).toBe('GET /a');
    expect(requestName({ name: 'list', method: 'GET', path: '/a' })).toBe('list');
  });

  it.each([
    { status: 200, expect: undefined, expected: true },
    { status: 399, expect: undefined, expected: true },
    { status: 404, expect: undefined, expected: false },
    { status: 0, expect: undefined, expected: false },
    { status: 401, expect: 401, expected: true },
    { status: 200, expect: [201, 204], expected: false },
    { status: 204, expect: [201, 204], expected: true },
  ])('$status with $expect → $expected', ({ status, expect: e, expected }) => {
    expect(isExpectedStatus(status, e)).toBe(expected);
  });
});
