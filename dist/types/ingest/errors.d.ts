/**
 * An input a user gave us cannot be read. The message says which file (and line), what was wrong and what
 * to do; the CLI prints it and exits with status 2.
 */
export declare class IngestError extends Error {
    readonly name = "IngestError";
    /** The input file the problem is in (as the user named it). */
    readonly file: string;
    /** 1-based line number, when the problem is on one line. */
    readonly line?: number;
    constructor(file: string, message: string, options?: {
        readonly line?: number;
        readonly cause?: unknown;
    });
}
/** The inputs perf-gate reads, as listed in every "unrecognised file" error. */
export declare const ACCEPTED_FORMATS: string;
/** Shows the start of a line in an error message: at most `max` characters, control characters escaped. */
export declare function excerpt(text: string, max?: number): string;
