import { describe, expect, it } from 'vitest';
import type { ResourceComparison } from '../../src/gate/resources.js';
import type { Finding } from '../../src/gate/verdict.js';
import { resourceHints, resourcesText } from '../../src/report/resource-words.js';

const USE = { cpuPerRequestMs: 0.41, eventLoopLagP99Ms: 10.2, requestsPerSecond: 100, samples: 14 };
const MOVED: ResourceComparison = {
  current: { ...USE, cpuPerRequestMs: 0.554, eventLoopLagP99Ms: 60 },
  baseline: USE,
  changes: [
    { resource: 'cpuPerRequest', from: 0.41, to: 0.554, ratio: 0.554 / 0.41, moved: true },
    { resource: 'eventLoopLag', from: 10.2, to: 60, ratio: 60 / 10.2, moved: true },
  ],
  withinRun: [{ resource: 'openFds', from: 20, to: 21, ratio: 1.05, moved: false }],
};
const STILL: ResourceComparison = { ...MOVED, changes: MOVED.changes.map((c) => ({ ...c, to: c.from, ratio: 1, moved: false })) };
const latencyFail = { kind: 'latency', severity: 'fail' } as Finding;
const errorFail = { kind: 'error-rate', severity: 'fail' } as Finding;

describe('the service resources in words', () => {
  it('gives both runs where both have the figures, with the relative change per request', () => {
    expect(resourcesText(MOVED)).toBe('Service resources (from 14 scrapes of its metrics): CPU per request 0.410 → 0.554 ms (+35.1 %), event-loop p99 lag 10.2 → 60.0 ms.');
  });

  it("gives the current run's alone without a baseline, and what grew within it", () => {
    const alone: ResourceComparison = { current: USE, changes: [], withinRun: [{ resource: 'eventLoopLag', from: 11, to: 60, ratio: 60 / 11, moved: true }] };
    expect(resourcesText(alone)).toBe(
      'Service resources (from 14 scrapes of its metrics): CPU per request 0.410 ms, event-loop p99 lag 10.2 ms; within the current run, first third → last third: event-loop p99 lag 11.0 → 60.0 ms.',
    );
  });

  it.each([
    { what: 'latency failed, resources moved', findings: [latencyFail], r: MOVED, hint: 'Which resource moved with the latency — CPU per request 0.410 → 0.554 ms (+35.1 %); event-loop p99 lag 10.2 → 60.0 ms.' },
    { what: 'latency failed, nothing moved', findings: [latencyFail], r: STILL, hint: undefined },
    { what: 'only errors failed', findings: [errorFail], r: MOVED, hint: undefined },
    { what: 'no findings', findings: [], r: MOVED, hint: undefined },
  ])('hints only beside a latency regression: $what', ({ findings, r, hint }) => {
    expect(resourceHints({ findings, resources: r })).toEqual(hint ? [hint] : []);
  });
});
