import type { RunDocument } from '../document/run-document.js';
/**
 * A baseline and a current run measured by different load tools. Their latencies come from different
 * clients (k6's Go HTTP client, JMeter's Java samplers, Artillery's Node agents): each times a request
 * from its own start to its own end, so a difference between them says as much about the tools as about
 * the service. The gate refuses rather than reporting that difference as a regression or a pass.
 */
export declare class IncomparableRunsError extends Error {
    readonly baselineTool: string;
    readonly currentTool: string;
    constructor(baselineTool: string, currentTool: string);
}
/** Whether two runs were measured by the same load tool (and so can be compared). */
export declare function sameTool(baseline: RunDocument, current: RunDocument): boolean;
/** @throws IncomparableRunsError when the two runs come from different load tools. */
export declare function checkSameTool(baseline: RunDocument, current: RunDocument): void;
