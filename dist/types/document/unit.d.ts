/**
 * The unit a number of a run is in: `ms` (durations), `req/s` (requests per second), `per-second`
 * (another counter's rate), `fraction` (0..1: error rates, growth), `bytes`, `MB/h` (MB = 2^20 bytes per
 * hour), `count`, or `value` (a custom metric's own unit). Findings carry it, so renderers never guess a
 * unit from a metric's name.
 */
export type Unit = 'ms' | 'req/s' | 'per-second' | 'fraction' | 'bytes' | 'MB/h' | 'count' | 'value';
