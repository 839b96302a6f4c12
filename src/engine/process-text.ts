/**
 * How the engines that start a load tool (k6, JMeter, Artillery) write about it: its command line for
 * the log, durations, and why it could not be started. One wording for every tool.
 */

/** An argument as a POSIX shell would need it quoted, for a log line a user can copy. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** `1.5 s`, `30 s` (milliseconds, to at most three decimals). */
export function secondsText(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/**
 * Why `tool` at `path` could not be started: `could not start k6 (/opt/k6): it does not exist`.
 *
 * @example startError('JMeter', '/opt/jmeter/bin/jmeter', enoent).message // 'could not start JMeter (/opt/jmeter/bin/jmeter): it does not exist'
 */
export function startError(tool: string, path: string, err: Error): Error {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'it is not executable' : err.message;
  return new Error(`could not start ${tool} (${path}): ${why}`, { cause: err });
}
