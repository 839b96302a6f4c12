/**
 * What scripts/bench-live-ingest.mjs measures, bundled by it with esbuild and run in a child process of its
 * own (so its peak RSS is perf-gate's alone): one stage of the real k6 as the k6 engine runs it — live
 * (the FIFO read while k6 runs) or file (k6 writes NDJSON, ingestFiles after it exits) — timing k6's exit
 * to the document, and sampling the work folder's disk use meanwhile.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { resolvePolicy } from '../src/config/policy.js';
import { defaultConfig } from '../src/config/schema.js';
import { scopeOf } from '../src/document/by-type.js';
import type { RunDocument } from '../src/document/run-document.js';
import { openLiveOutput } from '../src/engine/k6-live-output.js';
import { runK6 } from '../src/engine/k6-run.js';
import { ingestFiles } from '../src/ingest/index.js';
import { stageIngestOptions } from '../src/pipeline/stage-ingest.js';

export interface StageBench {
  readonly mode: 'live' | 'file';
  readonly k6: string;
  readonly script: string;
  readonly baseUrl: string;
  readonly env: Record<string, string>;
  readonly workDir: string;
  /** Milliseconds between disk samples. */
  readonly sampleMs: number;
  /** Where the run is built (IngestOptions.builderThread); default the product's own choice. */
  readonly builderThread?: 'auto' | 'always' | 'never';
}

/** VmHWM: the process's peak RSS so far, in kB. */
function peakRssKb(): number {
  return Number(/VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
}

/** Bytes of the files under `dir` (a FIFO counts 0: it holds nothing on disk). */
function diskBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const s = lstatSync(join(dir, name));
    total += s.isDirectory() ? diskBytes(join(dir, name)) : s.isFile() ? s.blocks * 512 : 0;
  }
  return total;
}

export async function benchStage(b: StageBench) {
  const stageIngest = stageIngestOptions('smoke', resolvePolicy(defaultConfig(), 'smoke'), {});
  const ingest = b.builderThread !== undefined ? { ...stageIngest, builderThread: b.builderThread } : stageIngest;
  const outFile = join(b.workDir, 'smoke.ndjson');
  const disk: number[] = [];
  // Where the memory is, at its largest: V8's heap, Buffers and WebAssembly memory outside it.
  const memory = { heapUsedMax: 0, heapTotalMax: 0, externalMax: 0, arrayBuffersMax: 0, rssPeakBeforeEndKb: 0 };
  // Each V8 space's committed size at its largest: which of them the heap's total is.
  const spaces: Record<string, number> = {};
  const sampler = setInterval(() => {
    disk.push(diskBytes(b.workDir));
    const m = process.memoryUsage();
    memory.heapUsedMax = Math.max(memory.heapUsedMax, m.heapUsed);
    memory.heapTotalMax = Math.max(memory.heapTotalMax, m.heapTotal);
    memory.externalMax = Math.max(memory.externalMax, m.external);
    memory.arrayBuffersMax = Math.max(memory.arrayBuffersMax, m.arrayBuffers);
    for (const s of getHeapSpaceStatistics()) spaces[s.space_name] = Math.max(spaces[s.space_name] ?? 0, s.space_size);
  }, b.sampleMs);
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m), warning: (m: string) => lines.push(`warning: ${m}`), debug: () => undefined };
  const live = b.mode === 'live' ? await openLiveOutput({ path: outFile, ingest, log }) : undefined;
  // k6's last byte to the built document: the build after the end of the load, which overlaps k6's own
  // exit (k6 writes its summary after closing its outputs), so "exit → document" alone would hide it.
  let builtAt: number | undefined;
  // The peak RSS so far, every second while bytes arrive: what the build at the end adds on top of it.
  const peakWhileReading = setInterval(() => {
    if (live !== undefined && live.bytesRead > 0 && builtAt === undefined) memory.rssPeakBeforeEndKb = peakRssKb();
  }, 1000);
  void live?.document().then(
    () => (builtAt = performance.now()),
    () => undefined,
  );
  let doc: RunDocument;
  let exitToDocumentMs: number;
  let result;
  try {
    result = await runK6({ k6: b.k6, script: b.script, stage: 'smoke', outFile, baseUrl: b.baseUrl, env: b.env, log, processEnv: { ...process.env, K6_NO_USAGE_REPORT: 'true' }, ...(live ? { live } : {}), progressIntervalMs: 10_000 });
    // `endedAt` is k6's exit (its 'close'); runK6 has drained the FIFO since, which is part of the time.
    const exitedAt = result.endedAt.getTime() - Date.now() + performance.now();
    doc = live ? await live.document() : await ingestFiles([outFile], ingest);
    exitToDocumentMs = performance.now() - exitedAt;
  } finally {
    clearInterval(sampler);
    clearInterval(peakWhileReading);
    await live?.close();
  }
  // What the document (and nothing else) keeps, when the child runs with --expose-gc.
  (globalThis as { gc?: () => void }).gc?.();
  const retainedHeap = process.memoryUsage().heapUsed;
  const documentBytes = JSON.stringify(doc).length;
  const requests = scopeOf(doc, 'http_reqs', 'counter');
  return {
    mode: b.mode,
    exitCode: result.exitCode,
    k6Seconds: result.durationMs / 1000,
    requests: requests?.counter.count ?? 0,
    lines: doc.meta.sources[0]?.lines ?? 0,
    ndjsonBytes: live ? live.bytesRead : undefined,
    exitToDocumentMs,
    lastByteToDocumentMs: live?.lastByteAt !== undefined && builtAt !== undefined ? builtAt - live.lastByteAt : undefined,
    disk: { samples: disk.length, maxBytes: Math.max(0, ...disk), lastBytes: disk.at(-1) ?? 0 },
    memory: { ...memory, retainedHeap, documentBytes, spaces },
    progress: lines.filter((l) => l.startsWith('elapsed ')),
  };
}
