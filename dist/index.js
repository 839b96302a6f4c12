import { createRequire as __perfGateCreateRequire } from 'node:module';
const require = __perfGateCreateRequire(import.meta.url);

// src/action/action-thread.ts
import { isMainThread, parentPort, SHARE_ENV, Worker } from "node:worker_threads";
var ACTION_THREAD_LIMITS = { maxYoungGenerationSizeMb: 8 };
function runInActionThread(script, fail) {
  const worker = new Worker(script, { env: SHARE_ENV, resourceLimits: ACTION_THREAD_LIMITS });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => worker.postMessage({ type: "cancel", signal }));
  }
  worker.on("error", (err) => fail(`perf-gate failed: ${err.message}`));
  worker.on("exit", (code) => {
    if (code !== 0) process.exitCode = code;
  });
}
function failStep(message) {
  process.exitCode = 1;
  process.stdout.write(`::error::${message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}
`);
}

// src/action/index.ts
runInActionThread(new URL("./action.js", import.meta.url), failStep);
