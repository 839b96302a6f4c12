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
export const MISSING = '–';

/** The minus sign of displayed numbers (U+2212), wider and clearer than a hyphen. */
export const MINUS = '\u2212';

/** Bytes in the MB the reports show: 2^20, as the gate computes `slopeMBPerHour`. */
export const BYTES_PER_MB = 1_048_576;

/**
 * A number with `significant` significant digits below 1000 and a whole number with comma thousands
 * separators from 1000 up; never exponent notation.
 * @example formatNumber(38.51) === '38.5'; formatNumber(0.41089) === '0.411'; formatNumber(12345.6) === '12,346'
 */
export function formatNumber(x: number, significant = 3): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : `${MINUS}∞`;
  if (x === 0) return '0';
  const sign = x < 0 ? MINUS : '';
  const abs = Math.abs(x);
  if (abs < 1e-9) return `${sign}≈0`;
  const rounded = Number(abs.toPrecision(significant));
  if (rounded >= 1000) return sign + groupThousands(Math.round(abs));
  const magnitude = Math.floor(Math.log10(rounded));
  const decimals = Math.max(0, significant - 1 - magnitude);
  return sign + rounded.toFixed(decimals);
}

/** Whole number with comma thousands separators: `groupThousands(-1234567) === '−1,234,567'`. */
export function groupThousands(n: number): string {
  const digits = Math.abs(Math.round(n)).toFixed(0);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 && grouped !== '0' ? `${MINUS}${grouped}` : grouped;
}

/** Milliseconds with unit: `formatMs(80.0635) === '80.1 ms'`, `formatMs(1234.5) === '1,235 ms'`. */
export function formatMs(ms: number): string {
  return `${formatNumber(ms)} ms`;
}

/** Requests per second with unit: `formatRate(104.276) === '104 req/s'`. */
export function formatRate(perSecond: number): string {
  return `${formatNumber(perSecond)} req/s`;
}

/**
 * A relative change (a fraction) as a signed percentage with at most one decimal, `significant` digits where
 * the magnitude allows: `signedPercentNumber(0.1234) === '+12.3'`, `signedPercentNumber(0.21, 2) === '+21'`.
 * A change that rounds to zero has no sign (`0.0`).
 */
export function signedPercentNumber(fraction: number, significant = 3): string {
  if (Number.isNaN(fraction)) return 'NaN';
  if (!Number.isFinite(fraction)) return fraction > 0 ? '+∞' : `${MINUS}∞`;
  const pct = fraction * 100;
  const magnitude = pct === 0 ? 0 : Math.floor(Math.log10(Math.abs(Number(pct.toPrecision(significant)))));
  const decimals = Math.min(1, Math.max(0, significant - 1 - magnitude));
  const rounded = Number(pct.toFixed(decimals));
  if (rounded === 0) return (0).toFixed(decimals);
  const body = Math.abs(rounded) >= 1000 ? groupThousands(Math.abs(rounded)) : Math.abs(rounded).toFixed(decimals);
  return `${rounded > 0 ? '+' : MINUS}${body}`;
}

/** A relative change as a signed percentage: `formatChange(0.44) === '+44.0 %'`, `formatChange(-0.04) === '−4.0 %'`. */
export function formatChange(fraction: number): string {
  return `${signedPercentNumber(fraction)} %`;
}

/** A fraction 0..1 as an unsigned percentage: `formatPercent(0.05) === '5.00 %'`, `formatPercent(0) === '0 %'`. */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100)} %`;
}

/** Bytes as MB of 2^20 bytes: `formatMegabytes(53_313_536) === '50.8 MB'`. */
export function formatMegabytes(bytes: number): string {
  return `${formatNumber(bytes / BYTES_PER_MB)} MB`;
}

/** A memory slope with sign: `formatSlope(14.4) === '+14.4 MB/h'`, `formatSlope(0) === '0 MB/h'`. */
export function formatSlope(mbPerHour: number): string {
  const body = formatNumber(mbPerHour);
  return `${mbPerHour > 0 ? '+' : ''}${body} MB/h`;
}

/**
 * A p-value the way papers print it: `p < 0.001` below 0.001, three decimals below 0.01, two decimals above.
 * @example formatPValue(0.00002) === 'p < 0.001'; formatPValue(0.0043) === 'p = 0.004'; formatPValue(0.412) === 'p = 0.41'
 */
export function formatPValue(p: number): string {
  if (Number.isNaN(p)) return 'p = NaN';
  if (p < 0.001) return 'p < 0.001';
  if (p < 0.01) return `p = ${p.toFixed(3)}`;
  return `p = ${p.toFixed(2)}`;
}

/** A confidence level 0..1 as a percentage without trailing zeros: `formatLevel(0.95) === '95 %'`, `formatLevel(0.999) === '99.9 %'`. */
export function formatLevel(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(4))} %`;
}

/** `95 % CI +21 … +38 %`: an interval of a relative change, bounds with 2 significant digits. */
export function formatInterval(interval: NonNullable<Confidence['interval']>): string {
  return `${formatLevel(interval.confidence)} CI ${signedPercentNumber(interval.lower, 2)} … ${signedPercentNumber(interval.upper, 2)} %`;
}

/**
 * "How sure" in words, with the interval when there is one.
 * @example formatConfidence({ level: 'confirmed', interval: { lower: 0.21, upper: 0.38, confidence: 0.95 } })
 *   === 'confirmed (95 % CI +21 … +38 %)'
 */
export function formatConfidence(confidence: Confidence): string {
  const interval = confidence.interval === undefined ? '' : ` (${formatInterval(confidence.interval)})`;
  switch (confidence.level) {
    case 'confirmed':
      return `confirmed${interval}`;
    case 'suggestive':
      return `suggestive${interval}`;
    case 'none':
      return `within noise${interval}`;
    case 'not-applicable':
      return 'n/a';
  }
}

/** `baseline → current` with a formatter, `–` for a missing side: `formatPair(38.5, 50.1, formatNumber) === '38.5 → 50.1'`. */
export function formatPair(baseline: number | undefined, current: number | undefined, format: (x: number) => string): string {
  if (baseline === undefined && current === undefined) return MISSING;
  const b = baseline === undefined ? MISSING : format(baseline);
  const c = current === undefined ? MISSING : format(current);
  return `${b} → ${c}`;
}

/**
 * A run duration: `6.2 s`, `20 s`, `2 min 5 s`, `1 h 2 min`.
 * @example formatDuration(125) === '2 min 5 s'
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return formatNumber(seconds);
  if (seconds < 10) return `${Number(seconds.toFixed(1))} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) {
    const s = whole % 60;
    return s === 0 ? `${Math.floor(whole / 60)} min` : `${Math.floor(whole / 60)} min ${s} s`;
  }
  const minutes = Math.round(whole / 60);
  const m = minutes % 60;
  return m === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${m} min`;
}

/**
 * An ISO 8601 instant as `YYYY-MM-DD HH:MM UTC`; anything that does not parse is returned unchanged.
 * @example formatTimestamp('2024-05-02T09:13:41.512Z') === '2024-05-02 09:13 UTC'
 */
export function formatTimestamp(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}
