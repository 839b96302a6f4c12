import type { RunDocument, ShardsSummary } from './run-document.js';
/** The default tolerance of shards' start times, seconds: more apart and their load did not overlap as one test's. */
export declare const DEFAULT_START_TOLERANCE_S = 5;
export interface ShardCheckOptions {
    /** Merge the shards that are there when some are missing (with a warning), instead of refusing. */
    readonly allowMissingShards?: boolean;
    /** Start times further apart than this (seconds) get a warning; default {@link DEFAULT_START_TOLERANCE_S}. */
    readonly startToleranceSeconds?: number;
}
/**
 * The merged documents' shard summary and the warnings to keep with it; undefined when no document is a
 * shard (plain documents merge unchecked, as before shards were recorded).
 *
 * @param names how each document is named in messages (its file), in the order of `docs`.
 * @throws MergeError naming the file(s) when a document is no shard among shards, ran another script, was
 *   cut by another sequence or count, has a segment not in its sequence, doubles a segment, or when a
 *   shard is missing and `allowMissingShards` is not set ("shard 3/4 (segment 1/2:3/4) is missing").
 */
export declare function checkShards(docs: readonly Pick<RunDocument, 'meta' | 'scopes'>[], names: readonly string[], options?: ShardCheckOptions): {
    summary: ShardsSummary;
    warnings: string[];
} | undefined;
