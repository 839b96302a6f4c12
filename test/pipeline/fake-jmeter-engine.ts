/**
 * What a new load engine is: one LoadEngineEntry (here a stand-in "JMeter" that runs nothing and hands
 * back a recorded k6 output as its result). In src/engine/jmeter/ it would run `jmeter -n -t plan.jmx -l
 * out.jtl` and return the JTL for the pipeline to ingest; the registry gains the line
 * `export const LOAD_ENGINES = [k6Engine, embeddedEngine, jmeterEngine] as const …` and nothing else changes.
 */
import { join } from 'node:path';
import type { EngineSetup, LoadEngineEntry, LoadOutput, StageLoad } from '../../src/pipeline/ports.js';

export const RECORDED = join(import.meta.dirname, '../fixtures/k6/smoke-aa.ndjson.gz');

export const jmeterEngine = {
  name: 'jmeter',
  async prepare(setup: EngineSetup) {
    if (setup.script === undefined || !setup.script.endsWith('.jmx')) return { ready: false, why: `no test plan (.jmx) given as ${setup.names.script}`, fix: 'give a JMeter test plan' } as const;
    return {
      ready: true,
      why: `test plan ${setup.script}`,
      engine: {
        name: 'jmeter',
        async run(load: StageLoad): Promise<LoadOutput> {
          load.log.info(`jmeter -n -t ${setup.script} (stage ${load.stage})`);
          return { measured: { kind: 'files', files: [RECORDED] }, toolVersion: '5.6.3', cancelled: false, scriptThresholds: [], notes: [] };
        },
      },
    } as const;
  },
} as const satisfies LoadEngineEntry;
