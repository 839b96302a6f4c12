/**
 * Making text that came from a user's test (metric names, tag values, messages that embed them, notes) safe to
 * put into a report. A k6 script can name an endpoint anything, so nothing from it may break a table, inject
 * HTML, ping people or rewrite a terminal.
 */

/** Line breaks, tabs and other C0/C1 control characters: all shown as one space in a single-line cell. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Bidirectional overrides and isolates ("Trojan Source"): they can make text read differently than it is. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** Characters with a meaning in GitHub Markdown that are backslash-escaped (GFM allows it before any ASCII punctuation). */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~#!]/g;

/**
 * Escapes text for GitHub-flavoured Markdown *and* HTML so that it renders literally on one line, in a paragraph,
 * a list item or a table cell:
 * - `&`, `<`, `>`, `"` become entities, so no HTML tag or comment can be opened;
 * - `` \ ` * _ [ ] | ~ # ! `` are backslash-escaped, so no emphasis, code span, link, image or table cell can start
 *   (GFM honours `\|` inside table cells);
 * - line breaks, tabs and control characters become a space, bidirectional overrides become U+FFFD;
 * - `@` is followed by a zero-width space, so `@org/team` in an endpoint name does not notify anybody.
 * Not idempotent: escape each string exactly once, just before it is put into Markdown.
 * @example escapeMarkdown('GET /a|b <script>') === 'GET /a\\|b &lt;script&gt;'
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(CONTROL, ' ')
    .replace(BIDI, '\ufffd')
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/@/g, '@\u200b');
}

/**
 * Makes text safe for a terminal: line breaks and tabs become a space, other control characters (ESC starts
 * ANSI sequences that can move the cursor or retitle the window) are shown as `\xNN`, bidirectional overrides
 * become U+FFFD.
 * @example sanitizeTerminal('GET /a\u001b[2J') === 'GET /a\\x1b[2J'
 */
export function sanitizeTerminal(s: string): string {
  return s
    .replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ')
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(BIDI, '\ufffd');
}
