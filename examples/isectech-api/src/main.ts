import { optionsFromEnv } from './options.js';
import { startServer } from './server.js';

/** Starts the example API from the environment and stops it on SIGINT/SIGTERM. */
export async function run(): Promise<void> {
  const server = await startServer(optionsFromEnv(process.env));
  console.log(`isectech-api listening on ${server.url}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

run().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
