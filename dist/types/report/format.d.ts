/**
 * Number and time formatting shared by the text and Markdown renderers. Every function is pure, independent of
 * the machine's locale and time zone, and returns plain text without Markdown or ANSI.
 *
 * The choices (documented for users in docs/report.md):
 * - plain numbers keep 3 significant digits below 1000 (`0.412`, `38.5`, `155`, `20.0`) and are whole numbers with
 *   comma thousands separators from 1000 up (`1,234`, `12,346`) — latencies stay in ms so columns compare at a glance;
 * - relative changes are signed percentages with at most one decimal (`+12.3 %`, `−4.0 %`, `+123 %`, `0.0 %`);
 * - negative numbers carry the minus sign U+2212 (`−4.0 %`), as the gate's messages do;
 * - fractions such as error rates are unsigned percentages with 3 significant digits (`0 %`, `0.120 %`, `5.00 %`);
 * - memory is in MB of 1,048,576 bytes (2^20, the unit of the gate's `slopeMBPerHour` and of its messages);
 * - p-values are `p < 0.001`, `p = 0.004` or `p = 0.05`;
 * - a missing value is `–` (en dash); non-finite values are shown, never hidden (`∞`, `NaN`); magnitudes below
 *   1e-9 are `≈0` rather than a long row of zeros.
 */
import type { Confidence } from '../gate/verdict.js';
/** What a missing value looks like in every renderer. */
export declare const MISSING = "\u2013";
/** The minus sign of displayed numbers (U+2212), wider and clearer than a hyphen. */
export declare const MINUS = "\u2212";
/** Bytes in the MB the reports show: 2^20, as the gate computes `slopeMBPerHour`. */
export declare const BYTES_PER_MB = 1048576;
/**
 * A number with `significant` significant digits below 1000 and a whole number with comma thousands
 * separators from 1000 up; never exponent notation.
 * @example formatNumber(38.51) === '38.5'; formatNumber(0.41089) === '0.411'; formatNumber(12345.6) === '12,346'
 */
export declare function formatNumber(x: number, significant?: number): string;
/** Whole number with comma thousands separators: `groupThousands(-1234567) === '−1,234,567'`. */
export declare function groupThousands(n: number): string;
/** Milliseconds with unit: `formatMs(80.0635) === '80.1 ms'`, `formatMs(1234.5) === '1,235 ms'`. */
export declare function formatMs(ms: number): string;
/** Requests per second with unit: `formatRate(104.276) === '104 req/s'`. */
export declare function formatRate(perSecond: number): string;
/**
 * A relative change (a fraction) as a signed percentage with at most one decimal, `significant` digits where
 * the magnitude allows: `signedPercentNumber(0.1234) === '+12.3'`, `signedPercentNumber(0.21, 2) === '+21'`.
 * A change that rounds to zero has no sign (`0.0`).
 */
export declare function signedPercentNumber(fraction: number, significant?: number): string;
/** A relative change as a signed percentage: `formatChange(0.44) === '+44.0 %'`, `formatChange(-0.04) === '−4.0 %'`. */
export declare function formatChange(fraction: number): string;
/** A fraction 0..1 as an unsigned percentage: `formatPercent(0.05) === '5.00 %'`, `formatPercent(0) === '0 %'`. */
export declare function formatPercent(fraction: number): string;
/** Bytes as MB of 2^20 bytes: `formatMegabytes(53_313_536) === '50.8 MB'`. */
export declare function formatMegabytes(bytes: number): string;
/** A memory slope with sign: `formatSlope(14.4) === '+14.4 MB/h'`, `formatSlope(0) === '0 MB/h'`. */
export declare function formatSlope(mbPerHour: number): string;
/**
 * A p-value the way papers print it: `p < 0.001` below 0.001, three decimals below 0.01, two decimals above.
 * @example formatPValue(0.00002) === 'p < 0.001'; formatPValue(0.0043) === 'p = 0.004'; formatPValue(0.412) === 'p = 0.41'
 */
export declare function formatPValue(p: number): string;
/** A confidence level 0..1 as a percentage without trailing zeros: `formatLevel(0.95) === '95 %'`, `formatLevel(0.999) === '99.9 %'`. */
export declare function formatLevel(confidence: number): string;
/** `95 % CI +21 … +38 %`: an interval of a relative change, bounds with 2 significant digits. */
export declare function formatInterval(interval: NonNullable<Confidence['interval']>): string;
/**
 * "How sure" in words, with the interval when there is one.
 * @example formatConfidence({ level: 'confirmed', interval: { lower: 0.21, upper: 0.38, confidence: 0.95 } })
 *   === 'confirmed (95 % CI +21 … +38 %)'
 */
export declare function formatConfidence(confidence: Confidence): string;
/** `baseline → current` with a formatter, `–` for a missing side: `formatPair(38.5, 50.1, formatNumber) === '38.5 → 50.1'`. */
export declare function formatPair(baseline: number | undefined, current: number | undefined, format: (x: number) => string): string;
/**
 * A run duration: `6.2 s`, `20 s`, `2 min 5 s`, `1 h 2 min`.
 * @example formatDuration(125) === '2 min 5 s'
 */
export declare function formatDuration(seconds: number): string;
/**
 * An ISO 8601 instant as `YYYY-MM-DD HH:MM UTC`; anything that does not parse is returned unchanged.
 * @example formatTimestamp('2024-05-02T09:13:41.512Z') === '2024-05-02 09:13 UTC'
 */
export declare function formatTimestamp(iso: string): string;
