import type { ActionIo } from '../../src/action/io.js';

/** What a recording ActionIo was asked, in order: `kind: text`. */
export interface RecordingIo extends ActionIo {
  readonly calls: string[];
}

/** An ActionIo that answers inputs from a table and records every call (outputs, logs, masks). */
export function recordingIo(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}, tempDir = '/tmp'): RecordingIo {
  const calls: string[] = [];
  return {
    calls,
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => calls.push(`output: ${name}=${String(value)}`),
    info: (m) => calls.push(`info: ${m}`),
    warning: (m) => calls.push(`warning: ${m}`),
    error: (m) => calls.push(`error: ${m}`),
    debug: (m) => calls.push(`debug: ${m}`),
    group: async (name, fn) => {
      calls.push(`group: ${name}`);
      return fn();
    },
    summary: async (markdown) => {
      calls.push(`summary: ${markdown}`);
    },
    setFailed: (m) => calls.push(`failed: ${m}`),
    setSecret: (value) => calls.push(`secret: ${value}`),
    onCancel: () => undefined,
    env,
    tempDir,
    now: () => new Date('2026-12-01T10:00:00Z'),
  };
}

/**
 * Runs the Action in this process with `io`, the process's RUNNER_TOOL_CACHE, RUNNER_TEMP and PATH set
 * for the call (finding k6 on PATH and @actions/tool-cache read them from the process itself), restored after.
 */
export async function runActionInProcess(run: (io: RecordingIo) => Promise<void>, io: RecordingIo, temp: string, path: string): Promise<void> {
  const names = ['RUNNER_TOOL_CACHE', 'RUNNER_TEMP', 'PATH'] as const;
  const saved = names.map((n) => process.env[n]);
  process.env['RUNNER_TOOL_CACHE'] = `${temp}/tool-cache`;
  process.env['RUNNER_TEMP'] = temp;
  process.env['PATH'] = path;
  try {
    await run(io);
  } finally {
    names.forEach((n, k) => {
      if (saved[k] === undefined) delete process.env[n];
      else process.env[n] = saved[k];
    });
  }
}
