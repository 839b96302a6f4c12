/**
 * The real Artillery the tests may run, from the setting PERF_GATE_TEST_ARTILLERY: the path of its
 * `artillery` bin (scripts/install-artillery.sh prints it: tools/artillery/node_modules/.bin/artillery).
 * Without it, the tests that need Artillery say so and skip.
 */
import { execFileSync } from 'node:child_process';
import { isAbsolute, resolve } from 'node:path';
import { parseArtilleryVersion } from '../../src/engine/artillery/find-artillery.js';

export const REAL_ARTILLERY_SETTING = 'PERF_GATE_TEST_ARTILLERY';

export interface RealArtillery {
  /** The bin, absolute. */
  readonly path: string;
  /** What `artillery version` says. */
  readonly version: string;
}

/** Artillery must not send telemetry nor download a browser from a test (this machine reaches no outside address). */
export const ARTILLERY_TEST_ENV = { ARTILLERY_DISABLE_TELEMETRY: 'true', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } as const;

function fromSetting(value: string | undefined): RealArtillery | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const path = isAbsolute(value) ? value : resolve(value);
  let output: string;
  try {
    output = execFileSync(path, ['version'], { encoding: 'utf8', env: { ...process.env, ...ARTILLERY_TEST_ENV }, timeout: 60_000 });
  } catch (err) {
    throw new Error(`${REAL_ARTILLERY_SETTING} names ${path}, but \`${path} version\` failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const version = parseArtilleryVersion(output);
  if (version === undefined) throw new Error(`${REAL_ARTILLERY_SETTING} names ${path}, which is not Artillery: \`version\` printed ${JSON.stringify(output.slice(0, 200))}`);
  return { path, version };
}

/** The real Artillery, or undefined without the setting. */
export const REAL_ARTILLERY: RealArtillery | undefined = fromSetting(process.env[REAL_ARTILLERY_SETTING]);

/** What a skipped suite says, in its title and on the console. */
export const SKIPPED = `skipped: set ${REAL_ARTILLERY_SETTING} to the artillery bin (scripts/install-artillery.sh prints it)`;

/** Warns on the console that a suite is skipped, naming the setting (the title alone is easy to miss). */
export function warnIfSkipped(suite: string): void {
  if (REAL_ARTILLERY === undefined) console.warn(`${suite}: ${SKIPPED}`);
}
