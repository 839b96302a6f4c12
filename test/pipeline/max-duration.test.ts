import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { withMaxDuration } from '../../src/pipeline/max-duration.js';
import { planStages } from '../../src/pipeline/plan-stages.js';
import { cli } from '../cli/run-cli.js';

const CONFIG = `stages:
  smoke:
    sequential: { duration: 20s, maxDuration: 40s, lookEvery: 5s }
  quick:
    sequential: { duration: 2m }
`;

async function planned(stages: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-max-duration-'));
  writeFileSync(join(dir, 'perf-gate.yml'), CONFIG);
  return planStages(await loadConfig(join(dir, 'perf-gate.yml')), stages);
}

describe('withMaxDuration', () => {
  it('sets the budget of every sequential stage, and leaves the others and the rest of the plan alone', async () => {
    const out = withMaxDuration(await planned(['smoke', 'load', 'quick']), '5m', '--max-duration');
    if ('problem' in out) throw new Error(out.problem);
    expect(out.stages.map((s) => [s.stage, s.policy.sequential])).toEqual([
      ['smoke', { plannedSeconds: 20, maxSeconds: 300, everySeconds: 5 }],
      ['load', undefined],
      ['quick', { plannedSeconds: 120, maxSeconds: 300, everySeconds: 30 }],
    ]);
  });

  it.each<{ what: string; stages: string[]; value: string; says: string }>([
    { what: 'no duration', stages: ['smoke'], value: 'soon', says: "--max-duration must be a duration such as 90s or 5m, but got 'soon'" },
    { what: 'a budget shorter than a plan', stages: ['smoke', 'quick'], value: '1m', says: '--max-duration 1m is shorter than the planned length of quick (120 s)' },
    { what: 'no sequential stage (it would do nothing)', stages: ['load'], value: '5m', says: '--max-duration is the budget of a sequential stage, but load is not sequential' },
  ])('refuses $what', async ({ stages, value, says }) => {
    const out = withMaxDuration(await planned(stages), value, '--max-duration');
    expect('problem' in out ? out.problem : '').toContain(says);
  });

  it('the CLI refuses it before any load, exit 2', async () => {
    const r = await cli('run', '--stage', 'smoke', '--engine', 'embedded', '--max-duration', '5m', '--target-url', 'http://127.0.0.1:9');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-duration is the budget of a sequential stage, but smoke is not sequential');
  });
});
