// Measures simulated A/A runs the way calibrate.ts measures real ones, to check that each machine model
// reproduces the figures it was fitted to (docs/accuracy.md, "Calibration"): run
// `npx tsx scripts/bench-accuracy/check-fit.ts [runs per machine, default 200]`.
import { seededRng } from '../../src/stats/random.js';
import { machineStats, mean, pairShifts, type Req } from './fit.js';
import { generateRun, type GeneratedRun } from './noise.js';
import { ENDPOINTS, MACHINES, type MachineName } from './scenarios.js';

function asRequests(run: GeneratedRun): Map<string, Req[]> {
  return new Map(run.endpoints.map((e) => [e.name, Array.from(e.ms, (ms, i) => ({ t: e.t[i]!, ms, failed: e.failed[i] === 1 }))]));
}

const quantiles = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): string => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(3);
  return `median ${q(0.5)} (10–90 %: ${q(0.1)}…${q(0.9)})`;
};

const n = Number(process.argv[2] ?? 200);
for (const name of ['quiet', 'noisy'] as MachineName[]) {
  const rng = seededRng(name === 'quiet' ? 11 : 12);
  const runs = Array.from({ length: n }, () => asRequests(generateRun(MACHINES[name], { seconds: 20, endpoints: ENDPOINTS }, rng)));
  const machine = runs.map(machineStats);
  // Consecutive pairs only: independent pairs, like the recorded ones.
  const shifts = Array.from({ length: n / 2 }, (_, i) => pairShifts([runs[2 * i]!, runs[2 * i + 1]!]).shifts[0]!);
  const stats = pairShifts(runs.slice(0, 20)).perRun.flatMap((r) => Object.values(r));
  console.log(`${name}: ${n} runs`);
  console.log(`  machine variance ratio        ${quantiles(machine.map((m) => m.varianceRatio))}`);
  console.log(`  lag-1 of per-second means     ${quantiles(machine.map((m) => m.lag1SecondMeans))}`);
  console.log(`  pause share, fast endpoints   ${quantiles(machine.map((m) => m.fastPauseShare))}`);
  console.log(`  > median + 3 ms, fast endpoints ${quantiles(machine.map((m) => m.fastOver3msShare))}`);
  console.log(`  pause excess ms               ${quantiles(machine.filter((m) => m.fastPauseExcessMs > 0).map((m) => m.fastPauseExcessMs))}`);
  console.log(`  between-run ln-median shift   mean over endpoints: SD ${Math.sqrt(mean(shifts.map((s) => s.meanLogShift ** 2))).toFixed(4)}; SD over endpoints ${quantiles(shifts.map((s) => s.sdLogShift))}`);
  console.log(`  lag-1 of requests per endpoint mean ${mean(stats.map((s) => s.lag1Requests)).toFixed(3)}`);
  console.log(`  log-SD over the endpoint's own  ${mean(stats.map((s, k) => s.logSd / ENDPOINTS[k % ENDPOINTS.length]!.logSd)).toFixed(3)}×`);
}
