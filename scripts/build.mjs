// Bundles the CLI (and, once it exists, the Action) into single ESM files in dist/, so they run with
// nothing but Node (20 here, 24 on GitHub runners). Deterministic: same sources, same bytes.
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';

const entries = [
  { in: 'src/cli/index.ts', out: 'dist/cli.js', shebang: true },
  // The library for other tools: dependencies stay external, npm installs them.
  { in: 'src/index.ts', out: 'dist/lib.js', shebang: false, external: true },
  { in: 'src/action/index.ts', out: 'dist/index.js', shebang: false },
].filter((e) => existsSync(e.in));

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

for (const e of entries) {
  await build({
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    packages: e.external ? 'external' : undefined,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
    banner: {
      js: `${e.shebang ? '#!/usr/bin/env node\n' : ''}import { createRequire as __perfGateCreateRequire } from 'node:module';\nconst require = __perfGateCreateRequire(import.meta.url);`,
    },
  });
  if (e.shebang) chmodSync(e.out, 0o755);
}
