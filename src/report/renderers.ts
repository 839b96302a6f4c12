import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { Renderer } from './renderer.js';
import { renderText } from './text.js';

/** Every report target, by the name `--format` takes. A new target is one file and one line here. */
export const RENDERERS: readonly Renderer[] = [
  { format: 'text', extension: 'txt', render: ({ report }) => renderText(report, { color: false }) },
  { format: 'markdown', extension: 'md', render: ({ report }) => renderMarkdown(report) },
  { format: 'json', extension: 'json', render: ({ report }) => renderJson(report) },
  { format: 'html', extension: 'html', render: ({ report, runs }) => renderHtml(report, runs ?? []) },
];

/** The renderer of a format, or undefined. */
export function rendererFor(format: string, renderers: readonly Renderer[] = RENDERERS): Renderer | undefined {
  return renderers.find((r) => r.format === format);
}
