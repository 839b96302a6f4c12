/**
 * The load-engine registry: every tool the pipeline can drive, in the order `auto` tries them. A new tool
 * (JMeter, Artillery) is one adapter (a file or folder in src/engine/ exporting a LoadEngineEntry) and
 * one line in this list.
 */
import { embeddedEngine } from '../engine/embedded/embedded-engine.js';
import { k6Engine } from '../engine/k6-engine.js';
import type { EngineSetup, LoadEngine, LoadEngineEntry } from './ports.js';

export const LOAD_ENGINES = [k6Engine, embeddedEngine] as const satisfies readonly LoadEngineEntry[];

/** The name of a registered engine: `k6`, `embedded`. */
export type LoadEngineName = (typeof LOAD_ENGINES)[number]['name'];

export const LOAD_ENGINE_NAMES: readonly LoadEngineName[] = LOAD_ENGINES.map((e) => e.name);

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
