#!/usr/bin/env node
// A STAND-IN FOR ARTILLERY — THIS IS NOT ARTILLERY.
//
// For the engine's unit tests (test/engine/artillery), where real Artillery may not be installed: it runs
// no script and sends no request; it replays a recorded real run (test/fixtures/artillery/<name>.*) as
// Artillery with artillery-plugin-perf-gate would leave it — the plugin's request file at
// `$PERF_GATE_ARTILLERY_REQUESTS.<pid>-1.jsonl` and the `--output` report. Real Artillery is tested in
// test/real-artillery.
//
// Commands
//   version               `Artillery: 2.0.21` in Artillery's VERSION INFO block
//   run --output <file> [--target <url>] [flags] <script>
//
// Environment
//   FAKE_ARTILLERY_REPLAY=<name>   the recorded run (default baseline)
//   FAKE_ARTILLERY_MODE            ok (default) | report-only (no request file: the plugin not loaded)
//                                  | fail (prints FAKE_ARTILLERY_STDERR on stderr, exits 1, writes nothing)
//                                  | wait (writes the request lines, then waits for SIGINT: exits 130, no report,
//                                    as Artillery does when stopped)
//   FAKE_ARTILLERY_RECORD=<file>   write { argv, env: its whole environment } there as JSON, at start
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/artillery');
const [command, ...args] = process.argv.slice(2);
if (command === 'version') {
  process.stdout.write('\nVERSION INFO:\n\nArtillery: 2.0.21\nNode.js:   v20.20.2\nOS:        linux\n');
  process.exit(0);
}
if (command !== 'run') {
  process.stderr.write(`fake artillery: unknown command ${command}\n`);
  process.exit(2);
}
if (process.env.FAKE_ARTILLERY_RECORD) writeFileSync(process.env.FAKE_ARTILLERY_RECORD, JSON.stringify({ argv: process.argv.slice(2), env: process.env }));
const output = args[args.indexOf('--output') + 1];
const run = process.env.FAKE_ARTILLERY_REPLAY ?? 'baseline';
const mode = process.env.FAKE_ARTILLERY_MODE ?? 'ok';
process.stdout.write('Test run id: fake\nPhase started: steady (index: 0, duration: 1s)\n');
if (mode === 'fail') {
  process.stderr.write(`${process.env.FAKE_ARTILLERY_STDERR ?? 'Error: the script is not valid'}\n`);
  process.exit(1);
}
const requests = () => writeFileSync(`${process.env.PERF_GATE_ARTILLERY_REQUESTS}.${process.pid}-1.jsonl`, gunzipSync(readFileSync(join(fixtures, `${run}.requests.jsonl.gz`))));
if (mode === 'wait') {
  requests();
  process.on('SIGINT', () => {
    process.stdout.write('Phase completed: steady\n');
    process.exit(130);
  });
  setInterval(() => {}, 1000);
} else {
  if (mode !== 'report-only') requests();
  writeFileSync(output, readFileSync(join(fixtures, `${run}.report.json`)));
  process.stdout.write('Phase completed: steady\nAll VUs finished. Total time: 1 second\n');
}
