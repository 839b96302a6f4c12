// The Action itself (bundled as dist/action.js): started in the Action's thread by dist/index.js
// (action-thread.ts says why), or run directly, which works the same in one thread.
import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { onActionThreadCancel } from './action-thread.js';
import { runAction } from './run.js';
import type { ActionIo } from './io.js';

const io: ActionIo = {
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
  debug: (m) => core.debug(m),
  group: (name, fn) => core.group(name, fn),
  summary: async (markdown) => {
    await core.summary.addRaw(markdown, true).write();
  },
  setFailed: (m) => core.setFailed(m),
  setSecret: (value) => core.setSecret(value),
  onCancel: onActionThreadCancel,
  env: process.env,
  tempDir: process.env['RUNNER_TEMP'] || tmpdir(),
  now: () => new Date(),
};

runAction(io).catch((err: unknown) => {
  // A thrown non-Error must not end green.
  core.setFailed(err instanceof Error ? err.message : String(err));
  if (err instanceof Error && err.stack) core.debug(err.stack);
});
