/**
 * Capacity, with the real k6 (the first of PERF_GATE_TEST_K6) against the example API in its own process: the
 * stress stage of examples/k6/isectech.js, shortened (steps of 10 VUs up to 30, 4 s ramps and holds), once
 * as it is and once with every API request burning 3 ms of CPU. The burn caps what one event loop serves,
 * so the latency breaks away earlier as the VUs grow: the capacity must drop, and the report must say so.
 * Issue 13 §2, "capacity".
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RunDocument } from '../../src/document/run-document.js';
import { capacityText } from '../../src/report/capacity-words.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { MAIN_K6, SKIPPED, warnIfSkipped } from '../support/real-k6.js';
import { FreshApiStages } from './fresh-api-stage.js';

warnIfSkipped('real k6: capacity');

const stages = new FreshApiStages({ seed: 11, knobs: { TARGET_VUS: '10', STRESS_FACTOR: '3', RAMP_UP: '4s', DURATION: '4s', RAMP_DOWN: '2s', THINK: '0.05', WS_EVERY: '1000', EXPORT_EVERY: '1000' } });
const stress = (faults: unknown, baseline?: RunDocument) => stages.run('stress', faults, baseline);

describe.skipIf(MAIN_K6 === undefined)(`capacity of a stress stage, real k6 ${MAIN_K6 ? `v${MAIN_K6.version}` : `(${SKIPPED})`}`, () => {
  afterAll(() => stages.close());

  it('drops when every request burns CPU, and the report says by how much', async () => {
    const baseline = await stress({});
    const base = baseline.report.capacity?.current;
    expect(base?.sustainedRps, JSON.stringify(baseline.report.capacity)).toBeGreaterThan(0);
    const burnt = await stress({ cpuBurnMs: { '/api': 3 } }, baseline.current);
    const c = burnt.report.capacity;
    expect(c?.change, JSON.stringify(c)).toBeLessThan(-0.2);
    const line = capacityText(c!);
    expect(line).toMatch(/^Capacity [\d.,]+ → [\d.,]+ req\/s \(−[\d.]+ %\)/);
    expect(renderMarkdown(burnt.full)).toContain(line.slice(0, 30));
  }, 120_000);
});
