import type { Detector } from '../detector.js';
/**
 * Absolute SLOs in k6's grammar (`p(95)<500`, `rate<0.01`), checked on the current run the way k6 checks
 * them: deterministic, no baseline needed, so they apply on a first run too. A selector the baseline
 * matched and the current run does not is a failure (the requests it watched are gone); one no run
 * matches can only come from a preset or the script (config ones were refused by checkPolicyAgainstRuns)
 * and is reported as not judged.
 */
export declare const thresholds: Detector;
/** `http_req_duration{name:GET /api/alerts}` → { tag: 'name', value: 'GET /api/alerts' } (first tag only). */
export declare function scopeOfSelector(selector: string): {
    tag: string;
    value: string;
} | undefined;
