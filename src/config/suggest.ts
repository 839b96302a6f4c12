/**
 * "Did you mean …?" for misspelt config keys, enum values and stage names. Pure.
 */

/**
 * Edit distance with adjacent transpositions (optimal string alignment): the number of single-character
 * insertions, deletions, substitutions and swaps of neighbours that turn `a` into `b`.
 *
 * @example editDistance('regresion', 'regression') // 1 (one insertion)
 * @example editDistance('alpah', 'alpha') // 1 (one swap)
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate closest to `input` (ignoring case), if it is close enough to be a likely typo: at most
 * one edit per three characters, and at least one edit allowed. Ties go to the earlier candidate.
 *
 * @example didYouMean('regresion', ['extends', 'thresholds', 'regression', 'endurance']) // 'regression'
 * @example didYouMean('colour', ['alpha', 'window']) // undefined
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(input.length, best.length) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** Lists names for a message: `'smoke', 'load' and 'stress'`. */
export function listNames(names: readonly string[], conjunction: 'and' | 'or' = 'or'): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1] ?? ''}`;
}
