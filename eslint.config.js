import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

// The import graph between src/ folders: each folder may import itself and the folders listed, nothing else.
// Bottom up: the pure core, then what reads runs and drives load, then the adapters on top.
const IMPORT_GRAPH = {
  stats: [],
  document: ['stats'],
  config: ['document'],
  gate: ['stats', 'document', 'config'],
  report: ['stats', 'document', 'gate'],
  // A judged run as Prometheus samples, OpenMetrics text and remote-write bytes (the sending is the adapters').
  export: ['stats', 'document', 'gate', 'report'],
  ingest: ['stats', 'document'],
  engine: ['stats', 'document', 'config', 'ingest'],
  github: ['document'],
  // Kubernetes manifests (k6-operator's TestRun), rendered from options alone.
  k8s: [],
  // The stage pipeline the Action, the CLI and the demo share; it is handed GitHub through its ports.
  pipeline: ['stats', 'document', 'config', 'gate', 'report', 'ingest', 'engine', 'export'],
  // Interleaved A/B rounds: a stage's load run round by round against two services, over the pipeline's ports.
  ab: ['stats', 'document', 'config', 'gate', 'report', 'ingest', 'engine', 'pipeline'],
  cli: ['stats', 'document', 'config', 'gate', 'report', 'ingest', 'engine', 'pipeline', 'ab', 'k8s', 'export'],
  action: ['stats', 'document', 'config', 'gate', 'report', 'ingest', 'engine', 'pipeline', 'ab', 'github', 'export'],
};
// The pipeline's ports (pipeline/ports.ts) are the interfaces the load engines, memory samplers and baseline
// stores implement: those folders may import their types, never a value, so nothing runs in a cycle.
const PORTS = { module: 'pipeline/ports.js', implementers: ['engine', 'github'] };
// src/index.ts, the library: the pipeline from reading runs to rendering, without load engine or GitHub.
const LIBRARY = ['stats', 'document', 'config', 'gate', 'report', 'ingest'];

// Packages only some folders may import. The core stays reusable without GitHub (STYLE.md: the comparison
// must not call `core.warning`), and the CLI's and engine's own tools stay theirs.
const PACKAGE_OWNERS = [
  { group: ['@actions/*', '@octokit/*', 'bottleneck', 'bottleneck/*'], owners: ['action', 'github'], what: 'GitHub' },
  { group: ['commander'], owners: ['cli'], what: 'the command line' },
  { group: ['autocannon'], owners: ['engine'], what: 'the embedded load engine' },
];

// Known exceptions, each one file and what it imports against the graph, until the code moves
// (test/lint/import-graph.test.ts fails once an exception is no longer needed, so it gets deleted).
export const EXCEPTIONS = [
  // Installing k6 uses the Actions toolkit's download and cache, in the CLI too.
  { file: 'src/engine/k6-install.ts', packages: ['@actions/exec', '@actions/tool-cache'] },
];

// The pure core: no I/O, environment or logging. config/load.ts is the config layer's one file read.
const CORE = ['stats', 'document', 'gate', 'report', 'config', 'k8s', 'export'];
const CORE_IO_FILES = ['src/config/load.ts', 'src/config/index.ts'];
const IO_MODULES = ['node:fs', 'node:fs/*', 'fs', 'fs/*', 'node:http', 'node:https', 'node:net', 'node:child_process', 'child_process'];

const FOLDERS = Object.keys(IMPORT_GRAPH);
checkFolders();

