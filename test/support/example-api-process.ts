import { spawn } from 'node:child_process';

/** The example API's default admin token (examples/isectech-api). */
export const ADMIN_TOKEN = 'isectech-admin';

export interface ApiProcess {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The example API started as its own process (`examples/isectech-api/src/main.ts`) on a free port: a load
 * test's judging in the test's own process would otherwise delay the API's event loop in one run and not
 * the other.
 */
export function startApiProcess(seed: number): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/isectech-api/src/main.ts'], { env: { ...process.env, PORT: '0', ISECTECH_SEED: String(seed) }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer): void => {
      out += String(d);
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      child.stdout.off('data', onData);
      resolve({ url: m[1]!, close: () => new Promise<void>((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (out += String(d)));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the example API exited (${code}) before listening: ${out}`)));
  });
}

/** Sets the API's faults through its admin route (examples/isectech-api/src/faults.ts). */
export async function setFaults(api: ApiProcess, faults: unknown): Promise<void> {
  const res = await fetch(`${api.url}/admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-admin-token': ADMIN_TOKEN }, body: JSON.stringify(faults) });
  if (!res.ok) throw new Error(`the example API refused the faults: ${res.status}`);
}
