// The best the tail row of bench:accuracy could do under perf-gate's fail rule: an oracle that knows, per
// endpoint, the exact spread of the sample p95 (k6's interpolation) of a smoke-sized run on the benchmark's
// quiet machine (scripts/bench-accuracy/noise.ts), compares each current run's ln p95 with the mean of five
// unchanged runs, and fails when the change is beyond +20 % at 70 % confidence (limitConfidence); no Holm,
// no design effect to estimate, no noise floor to assume. It also fails a typical +15 % (under the limit)
// by the same rule. Not part of the test suite; about 15 s. docs/accuracy.md, "The tail row".
//
//   npx tsx scripts/bench-accuracy/oracle.ts [--runs 1000] [--tail-full-from 0.9] [--seed 777]
import { normalQuantile } from '../../src/stats/normal.js';
import { seededRng } from '../../src/stats/random.js';
import { generateRun, type EndpointChange, type EndpointSpec } from './noise.js';
import { ENDPOINTS, MACHINES } from './scenarios.js';
import { percentileSorted } from './stats.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 1000);
const TAIL_FULL_FROM = arg('tail-full-from', 0.9);
const rng = seededRng(arg('seed', 777));
/** The stored baseline runs perf-gate averages a percentile over (bench:accuracy's HISTORY_RUNS). */
const BASELINE_RUNS = 5;
const LOG_LIMIT = Math.log(1.2);
const Z_LIMIT = normalQuantile(0.7);

/** ln p95 of one run of one endpoint on the quiet machine, with `change` applied. */
function logP95(e: EndpointSpec, change?: EndpointChange): number {
  const run = generateRun(MACHINES.quiet, { seconds: 20, endpoints: [e], ...(change ? { changes: { [e.name]: change } } : {}) }, rng);
  return Math.log(percentileSorted(Float64Array.from(run.endpoints[0]!.ms).sort(), 0.95));
}

function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return { mean, sd: Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1)) };
}

/** Share of current runs the oracle fails: each against the mean of five baseline runs, with the exact standard error. */
function failRate(current: readonly number[], baseline: readonly number[]): number {
  const sdC = meanSd(current).sd;
  const sdB = meanSd(baseline).sd;
  const se = Math.sqrt(sdC * sdC + (sdB * sdB) / BASELINE_RUNS);
  let fails = 0;
  for (let k = 0; k < current.length; k++) {
    let sum = 0;
    // Five baseline runs per current run, drawn by a fixed stride from the pool (reused across current runs).
    for (let j = 0; j < BASELINE_RUNS; j++) sum += baseline[(k * BASELINE_RUNS + j * 7 + 3) % baseline.length]!;
    if (current[k]! - sum / BASELINE_RUNS - Z_LIMIT * se > LOG_LIMIT) fails++;
  }
  return fails / current.length;
}

const busy = ENDPOINTS.filter((e) => e.count >= 200);
let tailSum = 0;
let under = 0;
console.log(`quiet machine, ${RUNS} runs per endpoint and kind; tail × 1.3 full from p${TAIL_FULL_FROM * 100}; fail = beyond +20 % at 70 % confidence against the mean of ${BASELINE_RUNS} runs`);
console.log('endpoint                          sd ln p95 (unchanged / tail)   p95 change of the tail   fails the tail   fails typical +15 %');
for (const e of busy) {
  const baseline = Array.from({ length: RUNS }, () => logP95(e));
  const tail = Array.from({ length: RUNS }, () => logP95(e, { tail: 1.3, tailFullFrom: TAIL_FULL_FROM }));
  const typical = Array.from({ length: RUNS }, () => logP95(e, { typical: 1.15 }));
  const t = failRate(tail, baseline);
  const u = failRate(typical, baseline);
  tailSum += t;
  under += u;
  const change = Math.expm1(meanSd(tail).mean - meanSd(baseline).mean);
  console.log(`${e.name.padEnd(33)} ${meanSd(baseline).sd.toFixed(3)} / ${meanSd(tail).sd.toFixed(3)}                  ${`+${(change * 100).toFixed(1)} %`.padEnd(24)} ${`${(t * 100).toFixed(0)} %`.padEnd(16)} ${(u * 100).toFixed(0)} %`);
}
console.log(`mean over the ${busy.length} endpoints (the tail row rotates over them): fails the tail ${((tailSum / busy.length) * 100).toFixed(1)} %, typical +15 % ${((under / busy.length) * 100).toFixed(1)} %`);
