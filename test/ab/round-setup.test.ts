import { describe, expect, it } from 'vitest';
import { roundRawOutput, roundSetup } from '../../src/ab/round-setup.js';
import { defaultConfig } from '../../src/config/schema.js';
import type { EngineSetup } from '../../src/pipeline/ports.js';

const target = { stage: 'smoke', arm: 'candidate' as const, index: 2, url: 'http://127.0.0.1:8082', roundDurationS: 20 };

describe('roundRawOutput: one raw copy per round, none overwritten', () => {
  it.each([
    { raw: 'raw/{stage}.ndjson.gz', path: 'raw/smoke.round-3-candidate.ndjson.gz' },
    { raw: 'raw/{stage}-{round}.ndjson', path: 'raw/smoke-3-candidate.ndjson' },
    { raw: 'k6.out', path: 'k6.round-3-candidate.out' },
    { raw: 'dir.d/plain', path: 'dir.d/plain.round-3-candidate' },
  ])('$raw → $path', ({ raw, path }) => {
    expect(roundRawOutput(raw, target)).toBe(path);
  });
});

describe('roundSetup', () => {
  const setup: EngineSetup = {
    config: defaultConfig(),
    stages: ['smoke', 'load'],
    env: { A: '1', PERF_GATE_ARM: 'mine' },
    flags: [],
    secrets: [],
    processEnv: {},
    names: { script: '--script', targetUrl: '--target-url', config: 'perf-gate.yml' },
  };

  it('aims at the arm, tells the script the round, and keeps the rest', () => {
    const round = roundSetup(setup, target);
    expect(round).toMatchObject({ stages: ['smoke'], targetUrl: target.url, env: { A: '1', PERF_GATE_ARM: 'candidate', PERF_GATE_ROUND: '2', PERF_GATE_ROUND_DURATION: '20s' } });
    expect(round.rawOutput).toBeUndefined();
    expect(roundSetup({ ...setup, rawOutput: 'r/{stage}.ndjson.gz' }, { ...target, arm: 'baseline', index: 0 }).rawOutput).toBe('r/smoke.round-1-baseline.ndjson.gz');
  });
});
