import { type PerfGateConfig } from './schema.js';
/**
 * Parses and validates the text of a config file. An empty file is the default config.
 *
 * @param file the file's name as the user knows it; it starts every error line.
 * @throws {ConfigError} on YAML syntax errors (`file:line:col: YAML syntax error: <parser message>`) and on
 *   invalid settings (`file:line:col: <path>: <problem>`), listing all of them.
 * @example parseConfigText('alpha: 0.01\n', 'perf-gate.yml').alpha // 0.01
 */
export declare function parseConfigText(text: string, file?: string): PerfGateConfig;
