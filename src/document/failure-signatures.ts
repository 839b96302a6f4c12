import type { FailureSignature } from './run-document.js';

/**
 * Failure signatures: how failed requests failed, as the status code and k6 `error_code` tags of the
 * points of the failures metric (k6's http_req_failed) that counted a failure. A run document keeps, per
 * scope of that metric, how many failed requests had each signature (docs/run-document.md).
 */

/** Most signatures one scope keeps; the rarer ones are counted together as `other`. */
export const MAX_SIGNATURES_PER_SCOPE = 20;

/** Most distinct signatures a run tells apart at all (per failures metric); later new ones are `other` from the start. */
export const MAX_SIGNATURE_KEYS = 200;

/** The key of what stands for every signature past a cap. */
export const OTHER_SIGNATURE = '\u0001other';

const SEPARATOR = '\u0000';

/** The key of the signature of a point's tags: its status and error_code (either may be absent). */
export function signatureKey(tags: Readonly<Record<string, string>>): string {
  return `${tags['status'] ?? ''}${SEPARATOR}${tags['error_code'] ?? ''}`;
}

/** The key of a stored signature (the inverse of `signatureOf`). */
export function keyOfSignature(s: FailureSignature): string {
  return s.other ? OTHER_SIGNATURE : `${s.status ?? ''}${SEPARATOR}${s.errorCode ?? ''}`;
}

/**
 * Failed-request counts by key as the stored list: the most frequent first (then by key, so the list is
 * the same whatever order they were counted in), at most MAX_SIGNATURES_PER_SCOPE named, the rest and
 * any `other` already counted in one `other` entry last. Keys with no failures are left out.
 */
export function signatureList(counts: ReadonlyMap<string, number>): FailureSignature[] {
  let other = counts.get(OTHER_SIGNATURE) ?? 0;
  const named = [...counts].filter(([k, n]) => k !== OTHER_SIGNATURE && n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [, n] of named.slice(MAX_SIGNATURES_PER_SCOPE)) other += n;
  const out: FailureSignature[] = named.slice(0, MAX_SIGNATURES_PER_SCOPE).map(([key, failed]) => {
    const [status, errorCode] = key.split(SEPARATOR) as [string, string];
    return { ...(status !== '' ? { status } : {}), ...(errorCode !== '' ? { errorCode } : {}), failed };
  });
  if (other > 0) out.push({ other: true, failed: other });
  return out;
}

/** Two scopes' signature lists added up (shards of one run): the counts of each signature add exactly. */
export function addSignatureLists(a: readonly FailureSignature[], b: readonly FailureSignature[]): FailureSignature[] {
  const counts = new Map<string, number>();
  for (const s of [...a, ...b]) counts.set(keyOfSignature(s), (counts.get(keyOfSignature(s)) ?? 0) + s.failed);
  return signatureList(counts);
}
