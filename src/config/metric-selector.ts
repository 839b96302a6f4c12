/**
 * k6's submetric syntax, `http_req_duration{name:GET /api/alerts,method:GET}`, as used for threshold keys.
 * Parsed the way k6 does (lib/metrics: first `{`, last `}`, tags split on `,`, key and value split on the
 * first `:`, both trimmed and stripped of surrounding quotes), but stricter where k6 silently accepts a
 * mistake: empty or duplicate tags are errors. Pure.
 */
import { ConfigError } from './errors.js';

/** A metric, optionally narrowed to the samples that carry all of `tags`. */
export interface MetricSelector {
  readonly metric: string;
  /** Tag filters in the order written. (Keys that look like array indices, e.g. `"1"`, come first: a JS object rule.) */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Metric names: k6's (up to 128 ASCII letters, digits or underscores, not starting with a digit), and
 * dots between them, as Artillery names its metrics (`http.response_time`, `vusers.session_length`).
 * Hyphens stay out: `http-req-duration` is a typo, caught here before any load runs.
 */
const METRIC_NAME = /^[A-Za-z_](?:[A-Za-z0-9_]|\.(?=[A-Za-z0-9_])){0,127}$/;

const EXAMPLE = `e.g. 'http_req_duration{name:GET /api/alerts}'`;

/** Like {@link parseMetricSelector}, but returns the reason instead of throwing. */
export function tryParseMetricSelector(source: string): MetricSelector | { readonly error: string } {
  const text = source.trim();
  const open = text.indexOf('{');
  const close = text.lastIndexOf('}');
  const name = open === -1 ? text : text.slice(0, open);
  const fail = (why: string): { error: string } => ({ error: `'${source}' is not a k6 metric selector — ${why}` });

  if (!METRIC_NAME.test(name)) {
    return fail(
      name === ''
        ? `it has no metric name; expected name{tag:value}, ${EXAMPLE}`
        : /\s$/.test(name) && METRIC_NAME.test(name.trim())
          ? `remove the space before '{', ${EXAMPLE}`
          : `'${name}' is not a metric name (letters, digits and '_', dots inside, not starting with a digit), ${EXAMPLE}`,
    );
  }
  if (open === -1 && close === -1) return { metric: name, tags: {} };
  if (open === -1 || close !== text.length - 1 || close < open) {
    return fail(`the tag filter must be one {…} at the end, ${EXAMPLE}`);
  }
  const inner = text.slice(open + 1, close);
  if (inner.trim() === '') return fail(`the tag filter {} is empty; remove it or add tag:value, ${EXAMPLE}`);

  const tags: Record<string, string> = {};
  for (const part of inner.split(',')) {
    const colon = part.indexOf(':');
    const key = unquote(colon === -1 ? part : part.slice(0, colon));
    const value = colon === -1 ? '' : unquote(part.slice(colon + 1));
    if (colon === -1 || key === '' || value === '') {
      return fail(`'${part.trim()}' is not tag:value, ${EXAMPLE}`);
    }
    if (Object.prototype.hasOwnProperty.call(tags, key)) return fail(`tag '${key}' appears twice`);
    tags[key] = value;
  }
  return { metric: name, tags };
}

/**
 * Parses a threshold key: a metric name, optionally with a k6 tag filter.
 *
 * @throws {ConfigError} when `source` is not k6 submetric syntax; the message names `path` when given.
 * @example parseMetricSelector('http_req_duration{name:GET /api/alerts}')
 *   // { metric: 'http_req_duration', tags: { name: 'GET /api/alerts' } }
 */
export function parseMetricSelector(source: string, path?: string): MetricSelector {
  const parsed = tryParseMetricSelector(source);
  if ('error' in parsed) {
    throw new ConfigError([path === undefined ? parsed.error : `${path}: ${parsed.error}`], { path: path ?? source });
  }
  return parsed;
}

/**
 * The canonical text of a selector: `metric{k:v,k2:v2}` with tags in the given order and no spaces around
 * `:` and `,`; just `metric` without tags. Tag values must not contain `,` (k6 cannot express that either).
 *
 * @example formatMetricSelector({ metric: 'http_req_duration', tags: { name: 'GET /api/alerts' } })
 *   // 'http_req_duration{name:GET /api/alerts}'
 */
export function formatMetricSelector(selector: MetricSelector): string {
  const parts = Object.entries(selector.tags).map(([k, v]) => `${k}:${v}`);
  return parts.length === 0 ? selector.metric : `${selector.metric}{${parts.join(',')}}`;
}

function unquote(text: string): string {
  return text.trim().replace(/^["']+|["']+$/g, '');
}
