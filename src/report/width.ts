/**
 * How many terminal columns text takes, so that the text renderer can align columns holding endpoint names in
 * any script. An approximation of Unicode's East Asian Width that terminals agree on: wide and fullwidth
 * characters and emoji take 2 columns, combining marks and zero-width characters 0, everything else 1.
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f/u;
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\u200b]+$/u;

function graphemeWidth(g: string): number {
  if (ZERO.test(g)) return 0;
  if (EMOJI.test(g) || WIDE.test(g)) return 2;
  return 1;
}

/**
 * Terminal columns of a string without control characters.
 * @example displayWidth('GET /a') === 6; displayWidth('日本') === 4; displayWidth('e\u0301') === 1
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const { segment } of segmenter.segment(s)) w += graphemeWidth(segment);
  return w;
}

/**
 * The longest prefix of whole graphemes that, followed by `…`, fits in `width` columns; `s` itself when it fits.
 * @example truncateToWidth('GET /api/alerts/123', 10) === 'GET /api/…'
 */
export function truncateToWidth(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const { segment } of segmenter.segment(s)) {
    const gw = graphemeWidth(segment);
    if (w + gw > width - 1) break;
    out += segment;
    w += gw;
  }
  return `${out}…`;
}

/** Pads with spaces to `width` columns, on the right (`'left'` alignment) or on the left (`'right'`). */
export function padToWidth(s: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  switch (align) {
    case 'left':
      return s + fill;
    case 'right':
      return fill + s;
  }
}
