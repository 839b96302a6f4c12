/** What an id-like path segment becomes. */
export const ID_SEGMENT = '{id}';
/** What a query parameter's value becomes. */
export const QUERY_VALUE = '{}';

const METHOD_PREFIX = /^([A-Z]{3,10}) (.*)$/s;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{8,}$/i;

/**
 * Whether a path segment is an id: all digits, a UUID, or 8 or more hex digits with at least one digit
 * (a hash, a Mongo ObjectId). Words are not ids, even hex-looking ones (`deadbeef`, `facade`).
 */
export function isIdSegment(segment: string): boolean {
  if (segment === '') return false;
  if (/^\d+$/.test(segment)) return true;
  if (segment.length === 36 && UUID.test(segment)) return true;
  return HEX.test(segment) && /\d/.test(segment);
}

/**
 * The endpoint template of a tag value that is a URL or a path — what k6 puts in `name` when the script
 * does not name a request: id-like path segments become `{id}` (see {@link isIdSegment}), each query
 * parameter's value becomes `{}` (the keys stay, in their order), a fragment is dropped. An optional HTTP
 * method in front (`GET /api/…`) is kept. Anything else, and a URL with nothing to template, is returned
 * as it is. A pure function of the value, so a baseline and a current run collapse alike.
 *
 * @example templateName('http://127.0.0.1:8080/api/alerts/42?page=3&sort=asc')
 *   // 'http://127.0.0.1:8080/api/alerts/{id}?page={}&sort={}'
 * @example templateName('GET /api/tenants/7f3c9a2e-0d5b-4c1e-9a8f-3b2d1c0e9f8a/settings')
 *   // 'GET /api/tenants/{id}/settings'
 */
export function templateName(value: string): string {
  let method = '';
  let rest = value;
  const m = METHOD_PREFIX.exec(value);
  if (m) {
    method = `${m[1]} `;
    rest = m[2]!;
  }
  let origin = '';
  const scheme = SCHEME.exec(rest);
  if (scheme) {
    const afterScheme = scheme[0].length;
    let end = rest.length;
    for (const c of ['/', '?', '#']) {
      const at = rest.indexOf(c, afterScheme);
      if (at >= 0 && at < end) end = at;
    }
    origin = rest.slice(0, end);
    rest = rest.slice(end);
  } else if (!rest.startsWith('/')) {
    return value;
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  const path = q >= 0 ? rest.slice(0, q) : rest;
  const query = q >= 0 ? rest.slice(q + 1) : undefined;
  const segments = path.split('/').map((s) => (isIdSegment(s) ? ID_SEGMENT : s));
  const params = query === undefined ? undefined : query.split('&').map((p) => {
    const eq = p.indexOf('=');
    return eq < 0 ? p : `${p.slice(0, eq)}=${QUERY_VALUE}`;
  });
  const out = `${method}${origin}${segments.join('/')}${params === undefined ? '' : `?${params.join('&')}`}`;
  return out === value ? value : out;
}
