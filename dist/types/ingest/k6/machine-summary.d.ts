import { type ParsedMetric } from './summary-metric.js';
/** Whether a parsed JSON document has the machine-readable summary's shape (`results.metrics` a list). */
export declare function isMachineSummary(o: Record<string, unknown>): boolean;
export interface MachineSummary {
    readonly metrics: ParsedMetric[];
    readonly durationSeconds: number;
    /** When k6 wrote it (`metadata.generated_at`), Unix ms; undefined when absent or not a time. */
    readonly generatedMs: number | undefined;
    readonly k6Version: string | undefined;
}
/**
 * The metrics of a machine-readable summary in the shape of the other summaries' (`reported` in k6's
 * legacy keys, so comparisons read all summaries alike): trend `p90` → `p(90)`; a rate's `matches` and
 * `total` → `passes` and `fails` (= total − matches); a counter gets `rate` = count / config.duration, as
 * k6's legacy summaries report it. The check metrics are included, with `checks` (a rate: checks that
 * passed, as in k6's legacy summary) from `checks_succeeded`, and `checks{check:<name>}` for each check.
 *
 * @throws IngestError when the JSON does not have the schema's shape.
 */
export declare function fromMachineSummary(value: unknown, file: string): MachineSummary;
