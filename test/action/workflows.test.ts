/**
 * The example workflows against the actions they use: every `with:` of a perf-gate step is an input its
 * action.yml declares (GitHub only warns about an unknown input and drops it — a typo would be a silent
 * no-op), and the merge sub-action declares what merge mode reads and nothing a load needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseInputs } from '../../src/action/inputs.js';
import { splitArgs } from '../../src/engine/split-args.js';

interface ActionYaml { inputs: Record<string, { default?: string; required?: boolean }>; runs: { using: string; main: string } }
const main = parse(readFileSync('action.yml', 'utf8')) as ActionYaml;
const merge = parse(readFileSync('merge/action.yml', 'utf8')) as ActionYaml;
const ACTIONS: Record<string, ActionYaml> = { 'isectech/perf-gate': main, 'isectech/perf-gate/merge': merge };

const workflows = readdirSync('examples/workflows').filter((f) => f.endsWith('.yml'));

describe('the example workflows', () => {
  it.each(workflows)('%s gives perf-gate steps only inputs their action declares', (file) => {
    const wf = parse(readFileSync(join('examples/workflows', file), 'utf8')) as { jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }> };
    let steps = 0;
    for (const job of Object.values(wf.jobs)) {
      for (const step of job.steps ?? []) {
        const uses = step.uses?.replace(/@.*$/, '');
        const action = uses !== undefined ? ACTIONS[uses] : undefined;
        if (!action) continue;
        steps++;
        for (const name of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `${file}: ${uses} has no input '${name}'`).toContain(name);
      }
    }
    expect(steps, `${file} uses perf-gate`).toBeGreaterThan(0);
  });
});

describe('the merge sub-action', () => {
  it('runs the same bundle as the Action, on the same runtime', () => {
    expect(merge.runs).toEqual({ using: main.runs.using, main: `../${main.runs.main}` });
  });

  it('declares the post-load inputs of the Action with the same defaults, and no input that drives a load', () => {
    const own = ['shards', 'allow-missing-shards', 'start-tolerance', 'stages'];
    for (const [name, input] of Object.entries(merge.inputs)) {
      if (own.includes(name)) continue;
      expect(main.inputs, name).toHaveProperty([name]);
      expect(input.default, name).toBe(main.inputs[name]!.default);
    }
    // With its defaults as the runner passes them, the inputs parse into merge mode with nothing a load needs.
    const defaults = Object.fromEntries(Object.entries(merge.inputs).map(([name, i]) => [name, name === 'github-token' ? 'ghs_x' : (i.default ?? '')]));
    const inputs = parseInputs((name) => ({ ...defaults, shards: 'shards' })[name] ?? '', splitArgs, '1.8.1');
    expect(inputs.merge).toEqual({ dir: 'shards', allowMissingShards: false, startToleranceSeconds: 5 });
    expect(inputs.stages).toEqual([]);
  });
});
