/**
 * Making text safe for the HTML report: element content and attribute values alike. A k6 script can name an
 * endpoint anything, so nothing from it may open a tag, close an attribute or reorder the text around it.
 */

/** Line breaks, tabs and other C0/C1 control characters: shown as one space. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Bidirectional overrides and isolates ("Trojan Source"). */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes text for HTML element content and double- or single-quoted attribute values: `& < > " '` become
 * entities, control characters a space, bidirectional overrides U+FFFD. Escape each string exactly once.
 * @example escapeHtml('<img src=x onerror="alert(1)">') === '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
 */
export function escapeHtml(s: string): string {
  return s
    .replace(CONTROL, ' ')
    .replace(BIDI, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
