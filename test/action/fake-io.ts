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
