/**
 * The JSON report (schema `perf-gate/report@1`, documented in docs/report.md): the Report as data, keys in a
 * fixed documented order whatever order the gate built its objects in, 2-space indent, trailing newline.
 */
import type { Report } from '../gate/verdict.js';
/**
 * Renders a report as JSON with a stable key order (the order of docs/report.md; keys unknown to this version
 * follow in alphabetical order, so nothing is lost), 2-space indent and a trailing newline.
 * `JSON.parse(renderJson(r))` deep-equals `r` plus the words (`headline`; each finding's `threshold` and
 * `message`); keys whose value is `undefined` are left out, as JSON does.
 * @throws {TypeError} when a number is NaN or infinite (JSON cannot hold it), naming where: `stages[0].scopes[2].latencyChange is NaN`.
 */
export declare function renderJson(report: Report): string;
