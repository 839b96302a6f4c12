/**
 * Reads `perf-gate.yml` (or a JSON file) from disk. The only file access of the config layer.
 */
import { readFile } from 'node:fs/promises';
import { ConfigError } from './errors.js';
import { defaultConfig, type PerfGateConfig } from './schema.js';
import { parseConfigText } from './yaml.js';

/**
 * Loads and validates a config file; without a path, the defaults.
 *
 * @throws {ConfigError} when the file cannot be read (naming the file and why), has a YAML syntax error
 *   (`file:line:col` and the parser's message) or invalid settings (every problem, one line each).
 * @example await loadConfig('examples/isectech/perf-gate.yml')
 */
export async function loadConfig(path?: string): Promise<PerfGateConfig> {
  if (path === undefined) return defaultConfig();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ConfigError([`${path}: cannot read the perf-gate config: ${readFailure(err)} — check the path given as the config file`], {
      file: path,
      path,
      cause: err,
    });
  }
  return parseConfigText(text, path);
}

function readFailure(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
