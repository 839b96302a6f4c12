import type { FailureSignature } from './run-document.js';
/**
 * Failure signatures: how failed requests failed, as the status code and k6 `error_code` tags of the
 * points of the failures metric (k6's http_req_failed) that counted a failure. A run document keeps, per
 * scope of that metric, how many failed requests had each signature (docs/run-document.md).
 */
/** Most signatures one scope keeps; the rarer ones are counted together as `other`. */
export declare const MAX_SIGNATURES_PER_SCOPE = 20;
/** Most distinct signatures a run tells apart at all (per failures metric); later new ones are `other` from the start. */
export declare const MAX_SIGNATURE_KEYS = 200;
/** The key of what stands for every signature past a cap. */
export declare const OTHER_SIGNATURE = "\u0001other";
/** The key of the signature of a point's tags: its status and error_code (either may be absent). */
export declare function signatureKey(tags: Readonly<Record<string, string>>): string;
/** The key of a stored signature (the inverse of `signatureOf`). */
export declare function keyOfSignature(s: FailureSignature): string;
/**
 * Failed-request counts by key as the stored list: the most frequent first (then by key, so the list is
 * the same whatever order they were counted in), at most MAX_SIGNATURES_PER_SCOPE named, the rest and
 * any `other` already counted in one `other` entry last. Keys with no failures are left out.
 */
export declare function signatureList(counts: ReadonlyMap<string, number>): FailureSignature[];
/** Two scopes' signature lists added up (shards of one run): the counts of each signature add exactly. */
export declare function addSignatureLists(a: readonly FailureSignature[], b: readonly FailureSignature[]): FailureSignature[];
