/**
 * `perf-gate.yml` text → {@link PerfGateConfig}, with every problem located in the file:
 * `perf-gate.yml:7:5: stages.smoke.regresion: unknown key — did you mean 'regression'?`. YAML 1.2, so
 * JSON is read too. Pure: load.ts reads the file.
 */
import { LineCounter, isMap, isSeq, parseDocument, type Document } from 'yaml';
import { ConfigError, type ConfigIssue, type ConfigPathSegment } from './errors.js';
import { validateConfig, type PerfGateConfig } from './schema.js';

/** Alias expansions allowed: plenty for anchors shared between stages, far from an alias bomb. */
const MAX_ALIAS_COUNT = 1000;

/**
 * Parses and validates the text of a config file. An empty file is the default config.
 *
 * @param file the file's name as the user knows it; it starts every error line.
 * @throws {ConfigError} on YAML syntax errors (`file:line:col: YAML syntax error: <parser message>`) and on
 *   invalid settings (`file:line:col: <path>: <problem>`), listing all of them.
 * @example parseConfigText('alpha: 0.01\n', 'perf-gate.yml').alpha // 0.01
 */
export function parseConfigText(text: string, file = 'perf-gate.yml'): PerfGateConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((error) => {
      const at = error.linePos?.[0];
      const where = at === undefined ? `${file}` : `${file}:${at.line}:${at.col}`;
      return `${where}: YAML syntax error: ${parserMessage(error.message)}`;
    });
    const first = doc.errors[0]?.linePos?.[0];
    throw new ConfigError(lines, { file, path: first === undefined ? file : `${file}:${first.line}:${first.col}` });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // The yaml package refuses to expand an alias bomb (a few lines that would unfold into billions of nodes).
    const why = err instanceof Error ? err.message : String(err);
    throw new ConfigError([`${file}: cannot be read as a perf-gate config: ${why} — the file's YAML aliases (*name) expand into more than ${MAX_ALIAS_COUNT} copies; write the values out or use fewer aliases`], { file, path: file, cause: err });
  }
  const result = validateConfig(value);
  if (!result.ok) {
    const located: ConfigIssue[] = result.issues.map((issue) => {
      const location = locate(doc, issue.path, lineCounter);
      return location === undefined ? issue : { ...issue, location };
    });
    throw ConfigError.fromIssues(located.sort(byLocation), file);
  }
  return { ...result.config, file };
}

/** Issues in file order; unlocated ones last, each group keeping its order (sort is stable). */
function byLocation(a: ConfigIssue, b: ConfigIssue): number {
  const la = a.location ?? { line: Number.POSITIVE_INFINITY, col: 0 };
  const lb = b.location ?? { line: Number.POSITIVE_INFINITY, col: 0 };
  return la.line === lb.line ? la.col - lb.col : la.line < lb.line ? -1 : 1;
}

/** The parser's sentence without the position and code excerpt that prettyErrors appends. */
function parserMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Where a config path is in the document: the key of the deepest existing mapping entry on the path (or
 * the list item), so a missing key points at its parent.
 */
function locate(doc: Document, path: readonly ConfigPathSegment[], lineCounter: LineCounter): { line: number; col: number } | undefined {
  let node: unknown = doc.contents;
  let offset = startOf(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment));
      if (pair === undefined) break;
      offset = startOf(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      offset = startOf(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset);
}

function keyText(key: unknown): string | undefined {
  if (typeof key === 'object' && key !== null && 'value' in key) return String((key as { value: unknown }).value);
  return typeof key === 'string' ? key : undefined;
}

function startOf(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: unknown }).range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}
