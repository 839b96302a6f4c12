/**
 * A JMeter `timeStamp` (CSV column) or `ts` (XML attribute) as epoch milliseconds. JMeter writes
 * milliseconds since 1970 by default (`jmeter.save.saveservice.timestamp_format=ms`); with a
 * SimpleDateFormat pattern there instead it writes formatted dates. The common patterns are read:
 * `yyyy/MM/dd HH:mm:ss.SSS`, `yyyy-MM-dd HH:mm:ss.SSS`, with or without the milliseconds, with `T` for the
 * space, and an optional zone (`Z`, `+0100`, `+01:00`). Patterns that put the day or month first are
 * ambiguous (`dd/MM` or `MM/dd`) and are not read.
 *
 * `zoned` is false for a date without a zone: SimpleDateFormat wrote it in the JMeter machine's own zone,
 * which the file does not say; it is read as UTC.
 *
 * @example parseJmeterTimestamp('1551783627191') // { ms: 1551783627191, zoned: true }
 * @example parseJmeterTimestamp('2019/03/05 10:20:27.191') // { ms: 1551781227191, zoned: false }
 * @example parseJmeterTimestamp('05/03/2019 10:20') // undefined
 */
export declare function parseJmeterTimestamp(text: string): {
    readonly ms: number;
    readonly zoned: boolean;
} | undefined;
/** What an unreadable timestamp error says JMeter can be told to write. */
export declare const TIMESTAMP_FORMATS = "milliseconds since 1970 (JMeter's default) or a date as yyyy/MM/dd HH:mm:ss.SSS or yyyy-MM-dd'T'HH:mm:ss.SSSZ";
