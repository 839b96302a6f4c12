import { type MeasuredScope, type MetricType, type ReportedScope, type RunDocument, type WindowOf } from './run-document.js';
/** A scope's series with the type its windows have. */
export type TypedSeries = {
    [T in MetricType]: {
        readonly type: T;
        readonly windows: readonly WindowOf[T][];
    };
}[MetricType];
/**
 * The windows of a measured scope, typed by its metric type; none for an aggregate-only scope or a
 * scope without windows. The schema refuses a series whose windows do not fit its scope, and the run
 * builder writes each type's shape, so this is the one place the type is taken from the scope.
 */
export declare function seriesOf(doc: RunDocument, name: string): TypedSeries | undefined;
/** The windows of a scope when it is a measured scope of `type`; none otherwise. */
export declare function windowsOf<T extends MetricType>(doc: RunDocument, name: string, type: T): readonly WindowOf[T][];
/** The scope when it is a measured scope of `type`; undefined for another type, an aggregate or no scope. */
export declare function scopeOf<T extends MetricType>(doc: RunDocument, name: string, type: T): Extract<MeasuredScope, {
    type: T;
}> | undefined;
/** The scope when it holds aggregates only (from a summary). */
export declare function reportedScopeOf(doc: RunDocument, name: string): ReportedScope | undefined;
