import { templateName } from './name-template.js';

/** The value of a grouping tag that stands for every value past the cap. */
export const OTHER_VALUE = '(other)';

/** The default cap on the values of one grouping tag (config `maxScopes`). */
export const DEFAULT_MAX_SCOPES = 500;

/**
 * Values a tag may take before new ones go straight into `(other)`, as a multiple of the cap: every value
 * costs its own totals and windows until the end of the run, when the cap keeps the busiest, so past this
 * many the run would grow without bound (ids in every URL of a 10-hour test).
 */
const TRACKED_PER_SCOPE = 20;
/** Distinct raw values remembered per tag for the warnings (past it they are counted as "more than"). */
const MAX_REMEMBERED = 100_000;
/** Raw value → scope value, per tag; cleared when full (templating is cheap, the cache spares repeats). */
const CACHE_LIMIT = 50_000;

/** How busy a scope value was: the cap keeps the most requests, then the most points, then by name. */
export interface ScopeWeight {
  requests: number;
  points: number;
}

interface TagState {
  readonly cache: Map<string, string>;
  /** Scope values in use (templates or raw values), at most TRACKED_PER_SCOPE × maxScopes. */
  readonly values: Set<string>;
  /** Raw values that a template replaced, and how many went into each template. */
  readonly collapsed: Set<string>;
  readonly templates: Map<string, number>;
  /** Scope values first seen when `values` was full. */
  readonly overflowed: Set<string>;
  /** Values a submetric names (a threshold on one endpoint): always kept. */
  readonly pinned: Set<string>;
  readonly tagObjects: Map<string, Readonly<Record<string, string>>>;
}

/**
 * Keeps the number of scopes of each grouping tag bounded. A k6 script without `name` tags gets one
 * endpoint per URL (k6 names a request by its URL), so ids in paths make thousands of scopes: values that
 * are URLs or paths are collapsed into templates (`/api/alerts/{id}`, name-template.ts), and past
 * `maxScopes` values per tag the least busy go into one `(other)` scope per metric.
 */
export class ScopeCardinality {
  private readonly tags = new Map<string, TagState>();
  private readonly tracked: number;

  constructor(readonly maxScopes: number = DEFAULT_MAX_SCOPES) {
    if (!Number.isInteger(maxScopes) || maxScopes < 1) throw new RangeError(`maxScopes must be a whole number ≥ 1, got ${maxScopes}`);
    this.tracked = TRACKED_PER_SCOPE * maxScopes;
  }

  /** The scope value of a point whose `tag` is `raw`: its template, or `(other)` once the tag has too many. */
  value(tag: string, raw: string): string {
    let state = this.tags.get(tag);
    if (state === undefined) {
      state = { cache: new Map(), values: new Set(), collapsed: new Set(), templates: new Map(), overflowed: new Set(), pinned: new Set(), tagObjects: new Map() };
      this.tags.set(tag, state);
    }
    const cached = state.cache.get(raw);
    if (cached !== undefined) return cached;
    let value = templateName(raw);
    if (value !== raw && state.collapsed.size < MAX_REMEMBERED && !state.collapsed.has(raw)) {
      state.collapsed.add(raw);
      state.templates.set(value, (state.templates.get(value) ?? 0) + 1);
    }
    if (!state.values.has(value) && value !== OTHER_VALUE) {
      if (state.values.size < this.tracked) {
        state.values.add(value);
      } else {
        if (state.overflowed.size < MAX_REMEMBERED) state.overflowed.add(value);
        value = OTHER_VALUE;
      }
    }
    if (state.cache.size >= CACHE_LIMIT) state.cache.clear();
    state.cache.set(raw, value);
    return value;
  }

  /** `{ [tag]: value }`, one object per value however many leaves use it. */
  tagsOf(tag: string, value: string): Readonly<Record<string, string>> {
    const state = this.tags.get(tag);
    if (state === undefined) return { [tag]: value };
    let t = state.tagObjects.get(value);
    if (t === undefined) {
      t = Object.freeze({ [tag]: value });
      if (state.tagObjects.size < CACHE_LIMIT) state.tagObjects.set(value, t);
    }
    return t;
  }

