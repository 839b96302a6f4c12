import { isReported, type MeasuredScope, type MetricType, type ReportedScope, type RunDocument, type WindowOf } from './run-document.js';

/** A scope's series with the type its windows have. */
export type TypedSeries = { [T in MetricType]: { readonly type: T; readonly windows: readonly WindowOf[T][] } }[MetricType];

/**
 * The windows of a measured scope, typed by its metric type; none for an aggregate-only scope or a
 * scope without windows. The schema refuses a series whose windows do not fit its scope, and the run
 * builder writes each type's shape, so this is the one place the type is taken from the scope.
 */
export function seriesOf(doc: RunDocument, name: string): TypedSeries | undefined {
  const scope = doc.scopes[name];
  if (!scope || isReported(scope)) return undefined;
  const windows = doc.windows.series[name] ?? [];
  switch (scope.type) {
    case 'trend':
      return { type: 'trend', windows: windows as WindowOf['trend'][] };
    case 'counter':
      return { type: 'counter', windows: windows as WindowOf['counter'][] };
    case 'rate':
      return { type: 'rate', windows: windows as WindowOf['rate'][] };
    case 'gauge':
      return { type: 'gauge', windows: windows as WindowOf['gauge'][] };
  }
}

/** The windows of a scope when it is a measured scope of `type`; none otherwise. */
export function windowsOf<T extends MetricType>(doc: RunDocument, name: string, type: T): readonly WindowOf[T][] {
  const series = seriesOf(doc, name);
  return series?.type === type ? (series.windows as readonly WindowOf[T][]) : [];
}

/** The scope when it is a measured scope of `type`; undefined for another type, an aggregate or no scope. */
export function scopeOf<T extends MetricType>(doc: RunDocument, name: string, type: T): Extract<MeasuredScope, { type: T }> | undefined {
  const scope = doc.scopes[name];
  return scope && !isReported(scope) && scope.type === type ? (scope as Extract<MeasuredScope, { type: T }>) : undefined;
}

/** The scope when it holds aggregates only (from a summary). */
export function reportedScopeOf(doc: RunDocument, name: string): ReportedScope | undefined {
  const scope = doc.scopes[name];
  return scope && isReported(scope) ? scope : undefined;
}
