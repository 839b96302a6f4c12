// The first lines of every ESM bundle we build (dist/ and the benchmarks' bundles): CommonJS dependencies
// call require() for Node built-ins, which an ESM bundle does not define. (hdr-histogram-js, which reached
// node:zlib through it and fell back to pako without it, is only the tests' reference since 2026-12-08.)
export const REQUIRE_BANNER = "import { createRequire as __perfGateCreateRequire } from 'node:module';\nconst require = __perfGateCreateRequire(import.meta.url);";
