import type { Report, StageReport } from './verdict.js';
/** The report of one or more stages: the overall verdict and all findings, failures first. Data only: src/report words it. */
export declare function buildReport(stages: readonly StageReport[], generatedAt: Date): Report;
