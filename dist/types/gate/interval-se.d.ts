/**
 * The standard error on the log scale read off a finding's 95 % interval of a relative change: the
 * interval's width in ln(1 + change) over 2·z(0.975), or 2·t(0.975, df) for a Student t interval (A/B
 * round pairs), which is wider for the same se. NaN or ≤ 0 when the interval cannot give one (callers check).
 *
 * @example logSeOfInterval({ lower: 0.1, upper: 0.3 }) // => (ln 1.3 − ln 1.1) / 3.92 = 0.0426
 */
export declare function logSeOfInterval(interval: {
    readonly lower: number;
    readonly upper: number;
}, df?: number): number;
