/**
 * How many terminal columns text takes, so that the text renderer can align columns holding endpoint names in
 * any script. An approximation of Unicode's East Asian Width that terminals agree on: wide and fullwidth
 * characters and emoji take 2 columns, combining marks and zero-width characters 0, everything else 1.
 */
/**
 * Terminal columns of a string without control characters.
 * @example displayWidth('GET /a') === 6; displayWidth('日本') === 4; displayWidth('e\u0301') === 1
 */
export declare function displayWidth(s: string): number;
/**
 * The longest prefix of whole graphemes that, followed by `…`, fits in `width` columns; `s` itself when it fits.
 * @example truncateToWidth('GET /api/alerts/123', 10) === 'GET /api/…'
 */
export declare function truncateToWidth(s: string, width: number): string;
/** Pads with spaces to `width` columns, on the right (`'left'` alignment) or on the left (`'right'`). */
export declare function padToWidth(s: string, width: number, align: 'left' | 'right'): string;
