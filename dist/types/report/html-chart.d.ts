/**
 * Hand-drawn SVG line charts for the HTML report: axes with a few "nice" ticks, one polyline per series and a
 * legend. Pure string building; every label is HTML-escaped here, every coordinate is finite (points that are
 * not are dropped), so the output never contains `NaN`.
 */
import { MAX_POINTS } from '../document/series.js';
/** One line of a chart: points as [x, y] in data units. */
export interface ChartSeries {
    readonly name: string;
    readonly colour: string;
    readonly dashed?: boolean;
    readonly points: readonly (readonly [number, number])[];
}
/** A horizontal line across the chart: a limit or an SLO, labelled (raw text: escaped here). */
export interface ChartLimit {
    readonly y: number;
    readonly label: string;
}
/** A vertical marker at an x (a change point in a trend), labelled. */
export interface ChartMarker {
    readonly x: number;
    readonly label: string;
}
export interface LineChart {
    /** Shown above the chart and as the SVG's accessible name (raw text: escaped here). */
    readonly title: string;
    readonly xLabel: string;
    readonly yLabel: string;
    readonly series: readonly ChartSeries[];
    /** Limit lines, always in view (the y axis reaches above them). */
    readonly limits?: readonly ChartLimit[];
    readonly markers?: readonly ChartMarker[];
    /** Tick labels for x instead of numbers (a trend's commits), by x. */
    readonly xTickLabels?: ReadonlyMap<number, string>;
}
/** Most points one series is drawn with; longer series are downsampled by the caller or by `downsample`. */
export { MAX_POINTS };
/**
 * A step of 1, 2 or 5 × 10^k nearest to `range / target`, so that `range` is covered by about `target` steps.
 * @example niceStep(97, 4) === 20; niceStep(0.37, 4) === 0.1
 */
export declare function niceStep(range: number, target?: number): number;
/**
 * At most `max` points, averaging consecutive runs of points (x and y alike); shorter series are returned as they are.
 * @example downsample([[0, 1], [1, 3], [2, 5], [3, 7]], 2) → [[0.5, 2], [2.5, 6]]
 */
export declare function downsample(points: readonly (readonly [number, number])[], max?: number): [number, number][];
/**
 * An inline `<svg>` line chart, or a short paragraph saying there is nothing to draw when no series has a point.
 * y starts at 0 (latencies and memory are compared by level); x spans the data.
 */
export declare function renderLineChart(chart: LineChart): string;
