/**
 * Hand-drawn SVG line charts for the HTML report: axes with a few "nice" ticks, one polyline per series and a
 * legend. Pure string building; every label is HTML-escaped here, every coordinate is finite (points that are
 * not are dropped), so the output never contains `NaN`.
 */

import { MAX_POINTS } from '../document/series.js';
import { escapeHtml } from './html-escape.js';
import { MINUS, groupThousands } from './format.js';

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

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { left: 56, right: 16, top: 12, bottom: 64 } as const;

/**
 * A step of 1, 2 or 5 × 10^k nearest to `range / target`, so that `range` is covered by about `target` steps.
 * @example niceStep(97, 4) === 20; niceStep(0.37, 4) === 0.1
 */
export function niceStep(range: number, target = 4): number {
  if (!(range > 0) || !Number.isFinite(range)) return 1;
  const raw = range / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * magnitude;
}

/**
 * At most `max` points, averaging consecutive runs of points (x and y alike); shorter series are returned as they are.
 * @example downsample([[0, 1], [1, 3], [2, 5], [3, 7]], 2) → [[0.5, 2], [2.5, 6]]
 */
export function downsample(points: readonly (readonly [number, number])[], max = MAX_POINTS): [number, number][] {
  if (points.length <= max) return points.map(([x, y]) => [x, y]);
  const size = Math.ceil(points.length / max);
  const out: [number, number][] = [];
  for (let i = 0; i < points.length; i += size) {
    const group = points.slice(i, i + size);
    let sx = 0;
    let sy = 0;
    for (const [x, y] of group) {
      sx += x;
      sy += y;
    }
    out.push([sx / group.length, sy / group.length]);
  }
  return out;
}

/** A tick label: `20`, `0.5`, `1,500`, `−10` (ticks are round numbers, so no trailing zeros). */
function tickLabel(x: number): string {
  if (Math.abs(x) >= 1000) return groupThousands(x);
  const v = Number(x.toPrecision(4));
  return v < 0 ? `${MINUS}${-v}` : String(v === 0 ? 0 : v);
}

/** A coordinate for SVG: one decimal, never `NaN` (callers only pass finite numbers). */
function c(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 10) / 10) : '0';
}

/**
 * An inline `<svg>` line chart, or a short paragraph saying there is nothing to draw when no series has a point.
 * y starts at 0 (latencies and memory are compared by level); x spans the data.
 */
