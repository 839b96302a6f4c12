/**
 * Making text that came from a user's test (metric names, tag values, messages that embed them, notes) safe to
 * put into a report. A k6 script can name an endpoint anything, so nothing from it may break a table, inject
 * HTML, ping people or rewrite a terminal.
 */
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
export declare function escapeMarkdown(s: string): string;
/**
 * Makes text safe for a terminal: line breaks and tabs become a space, other control characters (ESC starts
 * ANSI sequences that can move the cursor or retitle the window) are shown as `\xNN`, bidirectional overrides
 * become U+FFFD.
 * @example sanitizeTerminal('GET /a\u001b[2J') === 'GET /a\\x1b[2J'
 */
export declare function sanitizeTerminal(s: string): string;
