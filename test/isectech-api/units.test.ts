import { describe, expect, it } from 'vitest';
import { issueToken, verifyToken } from '../../examples/isectech-api/src/auth.js';
import { parseFaults, parseRouteTable, valueForPath } from '../../examples/isectech-api/src/faults.js';
import { optionsFromEnv } from '../../examples/isectech-api/src/options.js';
import { logNormal, seededRandom } from '../../examples/isectech-api/src/random.js';
import { RateLimiter } from '../../examples/isectech-api/src/rate-limit.js';

describe('isectech-api: building blocks', () => {
  it.each([
    { what: 'exact route', path: '/api/alerts', expected: 1.3 },
    { what: 'sub-route', path: '/api/alerts/42', expected: 1.3 },
    { what: 'longest prefix wins', path: '/api/alerts/export', expected: 2 },
    { what: 'not on a segment boundary', path: '/api/alertsx', expected: 1 },
    { what: 'other route', path: '/api/tenants', expected: 1 },
  ])('valueForPath: $what', ({ path, expected }) => {
    expect(valueForPath({ '/api/alerts': 1.3, '/api/alerts/export/': 2 }, path, 1)).toBe(expected);
  });

  it('parses route tables and faults, naming what is wrong', () => {
    expect(parseRouteTable('/api/alerts=1.3, /api/dashboard=2', 'ISECTECH_LATENCY')).toEqual({ '/api/alerts': 1.3, '/api/dashboard': 2 });
    expect(() => parseRouteTable('/api/alerts', 'ISECTECH_LATENCY')).toThrow('ISECTECH_LATENCY must look like "/api/alerts=1.3,/api/dashboard=2" but got entry "/api/alerts"');
    expect(() => parseFaults({ errorRate: { '/api/alerts': 1.5 } })).toThrow(/faults\.errorRate\.\/api\/alerts/);
    expect(() => parseFaults({ latency: { alerts: 2 } })).toThrow(/starts with "\/"/);
    expect(() => parseFaults({ leak: 5 })).toThrow(/invalid faults/);
  });

  it('reads options from the environment', () => {
    expect(
      optionsFromEnv({
        PORT: '8080',
        ISECTECH_RATE_LIMIT: '50',
        ISECTECH_FAULTS: '{"errorRate":{"/api/alerts":0.1}}',
        ISECTECH_LATENCY: '/api/dashboard=1.3',
        ISECTECH_LEAK_BYTES: '4096',
      }),
    ).toEqual({
      port: 8080,
      rateLimit: { ratePerSecond: 50, burst: 50 },
      faults: { latency: { '/api/dashboard': 1.3 }, errorRate: { '/api/alerts': 0.1 }, leakBytesPerRequest: 4096, noKeepAlive: false, cpuBurnMs: {} },
    });
    expect(() => optionsFromEnv({ ISECTECH_RATE_LIMIT: 'fast' })).toThrow('ISECTECH_RATE_LIMIT must be a positive number but got "fast"');
    expect(() => optionsFromEnv({ ISECTECH_FAULTS: '{' })).toThrow(/ISECTECH_FAULTS must be JSON/);
  });

  it('signs tokens that verify only unchanged, unexpired and with the same secret', () => {
    const { token } = issueToken('s', { sub: 'alice', tenant: 'acme', tenants: ['acme'] }, 60, 1000);
    expect(verifyToken('s', token, 1059)).toMatchObject({ sub: 'alice', tenant: 'acme', exp: 1060 });
    expect(verifyToken('s', token, 1060)).toBeUndefined();
    expect(verifyToken('other', token, 1000)).toBeUndefined();
    expect(verifyToken('s', `${token}x`, 1000)).toBeUndefined();
  });

  it('token bucket: burst, then one request per 1/rate seconds', () => {
    const limiter = new RateLimiter(10, 2);
    expect([0, 0, 0].map(() => limiter.take('k', 0))).toEqual([true, true, false]);
    expect(limiter.take('k', 50)).toBe(false);
    expect(limiter.take('k', 100)).toBe(true);
    expect(limiter.take('other', 100)).toBe(true);
  });

  it('seeded log-normal latencies repeat per seed, centre on the median and are capped', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 2001 }, () => logNormal(random, 20, 0.5));
    };
    expect(draw(3)).toEqual(draw(3));
    const sorted = [...draw(3)].sort((a, b) => a - b);
    expect(sorted[1000]).toBeGreaterThan(18);
    expect(sorted[1000]).toBeLessThan(22);
    expect(Math.max(...sorted)).toBeLessThanOrEqual(200);
    expect(logNormal(seededRandom(1), 20, 0)).toBe(20);
    expect(logNormal(seededRandom(1), 0, 0.5)).toBe(0);
  });
});
