import type { RunDocument } from '../document/run-document.js';

/**
 * A baseline and a current run measured by different load tools. Their latencies come from different
 * clients (k6's Go HTTP client, JMeter's Java samplers, Artillery's Node agents): each times a request
 * from its own start to its own end, so a difference between them says as much about the tools as about
 * the service. The gate refuses rather than reporting that difference as a regression or a pass.
 */
export class IncomparableRunsError extends Error {
  constructor(
    readonly baselineTool: string,
    readonly currentTool: string,
  ) {
    super(
      `the baseline was measured with ${baselineTool} and the current run with ${currentTool}: latencies measured by different load tools are not comparable, so the runs were not compared. ` +
        `Compare runs of one tool: measure the baseline again with ${currentTool}, or keep running ${baselineTool}.`,
    );
    this.name = 'IncomparableRunsError';
  }
}

/** Whether two runs were measured by the same load tool (and so can be compared). */
export function sameTool(baseline: RunDocument, current: RunDocument): boolean {
  return baseline.meta.tool === current.meta.tool;
}

/** @throws IncomparableRunsError when the two runs come from different load tools. */
export function checkSameTool(baseline: RunDocument, current: RunDocument): void {
  if (!sameTool(baseline, current)) throw new IncomparableRunsError(baseline.meta.tool, current.meta.tool);
}
