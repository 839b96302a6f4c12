import { describe, expect, it } from 'vitest';
import { RunView } from '../../src/document/run-view.js';
import { logLevelOf } from '../../src/document/run-level.js';
import { lognormal, syntheticRun } from '../gate/synthetic.js';

const levelOf = (latencies: readonly number[]) => {
  const view = new RunView(syntheticRun({ endpoints: { 'GET /a': { latencies } } }));
  return logLevelOf(view.windows('http_req_duration{name:GET /a}', 'trend'));
};

describe('logLevelOf', () => {
  it('is the mean of ln latency with its standard error: constant latencies have none', () => {
    const l = levelOf(Array(100).fill(5))!;
    expect(l.count).toBe(100);
    // The windows keep ln of the HDR-recorded value (3 significant digits).
    expect(l.logMean).toBeCloseTo(Math.log(5), 3);
    expect(l.se).toBeCloseTo(0, 6);
  });

  it('log-normal requests spread evenly: ≈ ln(median), se ≈ σ/√n (no clustering to speak of)', () => {
    const l = levelOf(lognormal(2000, 40, 0.3, 7))!;
    expect(l.logMean).toBeCloseTo(Math.log(40), 1);
    expect(l.se).toBeGreaterThan(0.3 / Math.sqrt(2000) * 0.8);
    expect(l.se).toBeLessThan(0.3 / Math.sqrt(2000) * 1.6);
  });

  it('is undefined below two requests', () => {
    expect(levelOf([12])).toBeUndefined();
  });
});
