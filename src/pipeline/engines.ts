/**
 * The load-engine registry: every tool the pipeline can drive, in the order `auto` tries them. A new tool
 * is one adapter (a file or folder in src/engine/ exporting a LoadEngineEntry) and one line in this list.
 *
 * JMeter and Artillery come after k6 and the embedded engine, so `auto` keeps choosing those first. Each
 * is asked for by its input instead: a test plan (`--plan`) without a script means JMeter, an Artillery
 * YAML script means Artillery (see {@link engineForInputs}).
 */
import { artilleryEngine } from '../engine/artillery/artillery-engine.js';
import { embeddedEngine } from '../engine/embedded/embedded-engine.js';
import { jmeterEngine } from '../engine/jmeter/jmeter-engine.js';
import { k6Engine } from '../engine/k6-engine.js';
import type { EngineSetup, LoadEngine, LoadEngineEntry } from './ports.js';

export const LOAD_ENGINES = [
  k6Engine,
  embeddedEngine,
  jmeterEngine,
  artilleryEngine,
] as const satisfies readonly LoadEngineEntry[];

/** The name of a registered engine: `k6`, `embedded`, `jmeter`, `artillery`. */
export type LoadEngineName = (typeof LOAD_ENGINES)[number]['name'];

export const LOAD_ENGINE_NAMES: readonly LoadEngineName[] = LOAD_ENGINES.map((e) => e.name);

/**
 * The engine a caller's `auto` means, given what the user handed over: a JMeter test plan without a
 * script names JMeter, and a YAML script Artillery (each is that tool's input and no other engine's, so
 * k6 or the embedded engine, first in the registry, must not run in its place); anything else stays `auto`.
 *
 * @example engineForInputs('auto', { plan: 'perf/plan.jmx' }) // 'jmeter'
 * @example engineForInputs('auto', { script: 'perf/load.yml' }) // 'artillery'
 * @example engineForInputs('auto', { plan: 'perf/plan.jmx', script: 'perf/script.js' }) // 'auto'
 * @example engineForInputs('k6', { plan: 'perf/plan.jmx' }) // 'k6'
 */
export function engineForInputs(wanted: string, inputs: { readonly plan?: string | undefined; readonly script?: string | undefined }): string {
  if (wanted !== 'auto') return wanted;
  if (inputs.plan !== undefined && inputs.script === undefined) return 'jmeter';
  if (inputs.script !== undefined && /\.ya?ml$/i.test(inputs.script)) return 'artillery';
  return wanted;
}

/** The chosen engine and why (for the log line), or what stops every candidate (for the user). */
export type EngineChoice = { readonly engine: LoadEngine; readonly name: string; readonly why: string } | { readonly problem: string };

/**
 * The engine to run the stages with: the one asked for, or with `auto` the first of the registry that is
 * ready (then `why` says why the ones before it were passed over: `k6 is not on PATH`). Each candidate
 * is prepared in turn, so an input only the chosen engine reads is checked (and may throw) only for it.
 *
 * @param engines the registry; tests pass their own.
 */
export async function chooseEngine(wanted: string, setup: EngineSetup, engines: readonly LoadEngineEntry[] = LOAD_ENGINES): Promise<EngineChoice> {
  if (wanted !== 'auto') {
    const entry = engines.find((e) => e.name === wanted);
    if (!entry) return { problem: `no load engine is called '${wanted}' (there are: ${engines.map((e) => e.name).join(', ')})` };
    const prepared = await entry.prepare(setup);
    if (!prepared.ready) return { problem: `${entry.name}: ${prepared.why} — ${prepared.fix}` };
    return { engine: prepared.engine, name: entry.name, why: prepared.why };
  }
  const passedOver: { name: string; why: string; fix: string }[] = [];
  for (const entry of engines) {
    const prepared = await entry.prepare(setup);
    if (prepared.ready) return { engine: prepared.engine, name: entry.name, why: passedOver.length > 0 ? passedOver.map((p) => p.why).join('; ') : prepared.why };
    passedOver.push({ name: entry.name, why: prepared.why, fix: prepared.fix });
  }
  return { problem: `nothing to run: ${passedOver.map((p) => `${p.name}: ${p.why} — ${p.fix}`).join('; ')}` };
}
