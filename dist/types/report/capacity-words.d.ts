/**
 * Capacity in words (gate/capacity.ts): `Capacity 940 → 610 req/s (−35 %), at 120 → 80 VUs — the highest
 * rate held for 3 windows of 10 s in a row with p95 < 500 ms and under 1 % failed requests; latency broke
 * away at 150 VUs, 2 min 10 s in.` Raw text: each renderer escapes it for its medium.
 */
import { type CapacityComparison } from '../gate/capacity.js';
/** The capacity line of a stage whose load grew. */
export declare function capacityText(c: CapacityComparison): string;
