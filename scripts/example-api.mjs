// The example API (examples/isectech-api) started for a benchmark in a process of its own, on a free port
// of 127.0.0.1: shared by bench:live and bench:cli-peak, which load it with real k6.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts the API with its simulated latency scaled by `latencyScale` ('0': it answers as fast as it can). */
export async function startExampleApi(latencyScale) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'examples/isectech-api/src/main.ts')], { env: { ...process.env, PORT: String(port), ISECTECH_LATENCY_SCALE: latencyScale }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the example API exited with ${code} before listening`)));
    child.stdout.on('data', (b) => {
      if (String(b).includes('listening')) resolve();
    });
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}
