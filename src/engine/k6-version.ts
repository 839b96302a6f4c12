/**
 * Reading the version k6 reports. Its own file so that a caller that only needs the parser (the CLI,
 * looking at the k6 on PATH) does not pull in `k6-install.ts` and with it `@actions/tool-cache`.
 */

/**
 * The version in the output of `k6 version` (or `k6 --version`), without `v`: the first line that starts
 * with a program name followed by ` vX.Y.Z` — `k6 v1.8.1 (commit/devel, go1.25.12, linux/amd64)`, the
 * older `k6 v0.49.0 (2024-01-…/v0.49.0-0-g…, go1.21.6, linux/amd64)`, or `k6.exe v…` and wrappers that
 * print their own name. Extensions' lines (indented) are not read.
 *
 * @example parseK6Version('k6 v0.49.0 (2024-01-17T13:52:12+0000/v0.49.0-0-g9fdb5bd0, go1.21.6, linux/amd64)') // '0.49.0'
 * @example parseK6Version('k6.exe v1.8.1 (commit/devel, go1.25.12, windows/amd64)') // '1.8.1'
 */
export function parseK6Version(output: string): string | undefined {
  return /^[^\s]+ v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)(?![0-9A-Za-z.])/m.exec(output)?.[1];
}
