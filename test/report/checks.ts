/** Structural checks of rendered Markdown, shared by the Markdown tests. */

import { expect } from 'vitest';

/** Pipes that GFM would take as cell delimiters: not preceded by an odd number of backslashes. */
export function unescapedPipes(line: string): number {
  let n = 0;
  let backslashes = 0;
  for (const c of line) {
    if (c === '|' && backslashes % 2 === 0) n += 1;
    backslashes = c === '\\' ? backslashes + 1 : 0;
  }
  return n;
}

export function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

/** The only HTML a report writes: the marker and collapsed detail blocks. */
const OWN_HTML = /<details><summary>|<\/summary>|<\/details>|^<!-- perf-gate:id=[a-z0-9-]+ -->$/gm;

/** What would open HTML (a tag, a comment, a declaration) or a block quote. */
const FOREIGN_MARKUP = /<[A-Za-z/!?]|^>/m;

/**
 * Asserts what must hold for every rendered report: every table row has exactly as many cell delimiters as its
 * header, no HTML but our own, detail blocks balanced, no character cut in half.
 */
export function expectWellFormed(markdown: string): void {
  expect(hasLoneSurrogate(markdown)).toBe(false);
  expect(markdown.replace(OWN_HTML, '')).not.toMatch(FOREIGN_MARKUP);
  expect(markdown.split('<details>').length).toBe(markdown.split('</details>').length);
  let columns: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      columns = undefined;
      continue;
    }
    const pipes = unescapedPipes(line);
    columns ??= pipes;
    expect(pipes, line).toBe(columns);
  }
}
