/**
 * `npm run demo`: the whole loop on this machine, through the same stage pipeline as the Action and
 * `perf-gate run` — the example API measured once as the baseline, then again with injected regressions
 * and judged against it, and the report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConfig } from '../../src/config/schema.js';
import { FileBaselineStore } from '../../src/pipeline/file-store.js';
import { renderHtml, renderJson, renderMarkdown, renderText } from '../../src/report/index.js';
import { runExampleApi } from './example-api.js';

/** How long each of the two runs loads the service: the whole demo stays well under two minutes. */
const SECONDS = Number(process.env['PERF_GATE_DEMO_SECONDS'] ?? 15);
const STAGE = 'endurance';

export async function demo(outDir = 'demo-out'): Promise<number> {
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  const log = { info: (m: string) => console.log(`  ${m}`), warning: (m: string) => console.warn(`  warning: ${m}`), debug: () => undefined };
  const config = parseConfig({ stages: { [STAGE]: { endurance: { warmupSeconds: 2 } } } });
  // The baseline is kept in a file, as the Action's `baseline: file:…` keeps it.
  const baselines = new FileBaselineStore({ path: join(out, 'baseline.run.json'), perStage: false, log });
  console.log('perf-gate demo: the example API, measured twice with the embedded load engine (no k6 needed).');

  console.log('\n▶ baseline (a first run: judged on its own, then kept as the baseline)');
  const first = await runExampleApi({}, { seconds: SECONDS, stage: STAGE, log, config });
  await baselines.write(STAGE, first.runs[0]!.current);

  console.log('\n▶ current');
  const { runs, report } = await runExampleApi({
    // One regression of each kind the gate must catch.
    latency: { '/api/dashboard': 1.5 },
    errorRate: { '/api/reports/export': 0.1 },
    leakBytesPerRequest: 32 * 1024,
  }, { seconds: SECONDS, stage: STAGE, log, config, baselines });
  const current = runs[0]!;
  writeFileSync(join(out, 'current.run.json'), `${JSON.stringify(current.current)}\n`);

  writeFileSync(join(out, 'report.json'), renderJson(report));
  writeFileSync(join(out, 'report.md'), renderMarkdown(report, { title: 'perf-gate demo' }));
  writeFileSync(join(out, 'report.html'), renderHtml(report, [{ stage: STAGE, ...(current.baseline ? { baseline: current.baseline } : {}), current: current.current }], { title: 'perf-gate demo' }));
  console.log(`\n${renderText(report, { color: Boolean(process.stdout.isTTY) })}`);
  console.log(`Reports in ${out}: report.md, report.json, report.html (charts), and the two run documents. ${((Date.now() - started) / 1000).toFixed(0)} s in all.`);
  return 0;
}
