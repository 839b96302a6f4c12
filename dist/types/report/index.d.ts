/** Renderers of a Report: Markdown (PR comment, job summary), plain text (CLI) and JSON (the documented file). */
export { renderMarkdown, escapeMarkdown, outcomeMark, severityMark, DEFAULT_MAX_LENGTH, GITHUB_COMMENT_LIMIT, TRUNCATION_LEAD, type MarkdownOptions } from './markdown.js';
export { renderText, type TextOptions } from './text.js';
export { renderJson } from './json.js';
export { renderTrend, type TrendPoint } from './trend.js';
export { renderHtml, escapeHtml, MAX_LATENCY_CHARTS, type HtmlRuns, type HtmlOptions } from './html.js';
export { sanitizeTerminal } from './escape.js';
export { MISSING, MINUS, BYTES_PER_MB, formatNumber, groupThousands, formatMs, formatRate, signedPercentNumber, formatChange, formatPercent, formatMegabytes, formatSlope, formatPValue, formatLevel, formatInterval, formatConfidence, formatPair, formatDuration, formatTimestamp, } from './format.js';
export { findingMessage, formatInUnit, headlineOf, limitText, shortfallText } from './words.js';
export { type Renderer, type RenderInput, type StageRuns } from './renderer.js';
export { RENDERERS, rendererFor } from './renderers.js';
