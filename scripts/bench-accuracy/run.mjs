// `npm run bench:accuracy` (docs/accuracy.md): bundles the TypeScript bench (main.ts) with esbuild into a
// temporary folder, as bench-ingest does, and runs it with the arguments given; the bundle is its own worker
// script (worker_threads), which tsx alone does not give a worker. The folder is deleted at the end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'perf-gate-bench-accuracy-'));
let status = 1;
try {
  const bundle = join(dir, 'bench-accuracy.mjs');
  const esbuild = await import('esbuild');
  await esbuild.build({ entryPoints: [join(HERE, 'main.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'warning',
    // CommonJS dependencies (yaml) require Node built-ins: give the ES module bundle a require.
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" } });
  const child = spawnSync(process.execPath, [bundle, ...process.argv.slice(2)], { stdio: 'inherit' });
  status = child.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
