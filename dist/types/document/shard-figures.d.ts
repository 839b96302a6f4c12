import { type RunDocument, type ShardsSummary } from './run-document.js';
/** One shard's or region's share of the load. */
export interface ShardShare {
    readonly requests: number;
    /** The whole run's p95 latency (the latency role), ms; absent when the shard timed no request. */
    readonly p95?: number;
    /** Failed / all requests; absent when the shard records no failures rate. */
    readonly errorRate?: number;
}
export interface ShardFigures {
    readonly count: number;
    readonly members: readonly (ShardShare & {
        readonly index: number;
        readonly segment: string;
        readonly region?: string;
    })[];
    readonly missing: readonly {
        readonly index: number;
        readonly segment: string;
    }[];
    readonly startSpreadSeconds: number;
    /** By region, in the order regions first appear among the shards; empty when no shard names one. */
    readonly regions: readonly (ShardShare & {
        readonly region: string;
        readonly shards: number;
    })[];
}
/**
 * @param docs the shard documents that were merged (each records `meta.shard`).
 * @param summary the merged document's `meta.shards`.
 */
export declare function shardFigures(docs: readonly RunDocument[], summary: ShardsSummary): ShardFigures;
/**
 * What shardFigures reads of a shard document: its meta and the whole run's request, failure and latency
 * scopes — a few kilobytes, so that a merge of many shards can keep this of each and drop the rest.
 */
export declare function shardFiguresView(doc: RunDocument): RunDocument;
