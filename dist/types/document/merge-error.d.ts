/** Why run documents cannot be added up (merge.ts, shard-check.ts). */
export declare class MergeError extends Error {
}
