/** Fake ports for the stage pipeline: each records what it was asked, one line per call. */
import type { MemorySample } from '../../src/document/run-document.js';
import type { BaselineStore, BaselineWrite, Clock, LoadEngine, LoadOutput, Log, MemorySampler, StageLoad, StoredBaseline } from '../../src/pipeline/ports.js';

/** An engine answering each stage with `answer(load)`; `asked` lists `run <stage> in <workDir>` lines. */
export function fakeEngine(answer: (load: StageLoad) => LoadOutput | Promise<LoadOutput>): LoadEngine & { asked: string[] } {
  const asked: string[] = [];
  return {
    name: 'fake',
    asked,
    async run(load) {
      asked.push(`run ${load.stage} in ${load.workDir}`);
      return answer(load);
    },
  };
}

/** A memory sampler handing out `samples`; `calls` lists `start <stage>` and `stop <stage> <start>..<end>|no window`. */
export function fakeMemory(samples: MemorySample[]): MemorySampler & { calls: string[] } {
  const calls: string[] = [];
  return {
    source: 'fake memory',
    calls,
    start(stage) {
      calls.push(`start ${stage}`);
      return {
        async stop(window) {
          calls.push(`stop ${stage} ${window ? `${window.startMs}..${window.endMs}` : 'no window'}`);
          return samples;
        },
      };
    },
  };
}

/** A store answering reads from `stored` (an Error is thrown) and writes from `writes`; `calls` lists `read <stage>`, `write <stage>`. */
export function fakeStore(stored: Readonly<Record<string, StoredBaseline | Error>> = {}, writes: Readonly<Record<string, BaselineWrite>> = {}): BaselineStore & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async read(stage) {
      calls.push(`read ${stage}`);
      const s = stored[stage];
      if (s instanceof Error) throw s;
      return s ?? { history: [] };
    },
    async write(stage) {
      calls.push(`write ${stage}`);
      return writes[stage] ?? { status: 'written', message: `wrote ${stage}` };
    },
  };
}

/** A clock that always says `iso`. */
export function fixedClock(iso: string): Clock {
  return { now: () => new Date(iso) };
}

/** A log keeping `level: message` lines, `group: <title>` included. */
export function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
    group: async (title, fn) => {
      lines.push(`group: ${title}`);
      return fn();
    },
  };
}
