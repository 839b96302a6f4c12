import type { Reader } from './reader.js';
/** Every input format perf-gate reads, tried in this order. A new tool is one folder and one line here. */
export declare const READERS: readonly Reader[];