  /** Keeps `value` of `tag` out of `(other)`: a submetric names it, so its scopes must stay whole. */
  pin(tag: string, value: string): void {
    if (value !== OTHER_VALUE) this.tags.get(tag)?.pinned.add(value);
  }

  /**
   * The values to fold into `(other)`, per tag: all but the `maxScopes` busiest (most requests, then most
   * points, then by name; values a submetric names come first), with a warning for each tag that had more.
   */
  fold(weights: ReadonlyMap<string, ReadonlyMap<string, ScopeWeight>>): { folded: Map<string, Set<string>>; warnings: string[] } {
    const folded = new Map<string, Set<string>>();
    const warnings: string[] = [];
    for (const [tag, byValue] of [...weights].sort((a, b) => compareText(a[0], b[0]))) {
      const overflowed = this.tags.get(tag)?.overflowed.size ?? 0;
      const pinned = this.tags.get(tag)?.pinned ?? new Set<string>();
      const rank = (v: string): number => (pinned.has(v) ? 0 : 1);
      const ranked = [...byValue]
        .filter(([v]) => v !== OTHER_VALUE)
        .sort((a, b) => rank(a[0]) - rank(b[0]) || b[1].requests - a[1].requests || b[1].points - a[1].points || compareText(a[0], b[0]));
      if (ranked.length <= this.maxScopes && overflowed === 0) continue;
      const rest = ranked.slice(Math.max(this.maxScopes, ranked.filter(([v]) => pinned.has(v)).length));
      folded.set(tag, new Set(rest.map(([v]) => v)));
      const other = byValue.get(OTHER_VALUE);
      const requests = rest.reduce((n, [, w]) => n + w.requests, other?.requests ?? 0);
      const values = rest.length + overflowed;
      const late = overflowed > 0
        ? ` (${count(overflowed, 'value', MAX_REMEMBERED)} first seen after the first ${this.tracked.toLocaleString('en')} went there directly, to bound memory)`
        : '';
      warnings.push(
        `'${tag}' has ${count(ranked.length + overflowed, 'distinct value', overflowed >= MAX_REMEMBERED ? 0 : Number.POSITIVE_INFINITY)}, more than maxScopes (${this.maxScopes}): ` +
          `kept the ${this.maxScopes} with the most requests (then points, then by name) and grouped the other ${values.toLocaleString('en')} ` +
          `(${requests.toLocaleString('en')} requests) into '${tag}:${OTHER_VALUE}' for every metric${late}. ` +
          `Name the requests in the k6 script (tags: { ${tag}: '…' }) or raise maxScopes in perf-gate.yml`,
      );
    }
    return { folded, warnings };
  }

  /** One warning for every tag whose URL-like values were collapsed into templates, or none. */
  templateWarning(): string | undefined {
    const parts: string[] = [];
    for (const [tag, state] of [...this.tags].sort((a, b) => compareText(a[0], b[0]))) {
      if (state.collapsed.size === 0) continue;
      const examples = [...state.templates].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).slice(0, 3).map(([t]) => `'${t}'`);
      const more = state.templates.size > examples.length ? ', …' : '';
      parts.push(`${count(state.collapsed.size, `distinct '${tag}' value`, MAX_REMEMBERED)} into ${count(state.templates.size, 'template')} (${examples.join(', ')}${more})`);
    }
    if (parts.length === 0) return undefined;
    return (
      `collapsed ${parts.join('; ')}: these are URLs, as k6 names a request by its URL when the script does not name it, ` +
      `so ids in paths would make one scope per id; numbers, UUIDs and long hex strings in the path became {id} and query values {}. ` +
      `Name the requests in the k6 script to choose the endpoints yourself: http.get(url, { tags: { name: 'GET /api/alerts/{id}' } }), ` +
      'or build the URL with http.url`…/api/alerts/${id}` (k6 then names it by the template)'
    );
  }
}

/** `1 template`, `5,000 distinct values`, `more than 100,000 …` when the count reached the limit it was kept to. */
function count(n: number, noun: string, limit = Number.POSITIVE_INFINITY): string {
  return `${n >= limit ? 'more than ' : ''}${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
