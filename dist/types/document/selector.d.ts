/**
 * Scope names use k6's submetric syntax, `http_req_duration{name:GET /api/alerts}`, so k6 users recognise
 * them and thresholds can target them. Tags keep the order they are given in.
 */
export declare function scopeName(metric: string, tags: Readonly<Record<string, string>>): string;
