/**
 * An input a user gave us cannot be read. The message says which file (and line), what was wrong and what
 * to do; the CLI prints it and exits with status 2.
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  /** The input file the problem is in (as the user named it). */
  readonly file: string;
  /** 1-based line number, when the problem is on one line. */
  readonly line?: number;

  constructor(file: string, message: string, options?: { readonly line?: number; readonly cause?: unknown }) {
    const where = options?.line !== undefined ? `${file}:${options.line}` : file;
    super(`${where}: ${message}`, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.file = file;
    if (options?.line !== undefined) this.line = options.line;
  }
}

/** The inputs perf-gate reads, as listed in every "unrecognised file" error. */
export const ACCEPTED_FORMATS =
  'perf-gate reads k6 `--out json` NDJSON (.gz), k6 `--out csv` (.gz), k6 `--summary-export` JSON, ' +
  'k6 `handleSummary` JSON (JSON.stringify(data)), k6\'s machine-readable summary (`--new-machine-readable-summary`), ' +
  'JMeter CSV and XML result files (`jmeter -n -t plan.jmx -l results.jtl`, plain or .gz), ' +
  'Artillery `--output` reports, the request lines of artillery-plugin-perf-gate (docs/artillery.md) ' +
  'and perf-gate run documents ("schema": "perf-gate/run@1")';

/** Shows the start of a line in an error message: at most `max` characters, control characters escaped. */
export function excerpt(text: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