export function renderLineChart(chart: LineChart): string {
  const series = chart.series
    .map((s) => ({ ...s, points: downsample(s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))) }))
    .filter((s) => s.points.length > 0);
  const title = escapeHtml(chart.title);
  if (series.length === 0) return `<figure class="chart"><figcaption>${title}</figcaption><p class="empty">No time series recorded.</p></figure>`;

  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  let xMin = Math.min(...xs);
  let xMax = Math.max(...xs);
  if (xMax - xMin <= 0) {
    // One x only (a run with one window): widen to the right, and below it only down to 0 — time since the
    // start is never negative.
    xMin = xMin >= 0 ? Math.max(0, xMin - 1) : xMin - 1;
    xMax = xMin + 2;
  }
  const limits = (chart.limits ?? []).filter((l) => Number.isFinite(l.y) && l.y >= 0);
  const yTop = Math.max(...ys, ...limits.map((l) => l.y * 1.05), 0);
  const yStep = niceStep(yTop > 0 ? yTop : 1);
  const yMax = Math.max(yStep, Math.ceil(yTop / yStep) * yStep);
  const xStep = niceStep(xMax - xMin, 5);

  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const px = (x: number): number => MARGIN.left + ((x - xMin) / (xMax - xMin)) * plotW;
  const py = (y: number): number => MARGIN.top + plotH - (y / yMax) * plotH;
  const bottom = MARGIN.top + plotH;

  const parts: string[] = [];
  // Grid and y ticks.
  for (let k = 0; k * yStep <= yMax * (1 + 1e-9); k++) {
    const y = k * yStep;
    parts.push(`<line class="grid" x1="${c(MARGIN.left)}" x2="${c(WIDTH - MARGIN.right)}" y1="${c(py(y))}" y2="${c(py(y))}"/>`);
    parts.push(`<text class="tick" x="${c(MARGIN.left - 6)}" y="${c(py(y) + 4)}" text-anchor="end">${tickLabel(y)}</text>`);
  }
  // x ticks (or the given labels, a trend's commits).
  if (chart.xTickLabels) {
    for (const [x, label] of chart.xTickLabels) {
      if (x < xMin || x > xMax) continue;
      parts.push(`<line class="axis" x1="${c(px(x))}" x2="${c(px(x))}" y1="${c(bottom)}" y2="${c(bottom + 4)}"/>`);
      parts.push(`<text class="tick" x="${c(px(x))}" y="${c(bottom + 16)}" text-anchor="end" transform="rotate(-35 ${c(px(x))} ${c(bottom + 16)})">${escapeHtml(label)}</text>`);
    }
  } else {
    for (let x = Math.ceil(xMin / xStep) * xStep; x <= xMax + xStep * 1e-9; x += xStep) {
      parts.push(`<line class="axis" x1="${c(px(x))}" x2="${c(px(x))}" y1="${c(bottom)}" y2="${c(bottom + 4)}"/>`);
      parts.push(`<text class="tick" x="${c(px(x))}" y="${c(bottom + 16)}" text-anchor="middle">${tickLabel(x)}</text>`);
    }
  }
  // Limit lines and markers, labelled where they are.
  for (const l of limits) {
    parts.push(`<line class="limit" x1="${c(MARGIN.left)}" x2="${c(WIDTH - MARGIN.right)}" y1="${c(py(l.y))}" y2="${c(py(l.y))}"><title>${escapeHtml(l.label)}</title></line>`);
    parts.push(`<text class="limit-label" x="${c(WIDTH - MARGIN.right - 4)}" y="${c(py(l.y) - 4)}" text-anchor="end">${escapeHtml(l.label)}</text>`);
  }
  for (const m of chart.markers ?? []) {
    if (!Number.isFinite(m.x) || m.x < xMin || m.x > xMax) continue;
    parts.push(`<line class="marker" x1="${c(px(m.x))}" x2="${c(px(m.x))}" y1="${c(MARGIN.top)}" y2="${c(bottom)}"><title>${escapeHtml(m.label)}</title></line>`);
    parts.push(`<text class="marker-label" x="${c(px(m.x) + 4)}" y="${c(MARGIN.top + 12)}">${escapeHtml(m.label)}</text>`);
  }
  parts.push(`<line class="axis" x1="${c(MARGIN.left)}" x2="${c(WIDTH - MARGIN.right)}" y1="${c(bottom)}" y2="${c(bottom)}"/>`);
  parts.push(`<line class="axis" x1="${c(MARGIN.left)}" x2="${c(MARGIN.left)}" y1="${c(MARGIN.top)}" y2="${c(bottom)}"/>`);
  parts.push(`<text class="label" x="${c(MARGIN.left + plotW / 2)}" y="${c(bottom + 32)}" text-anchor="middle">${escapeHtml(chart.xLabel)}</text>`);
  parts.push(
    `<text class="label" x="12" y="${c(MARGIN.top + plotH / 2)}" text-anchor="middle" transform="rotate(-90 12 ${c(MARGIN.top + plotH / 2)})">${escapeHtml(chart.yLabel)}</text>`,
  );
  // Lines (a single point is drawn as a dot).
  for (const s of series) {
    const dash = s.dashed === true ? ' stroke-dasharray="6 4"' : '';
    if (s.points.length === 1) {
      const [x, y] = s.points[0]!;
      parts.push(`<circle cx="${c(px(x))}" cy="${c(py(y))}" r="3" fill="${s.colour}"><title>${escapeHtml(s.name)}</title></circle>`);
      continue;
    }
    const pts = s.points.map(([x, y]) => `${c(px(x))},${c(py(y))}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="1.6"${dash} points="${pts}"><title>${escapeHtml(s.name)}</title></polyline>`);
  }
  // Legend, below the axis label.
  let lx = MARGIN.left;
  const ly = HEIGHT - 10;
  for (const s of series) {
    const dash = s.dashed === true ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<line x1="${c(lx)}" x2="${c(lx + 22)}" y1="${c(ly - 4)}" y2="${c(ly - 4)}" stroke="${s.colour}" stroke-width="2"${dash}/>`);
    parts.push(`<text class="legend" x="${c(lx + 27)}" y="${c(ly)}">${escapeHtml(s.name)}</text>`);
    lx += 32 + s.name.length * 6.5;
  }

  return (
    `<figure class="chart"><figcaption>${title}</figcaption>` +
    `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${title}">` +
    `<title>${title}</title>${parts.join('')}</svg></figure>`
  );
}
