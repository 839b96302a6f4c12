/**
 * A/B rounds with the embedded engine against two instances of the example API (examples/isectech-api),
 * in this process: the baseline as it is, the candidate with `ISECTECH_FAULTS` making `/api/alerts` 2×
 * slower. The workload is examples/isectech/perf-gate.yml's; each round lasts 2 s instead of its 30 s.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AbRun } from '../../src/ab/ab-run.js';
import { runAbRounds } from '../../src/ab/run-rounds.js';
import { loadConfig } from '../../src/config/load.js';
import { resolvePolicy } from '../../src/config/policy.js';
import { RunView } from '../../src/document/run-view.js';
import { embeddedEngine } from '../../src/engine/embedded/embedded-engine.js';
import { setFaults, startApiProcess, type ApiProcess } from '../support/example-api-process.js';
import { recordingLog } from '../pipeline/fakes.js';

const CONFIG = join(import.meta.dirname, '../../examples/isectech/perf-gate.yml');

let baseline: ApiProcess;
let candidate: ApiProcess;
let run: AbRun;
const log = recordingLog();

beforeAll(async () => {
  // Each service in its own process: in this one they shared an event loop with the embedded load, whose
  // stalls showed in both arms' latencies alike and once hid a 1.3× fault in a 2 s round (a pair at ×0.997).
  [baseline, candidate] = await Promise.all([startApiProcess(1), startApiProcess(2)]);
  // 2×, not the example's 1.3×: the embedded load runs in this test's process, and its client side adds its
  // own time to every latency it measures (medians of 18 to 21 ms where the service draws 15 ms on a quiet
  // machine, more on a loaded one), which dilutes the fault in both arms' medians; CI once saw a 1.3× pair at ×1.03.
  // The gate's power on 1.3× is test/ab/run-ab-stages' and the accuracy benchmark's to show.
  await setFaults(candidate, { latency: { '/api/alerts': 2 } });
  const config = await loadConfig(CONFIG);
  run = await runAbRounds({
    stage: 'smoke',
    pairs: 2,
    roundDurationS: 2,
    urls: { baseline: baseline.url, candidate: candidate.url },
    engine: embeddedEngine,
    setup: { config, stages: ['smoke'], env: {}, flags: [], secrets: [], processEnv: {}, names: { script: '--script', targetUrl: '--target-url', config: CONFIG } },
    policy: resolvePolicy(config, 'smoke'),
    workDir: mkdtempSync(join(tmpdir(), 'perf-gate-ab-embedded-')),
    signal: new AbortController().signal,
    log,
  });
}, 60_000);
afterAll(async () => {
  await baseline?.close();
  await candidate?.close();
});

/** The median of GET /api/alerts in a round. */
function alertsMedian(index: number): number {
  const outcome = run.rounds[index]!.outcome;
  if (outcome.kind !== 'measured') throw new Error(`round ${index} failed: ${outcome.reason}`);
  return new RunView(outcome.document).value('http_req_duration{name:GET /api/alerts}', 'med')!;
}

describe('A/B rounds with the embedded engine on the example API', () => {
  it('runs 2 pairs of 2 s rounds in ABBA order, every one measured', () => {
    expect(run.rounds.map((r) => [r.pair, r.arm, r.outcome.kind])).toEqual([
      [0, 'baseline', 'measured'],
      [0, 'candidate', 'measured'],
      [1, 'candidate', 'measured'],
      [1, 'baseline', 'measured'],
    ]);
    for (const r of run.rounds) {
      if (r.outcome.kind !== 'measured') continue;
      // The stage's 30 s workload ran for the round's 2 s.
      expect(r.outcome.document.meta).toMatchObject({ tool: 'embedded', stage: 'smoke', partial: false });
      expect(r.outcome.document.meta.durationSeconds).toBeGreaterThan(1.5);
      expect(r.outcome.document.meta.durationSeconds).toBeLessThan(4);
      expect(new RunView(r.outcome.document).value('http_reqs', 'count')).toBeGreaterThan(50);
    }
    expect(log.lines.filter((l) => /^info: round \d\/4 · (baseline|candidate) · \d(\.\d)? s · [\d,]+ requests$/.test(l))).toHaveLength(4);
  });

  it('each round loaded its own arm: its service served what the round counted', async () => {
    for (const [arm, server] of [['baseline', baseline], ['candidate', candidate]] as const) {
      const counted = run.rounds.filter((r) => r.arm === arm).reduce((n, r) => n + (r.outcome.kind === 'measured' ? new RunView(r.outcome.document).value('http_req_duration{name:GET /api/alerts}', 'count')! : 0), 0);
      const served = await alertsServed(server);
      // A few requests answered after a round's end are served but not counted (see test/engine/embedded).
      expect(served).toBeGreaterThanOrEqual(counted);
      expect(served, `${arm}: served ${served}, its rounds counted ${counted}`).toBeLessThanOrEqual(counted * 1.2 + 50);
    }
  });

  it('the candidate\'s /api/alerts is slower in both pairs (the fault makes it 2×)', () => {
    // Pair 0 is rounds 0 (A) and 1 (B); pair 1 is rounds 2 (B) and 3 (A). Seen ×1.5 to ×1.8 per pair on a
    // quiet machine (about 250 requests a round); the bounds leave room for 40 ms of client time ((30 + 40) / (15 + 40) = 1.27).
    const ratios = [alertsMedian(1) / alertsMedian(0), alertsMedian(2) / alertsMedian(3)];
    for (const ratio of ratios) expect(ratio).toBeGreaterThan(1.15);
    expect(Math.sqrt(ratios[0]! * ratios[1]!)).toBeGreaterThan(1.2);
  });
});

/** GET /api/alerts requests the service answered, from its Prometheus /metrics. */
async function alertsServed(server: ApiProcess): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('http_request_duration_seconds_count{') && l.includes('method="GET"') && l.includes('route="/api/alerts"'))
    .reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}
