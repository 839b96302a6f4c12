import { type PerfGateConfig } from './schema.js';
/**
 * Loads and validates a config file; without a path, the defaults.
 *
 * @throws {ConfigError} when the file cannot be read (naming the file and why), has a YAML syntax error
 *   (`file:line:col` and the parser's message) or invalid settings (every problem, one line each).
 * @example await loadConfig('examples/isectech/perf-gate.yml')
 */
export declare function loadConfig(path?: string): Promise<PerfGateConfig>;
