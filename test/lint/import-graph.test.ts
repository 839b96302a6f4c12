/**
 * The import graph of eslint.config.js, tried on one import at a time: the rules must flag what the graph
 * forbids and pass what it allows (a regex that matches nothing would pass the whole tree silently).
 */
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });
/** eslint.config.js's known exceptions to the graph (the config is plain JavaScript, so typed here). */
const { EXCEPTIONS } = (await import(new URL('../../eslint.config.js', import.meta.url).href)) as {
  EXCEPTIONS: readonly { file: string; modules?: readonly string[]; packages?: readonly string[] }[];
};

async function restrictions(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('lint: the import graph between src/ folders', () => {
  it.each([
    { what: 'stats imports nothing of ours', file: 'src/stats/x.ts', code: "import { a } from '../document/run-document.js';", flagged: true },
    { what: 'document may use stats', file: 'src/document/x.ts', code: "import { a } from '../stats/percentile.js';", flagged: false },
    { what: 'config may use document', file: 'src/config/x.ts', code: "import { a } from '../document/scope-cardinality.js';", flagged: false },
    { what: 'config may not use the engine', file: 'src/config/policy.ts', code: "import { a } from '../engine/embedded/workload.js';", flagged: true },
    { what: 'config/schema.ts: no engine at all (the workload schema moved to config/)', file: 'src/config/schema.ts', code: "import { a } from '../engine/embedded/workload.js';", flagged: true },
    { what: 'gate may use config', file: 'src/gate/x.ts', code: "import type { A } from '../config/policy.js';", flagged: false },
    { what: 'gate may not use report (type import too)', file: 'src/gate/x.ts', code: "import type { A } from '../report/index.js';", flagged: true },
    { what: 'gate re-exporting the engine', file: 'src/gate/x.ts', code: "export * from '../engine/log.js';", flagged: true },
    { what: 'report may use gate', file: 'src/report/x.ts', code: "import type { A } from '../gate/verdict.js';", flagged: false },
    { what: 'report may not use config', file: 'src/report/x.ts', code: "import { a } from '../config/policy.js';", flagged: true },
    { what: 'ingest may use document', file: 'src/ingest/x.ts', code: "import { a } from '../document/run-builder.js';", flagged: false },
    { what: 'ingest may not use gate', file: 'src/ingest/x.ts', code: "import { a } from '../gate/compare.js';", flagged: true },
    { what: 'engine, one folder down, may use ingest', file: 'src/engine/embedded/x.ts', code: "import { a } from '../../ingest/builtin-metrics.js';", flagged: false },
    { what: 'engine, one folder down, may use its own files', file: 'src/engine/embedded/x.ts', code: "import { a } from '../live-progress.js';", flagged: false },
    { what: 'engine may not use gate', file: 'src/engine/embedded/x.ts', code: "import { a } from '../../gate/compare.js';", flagged: true },
    { what: 'pipeline may use the engine', file: 'src/pipeline/x.ts', code: "import { a } from '../engine/k6-run.js';", flagged: false },
    { what: 'pipeline may not use GitHub', file: 'src/pipeline/x.ts', code: "import { a } from '../github/comment.js';", flagged: true },
    { what: 'pipeline may not use the CLI', file: 'src/pipeline/x.ts', code: "import { a } from '../cli/exit-codes.js';", flagged: true },
    { what: 'engine may import the types of the ports it implements', file: 'src/engine/x.ts', code: "import type { LoadEngine } from '../pipeline/ports.js';", flagged: false },
    { what: 'engine may not import a value of the ports', file: 'src/engine/embedded/x.ts', code: "import { a } from '../../pipeline/ports.js';", flagged: true },
    { what: 'engine may not import the rest of the pipeline', file: 'src/engine/x.ts', code: "import type { A } from '../pipeline/run-pipeline.js';", flagged: true },
    { what: 'github may import the types of the ports', file: 'src/github/x.ts', code: "import type { BaselineStore } from '../pipeline/ports.js';", flagged: false },
    { what: 'gate implements no port', file: 'src/gate/x.ts', code: "import type { A } from '../pipeline/ports.js';", flagged: true },
    { what: 'cli may use the pipeline', file: 'src/cli/x.ts', code: "import { a } from '../pipeline/run.js';", flagged: false },
    { what: 'cli may not use GitHub', file: 'src/cli/x.ts', code: "import { a } from '../github/comment.js';", flagged: true },
    { what: 'action may use GitHub', file: 'src/action/x.ts', code: "import { a } from '../github/comment.js';", flagged: false },
    { what: 'action may not use the CLI', file: 'src/action/x.ts', code: "import { a } from '../cli/exit-codes.js';", flagged: true },
    { what: 'the library entry may use report', file: 'src/index.ts', code: "export { a } from './report/index.js';", flagged: false },
    { what: 'the library entry has no load engine', file: 'src/index.ts', code: "export { a } from './engine/k6-run.js';", flagged: true },
    { what: 'src does not import the example service', file: 'src/engine/x.ts', code: "import { a } from '../../examples/isectech-api/src/index.js';", flagged: true },
    { what: 'examples import the package, not src', file: 'examples/library/x.ts', code: "import { a } from '../../src/index.js';", flagged: true },
  ])('$what', async ({ file, code, flagged }) => {
    expect((await restrictions(file, code)).length > 0).toBe(flagged);
  });
});

describe('lint: packages and I/O per folder', () => {
  it.each([
    { what: 'github may use Octokit', file: 'src/github/x.ts', code: "import { Octokit } from '@octokit/rest';", flagged: false },
    { what: 'gate may not use the Actions toolkit', file: 'src/gate/x.ts', code: "import * as core from '@actions/core';", flagged: true },
    { what: 'engine may not use the Actions toolkit', file: 'src/engine/x.ts', code: "import * as core from '@actions/core';", flagged: true },
    { what: 'engine/k6-install.ts: the known exception', file: 'src/engine/k6-install.ts', code: "import * as tc from '@actions/tool-cache';", flagged: false },
    { what: 'engine/k6-install.ts: no other Actions package', file: 'src/engine/k6-install.ts', code: "import * as core from '@actions/core';", flagged: true },
    { what: 'report may not use commander', file: 'src/report/x.ts', code: "import { Command } from 'commander';", flagged: true },
    { what: 'the core reads no files', file: 'src/gate/x.ts', code: "import { readFile } from 'node:fs/promises';", flagged: true },
    { what: 'config/load.ts is the config layer’s one file read', file: 'src/config/load.ts', code: "import { readFile } from 'node:fs/promises';", flagged: false },
    { what: 'ingest reads files', file: 'src/ingest/x.ts', code: "import { readFile } from 'node:fs/promises';", flagged: false },
    { what: 'the core reads no environment', file: 'src/stats/x.ts', code: "export const home = process.env['HOME'];", flagged: true },
  ])('$what', async ({ file, code, flagged }) => {
    expect((await restrictions(file, code)).length > 0).toBe(flagged);
  });
});

describe('lint: the known exceptions to the graph', () => {
  // An exception the code no longer needs would silently allow the import again: delete it from eslint.config.js.
  it.each(EXCEPTIONS.map((e) => ({ ...e, imports: [...(e.modules ?? []), ...(e.packages ?? [])] })))('$file still imports $imports', ({ file, imports }) => {
    const source = readFileSync(`${ROOT}/${file}`, 'utf8');
    for (const name of imports) expect(source).toMatch(new RegExp(`from '(?:\\.\\./)*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`));
  });
});
