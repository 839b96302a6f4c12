/**
 * What scripts/bench-merge.mjs uses, bundled by it with esbuild: the RunBuilder to generate shard documents
 * from synthetic points, and the CLI whose `perf-gate merge` it measures.
 */
export { RunBuilder } from '../src/document/run-builder.js';
export { run as cli } from '../src/cli/main.js';
