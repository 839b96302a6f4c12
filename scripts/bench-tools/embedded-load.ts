// One load of the embedded engine for scripts/bench-tools.mjs: `npx tsx scripts/bench-tools/embedded-load.ts
// '<workload JSON>'` runs it (perf-gate's autocannon engine, every request recorded as in a real stage)
// and prints one JSON line: requests, median and p95 latency (ms) as the run document has them.
import { WorkloadSchema } from '../../src/config/workload.js';
import { RunView } from '../../src/document/run-view.js';
import { runEmbedded } from '../../src/engine/embedded/run-embedded.js';

const workload = WorkloadSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const doc = await runEmbedded(workload, { stage: 'bench', log: { info: () => undefined }, progressIntervalMs: 3_600_000 });
const view = new RunView(doc);
const latency = view.roles.latency;
console.log(JSON.stringify({ requests: view.value(view.roles.requests, 'count') ?? 0, medMs: view.value(latency, 'med'), p95Ms: view.value(latency, 'p(95)') }));
