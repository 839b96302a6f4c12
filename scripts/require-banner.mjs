// The first lines of every ESM bundle we build (dist/ and the benchmarks' bundles): CommonJS dependencies
// call require() for Node built-ins, and hdr-histogram-js reaches node:zlib through it — without it, it
// falls back to pako, a JavaScript deflate dist/ never uses, and a benchmark would measure that instead.
export const REQUIRE_BANNER = "import { createRequire as __perfGateCreateRequire } from 'node:module';\nconst require = __perfGateCreateRequire(import.meta.url);";
