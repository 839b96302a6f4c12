import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIdSegment, templateName } from '../../src/document/name-template.js';

describe('templateName: URL-like names become endpoint templates', () => {
  it.each([
    { what: 'k6 default name: the URL with a numeric id', value: 'http://127.0.0.1:8080/api/alerts/42', expected: 'http://127.0.0.1:8080/api/alerts/{id}' },
    { what: 'several ids', value: 'https://api.example.com/tenants/7/alerts/1234/comments', expected: 'https://api.example.com/tenants/{id}/alerts/{id}/comments' },
    { what: 'a UUID', value: 'GET /api/tenants/7f3c9a2e-0d5b-4c1e-9a8f-3b2d1c0e9f8a/settings', expected: 'GET /api/tenants/{id}/settings' },
    { what: 'an upper-case UUID', value: '/x/7F3C9A2E-0D5B-4C1E-9A8F-3B2D1C0E9F8A', expected: '/x/{id}' },
    { what: 'a Mongo ObjectId', value: '/api/users/507f1f77bcf86cd799439011', expected: '/api/users/{id}' },
    { what: 'a short hash (8 hex digits)', value: '/commits/a1b2c3d4', expected: '/commits/{id}' },
    { what: 'query values, keys kept in order', value: 'http://host/api/alerts?page=3&sort=asc', expected: 'http://host/api/alerts?page={}&sort={}' },
    { what: 'a query key without value stays', value: '/search?debug&q=cats', expected: '/search?debug&q={}' },
    { what: 'an empty query value', value: '/search?q=', expected: '/search?q={}' },
    { what: 'a fragment is dropped', value: '/docs/12#intro', expected: '/docs/{id}' },
    { what: 'a method in front is kept', value: 'DELETE /api/alerts/99', expected: 'DELETE /api/alerts/{id}' },
    { what: 'ids in the host are left alone', value: 'http://10.0.0.12:8080/health', expected: 'http://10.0.0.12:8080/health' },
    { what: 'a URL with a query but no path', value: 'http://host?x=1', expected: 'http://host?x={}' },
    { what: 'already a template', value: 'GET /api/alerts/{id}', expected: 'GET /api/alerts/{id}' },
    { what: "k6's http.url template", value: 'http://host/api/alerts/${}', expected: 'http://host/api/alerts/${}' },
    { what: 'a word that looks hex', value: '/api/deadbeef/facade', expected: '/api/deadbeef/facade' },
    { what: 'a mixed segment', value: '/api/items/item-42', expected: '/api/items/item-42' },
    { what: 'a version segment', value: '/api/v2/alerts', expected: '/api/v2/alerts' },
    { what: 'a name that is not a URL', value: 'POST login', expected: 'POST login' },
    { what: 'a name with spaces after the path', value: 'GET /api/alerts (no token)', expected: 'GET /api/alerts (no token)' },
    { what: 'a plain word', value: 'checkout', expected: 'checkout' },
    { what: 'a number alone (not a path)', value: '42', expected: '42' },
    { what: 'the root path', value: '/', expected: '/' },
  ])('$what: $value → $expected', ({ value, expected }) => {
    expect(templateName(value)).toBe(expected);
  });

  it.each([
    ['123', true],
    ['0', true],
    ['', false],
    ['12a', false],
    ['abcdef12', true],
    ['abcdef1', false],
    ['ABCDEF12', true],
    ['deadbeefcafe', false],
    ['{id}', false],
  ])('isIdSegment(%j) = %s', (segment, expected) => {
    expect(isIdSegment(segment)).toBe(expected);
  });

  it('is idempotent and never makes a path segment out of an id it did not replace', () => {
    const segment = fc.oneof(fc.constantFrom('api', 'alerts', 'v2', '{id}', '', 'a b'), fc.nat().map(String), fc.uuid(), fc.stringMatching(/^[a-z]{1,8}$/));
    const url = fc.tuple(fc.constantFrom('', 'http://h:1', 'GET '), fc.array(segment, { maxLength: 6 }), fc.option(fc.stringMatching(/^[a-z]=[0-9]{1,3}(&[a-z]=[a-z]{0,3})?$/))).map(
      ([head, segments, query]) => `${head}/${segments.join('/')}${query === null ? '' : `?${query}`}`,
    );
    fc.assert(
      fc.property(url, (value) => {
        const t = templateName(value);
        expect(templateName(t)).toBe(t);
        expect(t.split('?')[0]!.split('/').some((s) => isIdSegment(s))).toBe(false);
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});
