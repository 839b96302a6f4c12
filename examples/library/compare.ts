// perf-gate as a library: judge a k6 run against a baseline and write the reports, as `perf-gate compare`
// does. CI type-checks this file as a strict TypeScript consumer of the packed package
// (scripts/check-package.mjs) and runs it on the recorded k6 runs in test/fixtures/k6.
//
//   npx tsx examples/library/compare.ts <baseline> <current> [perf-gate.yml] [stage]
//
// Inputs are anything `perf-gate compare` reads: k6 NDJSON or CSV (plain or .gz), a k6 summary, a run document.
import { mkdir, writeFile } from 'node:fs/promises';
import {
  ConfigError,
  IngestError,
  buildReport,
  compareRuns,
  ingestFiles,
  loadConfig,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderText,
  resolvePolicy,
  type Outcome,
  type Report,
  type RunDocument,
  type StagePolicy,
} from '@isectech/perf-gate';

async function judge(baselineFile: string, currentFile: string, configFile: string | undefined, stage: string): Promise<Outcome> {
  // The policy first: a bad config or an unknown stage fails before any reading.
  const policy: StagePolicy = resolvePolicy(await loadConfig(configFile), stage);
  const options = { groupBy: policy.groupBy, window: policy.window, maxScopes: policy.maxScopes, stage };
  const baseline: RunDocument = await ingestFiles([baselineFile], options);
  const current: RunDocument = await ingestFiles([currentFile], options);

  // Pure from here on: the same documents and policy always give the same verdict.
  const report: Report = buildReport([compareRuns({ baseline, current, policy })], new Date());

  console.log(renderText(report));
  await mkdir('perf-gate-out', { recursive: true });
  await writeFile('perf-gate-out/report.md', renderMarkdown(report));
  await writeFile('perf-gate-out/report.json', renderJson(report));
  await writeFile('perf-gate-out/report.html', renderHtml(report, [{ stage, baseline, current }]));
  // The report is data: findings carry their metric, statistic, numbers and a sentence for a reviewer.
  const failed = report.findings.filter((f) => f.outcome === 'fail' && f.accepted !== true);
  console.log(`${failed.length} failing finding(s); reports in perf-gate-out/`);
  return report.verdict;
}

const [baselineFile, currentFile, configFile, stage = 'smoke'] = process.argv.slice(2);
if (baselineFile === undefined || currentFile === undefined) {
  console.error('usage: compare.ts <baseline> <current> [perf-gate.yml] [stage]');
  process.exit(2);
}
try {
  const verdict = await judge(baselineFile, currentFile, configFile, stage);
  process.exitCode = verdict === 'fail' ? 1 : 0;
} catch (err) {
  // The errors a user can cause say what was wrong and where; anything else is a bug, shown in full.
  if (err instanceof ConfigError || err instanceof IngestError) {
    console.error(`perf-gate: ${err.message}`);
    process.exitCode = 2;
  } else {
    throw err;
  }
}
