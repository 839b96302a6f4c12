import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { defaultConfig } from '../../src/config/schema.js';
import type { RunDocument } from '../../src/document/run-document.js';
import { readShardFolder, shardDocumentsEngine } from '../../src/engine/shard-documents.js';
import type { StageLoad } from '../../src/pipeline/ports.js';
import { run } from '../gate/fixtures.js';

let base: RunDocument;
beforeAll(async () => {
  base = await run('smoke-baseline');
});

const shard = (index: number, stage = 'smoke', thresholds?: Record<string, string[]>): RunDocument => ({
  ...base,
  meta: { ...base.meta, stage, shard: { index, count: 2, segment: index === 1 ? '0:1/2' : '1/2:1', sequence: '0,1/2,1', scriptHash: 'a'.repeat(64), startedAt: '2026-12-03T07:30:00.000Z', ...(thresholds ? { thresholds } : {}) } },
});

/** A folder as download-artifact makes it: one sub-folder per shard job's artifact. */
function folder(files: Record<string, RunDocument | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-shard-docs-'));
  for (const [name, doc] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof doc === 'string' ? doc : JSON.stringify(doc));
  }
  return dir;
}

function load(stage: string, warnings: string[] = []): StageLoad {
  return { stage, policy: resolvePolicy(defaultConfig(), stage), workDir: tmpdir(), signal: new AbortController().signal, log: { info: () => undefined, warning: (m) => warnings.push(m), debug: () => undefined } };
}

describe('the merge job as an engine', () => {
  it('finds <stage>.run.json in the artifacts\' sub-folders, merges each stage, and hands over the recorded thresholds', async () => {
    const dir = folder({ 'perf-shard-1/smoke.run.json': shard(1, 'smoke', { checks: ['rate>0.99'] }), 'perf-shard-2/smoke.run.json': shard(2, 'smoke', { checks: ['rate>0.99'] }), 'perf-shard-2/notes.txt': 'x' });
    const found = await readShardFolder(dir);
    expect([...found.keys()]).toEqual(['smoke']);
    const output = await shardDocumentsEngine(dir, found).run(load('smoke'));
    expect(output.measured.kind).toBe('document');
    expect(output.scriptThresholds.map((t) => [t.metric, t.expressions.map((e) => e.source)])).toEqual([['checks', ['rate>0.99']]]);
    expect(output.shards?.members.map((m) => m.index)).toEqual([1, 2]);
    expect(output.notes.join(' ')).toMatch(/judged once, on the merged run/);
  });

  it.each<{ what: string; files: Record<string, RunDocument | string>; stage?: string; says: RegExp }>([
    { what: 'a folder with no shard document', files: { 'a/report.md': '#' }, says: /holds no shard document \(<stage>\.run\.json/ },
    { what: 'a stage the folder has none of', files: { 'a/smoke.run.json': '{}' }, stage: 'load', says: /no shard document of stage load under .* \(it holds smoke\)/ },
    { what: 'a document named for another stage', files: { 'a/load.run.json': 'STAGE' }, stage: 'load', says: /a\/load\.run\.json is named for stage load but records stage smoke/ },
    { what: 'plain run documents, no shards', files: { 'a/smoke.run.json': 'PLAIN', 'b/smoke.run.json': 'PLAIN' }, says: /these are no shard documents \(no meta\.shard\)/ },
    { what: 'a missing shard', files: { 'a/smoke.run.json': 'SHARD1' }, says: /shard 2\/2 \(segment 1\/2:1\) is missing/ },
  ])('refuses $what, naming it', async ({ files, stage, says }) => {
    const docs: Record<string, string> = { STAGE: JSON.stringify(shard(1, 'smoke')), PLAIN: JSON.stringify(base), SHARD1: JSON.stringify(shard(1)) };
    const dir = folder(Object.fromEntries(Object.entries(files).map(([n, d]) => [n, typeof d === 'string' ? (docs[d] ?? d) : d])));
    await expect((async () => shardDocumentsEngine(dir, await readShardFolder(dir)).run(load(stage ?? 'smoke')))()).rejects.toThrow(says);
  });
});
