// Builds dist/, which is committed (the Action runs dist/index.js straight from the repository):
// - dist/index.js and dist/action.js, the Action (the first starts the second in a thread), and dist/cli.js, the CLI: single ESM files with every dependency bundled in,
//   so they run with nothing but Node; targeted at Node 20, the oldest we support, so the same files run on
//   the node24 runtime action.yml names.
// - dist/lib.js, the library: our code bundled, its dependencies left as imports for npm to install (they
//   are exactly package.json's `dependencies`; scripts/check-package.mjs checks it).
// - dist/ingest-worker.js, the thread that builds the run document while the ingest parses (all three start
//   it from their own folder), bundled whole like the CLI.
// - dist/types/, the library's declarations (tsconfig.build.json), which package.json's `types` points at.
// Deterministic: same sources, same bytes, so scripts/check-dist.mjs can compare a fresh build with git.
// `--outdir DIR` builds into DIR instead of dist/ (tests and checks of the bundles; dist/ stays as committed).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { REQUIRE_BANNER } from './require-banner.mjs';

const at = process.argv.indexOf('--outdir');
const OUT = at > 0 ? process.argv[at + 1] : 'dist';
if (!OUT) throw new Error('build: --outdir needs a directory');

const entries = [
  { in: 'src/cli/index.ts', out: `${OUT}/cli.js`, shebang: true },
  { in: 'src/index.ts', out: `${OUT}/lib.js`, shebang: false, external: true },
  { in: 'src/action/index.ts', out: `${OUT}/index.js`, shebang: false },
  // The Action itself, which dist/index.js starts in a thread with a small young generation (src/action/action-thread.ts).
  { in: 'src/action/action-main.ts', out: `${OUT}/action.js`, shebang: false },
  // The ingest's builder thread: each bundle above starts it from beside itself (src/ingest/builder-thread.ts).
  { in: 'src/ingest/ingest-worker.ts', out: `${OUT}/ingest-worker.js`, shebang: false },
];

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

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
      js: `${e.shebang ? '#!/usr/bin/env node\n' : ''}${REQUIRE_BANNER}`,
    },
  });
  if (e.shebang) chmodSync(e.out, 0o755);
}

// esbuild strips types; tsc writes the declarations of src/index.ts and everything it reaches.
const tsc = createRequire(import.meta.url).resolve('typescript/lib/tsc.js');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', `${OUT}/types`], { stdio: 'inherit' });
