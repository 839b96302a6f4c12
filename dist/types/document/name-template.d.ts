/** What an id-like path segment becomes. */
export declare const ID_SEGMENT = "{id}";
/** What a query parameter's value becomes. */
export declare const QUERY_VALUE = "{}";
/**
 * Whether a path segment is an id: all digits, a UUID, or 8 or more hex digits with at least one digit
 * (a hash, a Mongo ObjectId). Words are not ids, even hex-looking ones (`deadbeef`, `facade`).
 */
export declare function isIdSegment(segment: string): boolean;
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
export declare function templateName(value: string): string;
