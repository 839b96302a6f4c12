import type { StagePolicy } from '../config/policy.js';
import type { Finding, StagePower } from './verdict.js';
/**
 * How much the least-powered endpoint of a stage could see: the judged endpoint whose typical-latency test
 * had the largest minimum detectable effect, and the run length at which that test would catch the
 * configured limit with the same power. Assumes a longer run keeps the request rate, the spread and the
 * clustering in time; the run-to-run noise floor does not shrink with length, so past it no length helps.
 * Undefined when no endpoint was tested.
 */
export declare function stagePower(findings: readonly Finding[], policy: StagePolicy, durationSeconds: number): StagePower | undefined;
