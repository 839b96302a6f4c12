/**
 * Making text safe for the HTML report: element content and attribute values alike. A k6 script can name an
 * endpoint anything, so nothing from it may open a tag, close an attribute or reorder the text around it.
 */
/**
 * Escapes text for HTML element content and double- or single-quoted attribute values: `& < > " '` become
 * entities, control characters a space, bidirectional overrides U+FFFD. Escape each string exactly once.
 * @example escapeHtml('<img src=x onerror="alert(1)">') === '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
 */
export declare function escapeHtml(s: string): string;
