/**
 * Errors a user causes with `perf-gate.yml`. Every problem is one line that says where it is (file, line,
 * key path), what was there, and what to do:
 *
 *     perf-gate.yml:7:5: stages.smoke.regresion: unknown key — did you mean 'regression'?
 *
 * Pure: no I/O.
 */
/** A segment of a path into the config: an object key or an array index. */
export type ConfigPathSegment = string | number;
/** One problem in a config, before it is rendered into a line. */
export interface ConfigIssue {
    /** Where in the config, e.g. `['stages', 'smoke', 'regresion']`; empty for the document itself. */
    readonly path: readonly ConfigPathSegment[];
    /** What is wrong and what to do, without the path: `unknown key — did you mean 'regression'?`. */
    readonly message: string;
    /** 1-based position in the source file, when the config came from a file. */
    readonly location?: {
        readonly line: number;
        readonly col: number;
    };
}
/**
 * Renders a config path the way a user finds it in the YAML: `stages.smoke.regression.latency`,
 * array indices as `[0]`, and metric keys under `thresholds` always quoted, since they hold k6
 * submetric syntax with spaces and braces: `stages.smoke.thresholds["http_req_duration"][0]`.
 *
 * @example formatConfigPath(['stages', 'smoke', 'thresholds', 'http_req_duration', 0])
 *   // 'stages.smoke.thresholds["http_req_duration"][0]'
 */
export declare function formatConfigPath(path: readonly ConfigPathSegment[]): string;
/**
 * Shows a value a user wrote, for "got …" in messages: strings in double quotes, lists and mappings as
 * short JSON, `nothing` for a missing value.
 *
 * @example formatValue('20%') // '"20%"'
 * @example formatValue(undefined) // 'nothing'
 */
export declare function formatValue(value: unknown): string;
/**
 * One line for an issue: `file:line:col: path: message`, leaving out the parts that are unknown.
 *
 * @example formatConfigIssue({ path: ['alpha'], message: 'expected …' }, 'perf-gate.yml')
 *   // 'perf-gate.yml: alpha: expected …'
 */
export declare function formatConfigIssue(issue: ConfigIssue, file?: string): string;
export interface ConfigErrorOptions {
    /** Where the (first) problem is: a key path such as `stages.smoke.regresion`, or a file for I/O errors. */
    readonly path?: string;
    /** The config file, when the config came from one. */
    readonly file?: string;
    readonly cause?: unknown;
}
/**
 * A config a user wrote cannot be used. `issues` holds every problem found, one complete line each; the
 * message is the single line, or a count followed by all lines.
 */
export declare class ConfigError extends Error {
    /** Where the first problem is: a key path (`stages.smoke.regresion`) or, for I/O and YAML syntax errors, the file. */
    readonly path: string;
    /** Every problem, one line each, already carrying file, line and path. */
    readonly issues: readonly string[];
    /** The config file, when the config came from one. */
    readonly file: string | undefined;
    constructor(issues: readonly string[], options?: ConfigErrorOptions);
    /** Builds the error from structured issues (e.g. from validation), rendering each as one line. */
    static fromIssues(issues: readonly ConfigIssue[], file?: string): ConfigError;
    private static render;
}
