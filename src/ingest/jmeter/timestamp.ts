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
export function parseJmeterTimestamp(text: string): { readonly ms: number; readonly zoned: boolean } | undefined {
  if (DIGITS.test(text)) return { ms: Number(text), zoned: true };
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m as unknown as [string, string, string, string, string, string, string, string | undefined, string | undefined];
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60)) return undefined;
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z') {
    const digits = zone.replace(':', '');
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return { ms: Date.UTC(Number(y), month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000, zoned: zone !== undefined };
}

/** What an unreadable timestamp error says JMeter can be told to write. */
export const TIMESTAMP_FORMATS = "milliseconds since 1970 (JMeter's default) or a date as yyyy/MM/dd HH:mm:ss.SSS or yyyy-MM-dd'T'HH:mm:ss.SSSZ";

const DIGITS = /^\d{1,15}$/;
const DATE = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))? ?(Z|[+-]\d{2}:?\d{2})?$/;
