/** A fake load-engine registry entry for the A/B round runner: it records every setup and load it is given. */
import type { EngineSetup, LoadEngineEntry, LoadOutput, StageLoad } from '../../src/pipeline/ports.js';

export interface RecordedRound {
  readonly setup: EngineSetup;
  readonly load: StageLoad;
}

/**
 * An entry whose engine answers each load with `answer(setup, load, n)` (`n`: the loads so far, from 0).
 * `prepared` lists every setup `prepare` was given; `loads` every load run, with the setup it was prepared with.
 */
export function fakeEngineEntry(answer: (setup: EngineSetup, load: StageLoad, n: number) => LoadOutput | Promise<LoadOutput>): LoadEngineEntry & { prepared: EngineSetup[]; loads: RecordedRound[] } {
  const prepared: EngineSetup[] = [];
  const loads: RecordedRound[] = [];
  return {
    name: 'fake',
    prepared,
    loads,
    async prepare(setup) {
      prepared.push(setup);
      return {
        ready: true,
        why: 'a fake',
        engine: {
          name: 'fake',
          async run(load) {
            const n = loads.length;
            loads.push({ setup, load });
            return answer(setup, load, n);
          },
        },
      };
    },
  };
}
