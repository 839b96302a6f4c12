/**
 * Finding Artillery and its version, and the perf-gate plugin shipped with this package. Artillery is not a
 * dependency of perf-gate (it is ~590 MB): the caller installs it (scripts/install-artillery.sh, `npm i -g
 * artillery@2.0.21`) and names it, or it is on PATH.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { childEnv } from '../child-env.js';

const execFileAsync = promisify(execFile);

/** The variable that names the Artillery executable for the engine. */
export const ARTILLERY_SETTING = 'PERF_GATE_ARTILLERY';

/**
 * Set wherever perf-gate starts Artillery: no telemetry, and no browser download should Artillery's
 * Playwright engine try one (as scripts/install-artillery.sh sets them for the install).
 */
export const ARTILLERY_QUIET_ENV = { ARTILLERY_DISABLE_TELEMETRY: 'true', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } as const;

export interface FoundArtillery {
  readonly path: string;
  readonly version: string;
}

/**
 * The version of the Artillery at `bin`: from the package.json of the `artillery` package the bin links
 * into (node_modules/.bin/artillery → artillery/bin/run), else from `artillery version`'s `Artillery: x.y.z`
 * line. Undefined when neither says (not Artillery, or it does not start).
 */
export async function artilleryVersion(bin: string, processEnv: NodeJS.ProcessEnv): Promise<string | undefined> {
  // A bare name is looked up on PATH by `artillery version`, not as a file of the working folder.
  const fromPackage = /[\\/]/.test(bin) ? packageVersion(bin) : undefined;
  if (fromPackage !== undefined) return fromPackage;
  try {
    const env = childEnv({ parent: processEnv, set: ARTILLERY_QUIET_ENV }).env;
    const { stdout } = await execFileAsync(bin, ['version'], { encoding: 'utf8', timeout: 60_000, env });
    return parseArtilleryVersion(stdout);
  } catch {
    return undefined;
  }
}

/**
 * The version in `artillery version`'s output.
 *
 * @example parseArtilleryVersion('VERSION INFO:\n\nArtillery: 2.0.21\nNode.js:   v20.20.2\n') // '2.0.21'
 */
export function parseArtilleryVersion(output: string): string | undefined {
  return /^Artillery:\s*v?(\d+\.\d+\.\d+\S*)/m.exec(output)?.[1];
}

function packageVersion(bin: string): string | undefined {
  try {
    let dir = dirname(realpathSync(bin));
    for (let i = 0; i < 3; i++, dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'artillery' && typeof pkg.version === 'string') return pkg.version;
    }
  } catch {
    // not a file we can follow: ask the bin
  }
  return undefined;
}

/**
 * Artillery for the engine: the one the caller installed, else `PERF_GATE_ARTILLERY`, else `artillery` on
 * PATH; undefined (with why) when none answers with a version.
 */
export async function findArtillery(installed: FoundArtillery | undefined, processEnv: NodeJS.ProcessEnv): Promise<{ found: FoundArtillery; from: string } | { why: string }> {
  if (installed) return { found: installed, from: 'installed' };
  const named = processEnv[ARTILLERY_SETTING];
  if (named !== undefined && named !== '') {
    const path = resolve(named);
    const version = await artilleryVersion(path, processEnv);
    if (version === undefined) return { why: `${ARTILLERY_SETTING} names ${path}, which does not answer \`artillery version\`` };
    return { found: { path, version }, from: ARTILLERY_SETTING };
  }
  const version = await artilleryVersion('artillery', processEnv);
  if (version === undefined) return { why: `artillery is not on PATH (and ${ARTILLERY_SETTING} is not set)` };
  return { found: { path: 'artillery', version }, from: 'PATH' };
}

/** The plugin's folder name: Artillery loads `artillery-plugin-<name>` for `config.plugins.<name>`. */
export const PLUGIN_FOLDER = 'artillery-plugin-perf-gate';

/**
 * The folder that holds artillery-plugin-perf-gate (the package's `artillery/`), for ARTILLERY_PLUGIN_PATH:
 * found upwards from this module, so it is the same from src/engine/artillery/ and from the bundle in dist/.
 *
 * @throws Error when the package has no such folder (a packaging mistake).
 */
export function pluginParent(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'artillery');
    if (existsSync(join(candidate, PLUGIN_FOLDER, 'index.js'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`perf-gate's Artillery plugin (artillery/${PLUGIN_FOLDER}/index.js) is not in this installation, above ${from}`);
  }
}
