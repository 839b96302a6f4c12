#!/usr/bin/env node
// A STAND-IN FOR k6 — THIS IS NOT k6. The smallest one: `run … --out json=<path> … <script>` writes the
// lines of the file FAKE_WRITER_LINES (a JSON array of strings) to <path>, opened as k6 opens it (O_RDWR|O_CREAT|
// O_TRUNC, Go's os.Create), a few lines at a time; with FAKE_WRITER_CUT=<n> it then writes the first n bytes
// of one more line and kills itself (SIGKILL), as a k6 killed in the middle of a write. `version` prints a
// k6-like line. For the FIFO reader's tests (test/engine/k6-live-output.test.ts).
import { openSync, readFileSync, writeSync } from 'node:fs';
import process from 'node:process';

const argv = process.argv.slice(2);
if (argv[0] === 'version') {
  process.stdout.write('k6 v0.49.0 (stand-in writer, not k6)\n');
  process.exit(0);
}
let out;
for (let i = 1; i < argv.length; i++) {
  if ((argv[i] === '--out' || argv[i] === '-o') && argv[i + 1]?.startsWith('json=')) out = argv[i + 1].slice('json='.length);
}
if (out === undefined) {
  process.stderr.write('stand-in writer: no --out json=<path>\n');
  process.exit(255);
}
const lines = process.env.FAKE_WRITER_LINES === undefined ? [] : JSON.parse(readFileSync(process.env.FAKE_WRITER_LINES, 'utf8'));
const cut = process.env.FAKE_WRITER_CUT === undefined ? undefined : Number(process.env.FAKE_WRITER_CUT);
const fd = openSync(out, 'w+');
for (let i = 0; i < lines.length; i += 50) writeSync(fd, lines.slice(i, i + 50).map((l) => `${l}\n`).join(''));
if (cut !== undefined) {
  const last = lines[lines.length - 1] ?? '{"metric":"http_reqs"}';
  writeSync(fd, last.slice(0, cut));
  process.kill(process.pid, 'SIGKILL');
} else process.exit(0);