/** The `no-restricted-imports` patterns for a file of `folder` (or the library entry, `folder` undefined). */
function importPatterns(folder, allowed, { modules = [], packages = [], io = true } = {}) {
  const where = folder === undefined ? 'src/index.ts' : `src/${folder}`;
  const message = `${where} may import only ${allowed.length === 0 ? 'its own files' : allowed.map((f) => `src/${f}`).join(', ')}: the import graph in eslint.config.js.`;
  const patterns = [];
  const forbidden = FOLDERS.filter((f) => f !== folder && !allowed.includes(f));
  const ports = PORTS.implementers.includes(folder) && forbidden.includes(PORTS.module.split('/')[0]) ? [PORTS.module] : [];
  const spared = [...modules, ...ports];
  // A relative specifier names the folders it passes through ('../gate/verdict.js', './ingest/index.js').
  const whole = forbidden.filter((f) => !spared.some((m) => m.startsWith(`${f}/`)));
  if (whole.length > 0) patterns.push({ regex: `^(?:\\.\\.?/)+(?:${whole.join('|')})/`, message });
  for (const f of forbidden.filter((f) => !whole.includes(f))) {
    const rest = spared.filter((m) => m.startsWith(`${f}/`)).map((m) => escapeRegex(m.slice(f.length + 1)));
    patterns.push({ regex: `^(?:\\.\\.?/)+${f}/(?!(?:${rest.join('|')})$)`, message });
  }
  for (const m of ports.filter((p) => !modules.includes(p))) {
    patterns.push({ regex: `^(?:\\.\\.?/)+${escapeRegex(m)}$`, allowTypeImports: true, message: `${where} may import only the types of ${m}, the ports it implements.` });
  }
  patterns.push({ regex: '^(?:\\.\\./)+(?:examples|test|scripts)/', message: 'src/ does not import examples, tests or scripts.' });
  for (const p of PACKAGE_OWNERS) {
    if (p.owners.includes(folder)) continue;
    // An excepted package is re-allowed by a negated entry ('!@actions/exec'); the rest of its group stays out.
    const excepted = packages.filter((name) => p.group.some((g) => matchesGroup(name, g))).map((name) => `!${name}`);
    const only = p.owners.map((o) => `src/${o}`).join(' and ');
    patterns.push({ group: [...p.group, ...excepted], message: `Only ${only} import ${p.what}; keep ${where} free of it.` });
  }
  if (!io) patterns.push({ group: IO_MODULES, message: 'The core does no I/O: take data, return data (the adapters read and write).' });
  return patterns;
}

function rulesFor(folder, allowed, exception) {
  const core = CORE.includes(folder) && !CORE_IO_FILES.includes(exception?.file);
  // typescript-eslint's version of the rule: the same patterns, plus `allowTypeImports` for the ports.
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns: importPatterns(folder, allowed, { ...exception, io: !core }) }] };
}

/** Every folder of src/ has a place in the graph, and no nested folder shares a name with a top-level one. */
function checkFolders() {
  const top = readdirSync('src', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  for (const d of top) {
    if (!FOLDERS.includes(d)) throw new Error(`eslint.config.js: src/${d} is not in IMPORT_GRAPH; add it with the folders it may import.`);
  }
  for (const d of readdirSync('src', { withFileTypes: true, recursive: true })) {
    const parent = d.parentPath ?? d.path;
    const nested = parent !== 'src';
    if (d.isDirectory() && nested && top.includes(d.name)) {
      throw new Error(`eslint.config.js: ${parent}/${d.name} has the name of a top-level folder, which the import rules match by name; rename it.`);
    }
  }
}

function matchesGroup(name, group) {
  return group.endsWith('/*') ? name.startsWith(group.slice(0, -1)) : name === group;
}

function escapeRegex(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'build/**', 'test/fixtures/**', 'demo-out/**', 'perf-gate-out/**', 'scripts/spike-wasm-ingest/kernel.ts'] }, // kernel.ts: AssemblyScript
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  ...FOLDERS.map((folder) => ({ files: [`src/${folder}/**/*.ts`], rules: rulesFor(folder, IMPORT_GRAPH[folder]) })),
  { files: ['src/index.ts'], rules: rulesFor(undefined, LIBRARY) },
  ...[...EXCEPTIONS, ...CORE_IO_FILES.filter((f) => !EXCEPTIONS.some((e) => e.file === f)).map((file) => ({ file }))].map((e) => {
    const folder = e.file.split('/')[1];
    return { files: [e.file], rules: rulesFor(folder, IMPORT_GRAPH[folder], e) };
  }),
  {
    files: CORE.map((f) => `src/${f}/**/*.ts`),
    ignores: CORE_IO_FILES,
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'The core reads no environment.' }, { name: 'console', message: 'The core does not log.' }],
    },
  },
  {
    // Examples use perf-gate as its users do: by its package name, never by a path into src/.
    files: ['examples/**/*.ts', 'examples/**/*.js'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?:\\.\\./)+(?:src|test|scripts)/', message: "Examples import '@isectech/perf-gate', not the repository's files." }] }],
    },
  },
  {
    // artillery-plugin-perf-gate and the tests' Artillery processors: plain CommonJS that Artillery require()s in its workers.
    files: ['artillery/**/*.js', 'test/real-artillery/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', global: 'readonly', URL: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
