/** The value of a grouping tag that stands for every value past the cap. */
export declare const OTHER_VALUE = "(other)";
/** The default cap on the values of one grouping tag (config `maxScopes`). */
export declare const DEFAULT_MAX_SCOPES = 500;
/** How busy a scope value was: the cap keeps the most requests, then the most points, then by name. */
export interface ScopeWeight {
    requests: number;
    points: number;
}
/**
 * Keeps the number of scopes of each grouping tag bounded. A k6 script without `name` tags gets one
 * endpoint per URL (k6 names a request by its URL), so ids in paths make thousands of scopes: values that
 * are URLs or paths are collapsed into templates (`/api/alerts/{id}`, name-template.ts), and past
 * `maxScopes` values per tag the least busy go into one `(other)` scope per metric.
 */
export declare class ScopeCardinality {
    readonly maxScopes: number;
    private readonly tags;
    private readonly tracked;
    constructor(maxScopes?: number);
    /** The scope value of a point whose `tag` is `raw`: its template, or `(other)` once the tag has too many. */
    value(tag: string, raw: string): string;
    /** `{ [tag]: value }`, one object per value however many leaves use it. */
    tagsOf(tag: string, value: string): Readonly<Record<string, string>>;
    /** Keeps `value` of `tag` out of `(other)`: a submetric names it, so its scopes must stay whole. */
    pin(tag: string, value: string): void;
    /**
     * The values to fold into `(other)`, per tag: all but the `maxScopes` busiest (most requests, then most
     * points, then by name; values a submetric names come first), with a warning for each tag that had more.
     */
    fold(weights: ReadonlyMap<string, ReadonlyMap<string, ScopeWeight>>): {
        folded: Map<string, Set<string>>;
        warnings: string[];
    };
    /** One warning for every tag whose URL-like values were collapsed into templates, or none. */
    templateWarning(): string | undefined;
}
