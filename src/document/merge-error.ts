/** Why run documents cannot be added up (merge.ts, shard-check.ts). */
export class MergeError extends Error {}
