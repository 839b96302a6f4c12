// The package a user installs, checked as a user gets it (`npm run check-package`, run by .ci/run):
// 1. builds dist/ and packs the package with `npm pack`;
// 2. checks what ships: the library, its declarations and the CLI, nothing of src/, test/ or the example
//    service; and that `dependencies` are exactly the packages the shipped code loads at run time (what
//    dist/lib.js and its declarations import, and what the CLI bundle still requires);
// 3. installs the tarball into a scratch `"type": "module"` project and fails if anything installed has an
//    install script (a native build, a download);
// 4. type-checks examples/library/compare.ts there as a strict TypeScript consumer (NodeNext, no
//    skipLibCheck, so our declarations are checked too), runs the compiled file on two recorded k6 runs, and
//    runs the installed `perf-gate` bin on them;
// 5. checks that README.md shows examples/library/compare.ts as it is.
// Everything happens in a temporary folder, deleted at the end; the install prefers npm's cache.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = 'examples/library/compare.ts';
const BASELINE = join(ROOT, 'test/fixtures/k6/smoke-baseline.ndjson.gz');
const CURRENT = join(ROOT, 'test/fixtures/k6/smoke-regressed.ndjson.gz');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const problems = [];

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
function step(what) {
  console.log(`== check-package: ${what}`);
}

const scratch = mkdtempSync(join(tmpdir(), 'perf-gate-package-'));
try {
  step('build and pack');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], ROOT));
  const tarball = join(scratch, packed.filename);
  const files = packed.files.map((f) => f.path);
  console.log(`   ${packed.filename}: ${files.length} files, ${(packed.size / 1e6).toFixed(2)} MB packed, ${(packed.unpackedSize / 1e6).toFixed(2)} MB unpacked`);

  step('what ships');
  for (const required of ['package.json', 'README.md', 'dist/lib.js', 'dist/cli.js', 'dist/ingest-worker.js', 'dist/types/index.d.ts', 'artillery/artillery-plugin-perf-gate/index.js', EXAMPLE]) {
    if (!files.includes(required)) problems.push(`the package lacks ${required}`);
  }
  for (const f of files) {
    if (/^(src|test|scripts|examples\/isectech-api)\//.test(f) || f === 'dist/index.js' || f === 'dist/action.js') problems.push(`the package ships ${f}, which a user of the library or CLI does not need`);
  }
  const imported = new Set();
  const bare = (spec) => !spec.startsWith('.') && !spec.startsWith('node:') && !builtinModules.includes(spec);
  const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
  // import/export … from, import(), require() and createRequire(…)(): what the shipped code loads at run time.
  const loads = /(?:^|[\s;])(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:\brequire|\))\(\s*["']([^"']+)["']\s*\)/gm;
  for (const f of files.filter((f) => f === 'dist/lib.js' || f === 'dist/cli.js' || f === 'dist/ingest-worker.js' || f.endsWith('.d.ts'))) {
    for (const m of readFileSync(join(ROOT, f), 'utf8').matchAll(loads)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (bare(spec)) imported.add(packageName(spec));
    }
  }
  const declared = new Set(Object.keys(pkg.dependencies ?? {}));
  for (const name of imported) if (!declared.has(name)) problems.push(`the shipped code (dist/lib.js, dist/cli.js or the declarations) loads ${name}, which is not in package.json "dependencies"`);
  for (const name of declared) if (!imported.has(name)) problems.push(`"dependencies" lists ${name}, which no shipped file loads: make it a devDependency (the bundles carry what they use)`);
  console.log(`   dependencies: ${[...declared].sort().join(', ')}`);

  step('install into a scratch project');
  const consumer = join(scratch, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'perf-gate-consumer', private: true, type: 'module' }, null, 2));
  const typesNode = JSON.parse(readFileSync(createRequire(join(ROOT, 'package.json')).resolve('@types/node/package.json'), 'utf8')).version;
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, `@types/node@${typesNode}`], consumer);
  const installed = listPackages(join(consumer, 'node_modules'));
  const scripted = installed.filter((p) => p.scripts.length > 0);
  for (const p of scripted) problems.push(`installing the package runs ${p.name}'s ${p.scripts.join(', ')}`);
  console.log(`   installed ${installed.length} packages: ${installed.map((p) => p.name).join(', ')}; ${scripted.length} with install scripts`);

  step('type-check the library example as a strict consumer');
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022'],
          types: ['node'],
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          verbatimModuleSyntax: true,
          skipLibCheck: false,
          outDir: 'out',
        },
        files: ['compare.ts'],
      },
      null,
      2,
    ),
  );
  writeFileSync(join(consumer, 'compare.ts'), readFileSync(join(ROOT, EXAMPLE), 'utf8'));
  const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/lib/tsc.js');
  const typecheck = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8' });
  if (typecheck.status !== 0) problems.push(`tsc fails on ${EXAMPLE} as a consumer of the packed package:\n${typecheck.stdout}${typecheck.stderr}`);

  if (typecheck.status === 0) {
    step('run the compiled example and the installed bin on recorded k6 runs');
    const example = spawnSync(process.execPath, ['out/compare.js', BASELINE, CURRENT], { cwd: consumer, encoding: 'utf8' });
    // The regressed run fails the gate: status 1, the text report, and the three report files.
    if (example.status !== 1 || !example.stdout.includes('perf-gate: fail')) {
      problems.push(`${EXAMPLE} on the recorded runs: expected a failing verdict and status 1, got status ${example.status}:\n${example.stdout}${example.stderr}`);
    }
    for (const f of ['report.md', 'report.json', 'report.html']) {
      if (!existsSync(join(consumer, 'perf-gate-out', f))) problems.push(`${EXAMPLE} did not write perf-gate-out/${f}`);
    }
  }
  const bin = spawnSync(join(consumer, 'node_modules/.bin/perf-gate'), ['compare', '--baseline', BASELINE, '--current', CURRENT, '--stage', 'smoke', '--format', 'json'], { cwd: consumer, encoding: 'utf8' });
  if (bin.status !== 1 || !bin.stdout.includes('"verdict": "fail"')) problems.push(`the installed perf-gate bin: expected a failing verdict and status 1, got status ${bin.status}:\n${bin.stderr}`);

  step('README shows the example');
  const example = readFileSync(join(ROOT, EXAMPLE), 'utf8');
  const body = example.slice(example.indexOf('import '));
  if (!readFileSync(join(ROOT, 'README.md'), 'utf8').includes('```ts\n' + body + '```')) {
    problems.push(`README.md does not show ${EXAMPLE} from its first import on, as it is now: copy it into the README's library section`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`check-package: ${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('check-package: the packed package installs without building anything, and a strict TypeScript consumer compiles and runs.');

/** Every package under node_modules (scoped ones included), with the install-time scripts it declares. */
function listPackages(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      out.push(...listPackages(path));
      continue;
    }
    const manifest = join(path, 'package.json');
    if (existsSync(manifest)) {
      const p = JSON.parse(readFileSync(manifest, 'utf8'));
      const scripts = ['preinstall', 'install', 'postinstall'].filter((s) => p.scripts?.[s] !== undefined);
      if (existsSync(join(path, 'binding.gyp')) && !scripts.includes('install')) scripts.push('install (binding.gyp: node-gyp rebuild)');
      out.push({ name: p.name ?? relative(dir, path), scripts });
    }
    out.push(...listPackages(join(path, 'node_modules')));
  }
  return out;
}
