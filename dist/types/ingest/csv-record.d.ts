/**
 * Splits one CSV record (RFC 4180: fields separated by commas, a field in double quotes may hold commas,
 * newlines and doubled quotes `""`). Returns undefined when a quote is not closed, i.e. the record goes on
 * in the next line, or when text follows a closing quote (`"a"b`).
 *
 * @example splitCsvRecord('a,"b,c",""""') // ['a', 'b,c', '"']
 */
export declare function splitCsvRecord(text: string): string[] | undefined;
/** Whether the quotes in `text` are balanced (a record split across lines is not). */
export declare function quotesBalanced(text: string): boolean;
