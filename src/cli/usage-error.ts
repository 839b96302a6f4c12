/** A command line that cannot be carried out as given (bad option value); exit status 2. */
export class UsageError extends Error {}

/** `--window 10` → 10, `auto` → 'auto'. */
export function parseWindow(value: string): 'auto' | number {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--window: expected 'auto' or a number of seconds > 0, got '${value}'`);
  return n;
}

/** `--label team=core` → ['team', 'core']. */
export function parseLabels(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf('=');
    if (i <= 0) throw new UsageError(`--label: expected key=value, got '${v}'`);
    out[v.slice(0, i)] = v.slice(i + 1);
  }
  return out;
}

export function parseGroupBy(value: string): string[] {
  const tags = value.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
  if (tags.length === 0) throw new UsageError(`--group-by: expected one or more tag names, got '${value}'`);
  return tags;
}

/** `--max-scopes 200` → 200: a whole number ≥ 1. */
export function parseMaxScopes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--max-scopes: expected a whole number ≥ 1, got '${value}'`);
  return n;
}
