/**
 * The service's resources in words (gate/resources.ts): the figures of both runs as a note, and, when the
 * latency regressed, the hint that names what moved with it ("CPU per request +35 %"). Raw text: each
 * renderer escapes it for its medium.
 */
import type { ResourceComparison } from '../gate/resources.js';
import type { StageReport } from '../gate/verdict.js';
/**
 * The figures of a stage's resources: `Service resources (from 14 scrapes): CPU per request 0.41 → 0.55 ms
 * (+35 %), event-loop p99 lag 10.2 → 11.0 ms.` — baseline → current where both runs have them, the
 * current run's alone otherwise, then what grew within the run.
 */
export declare function resourcesText(r: ResourceComparison): string;
/**
 * The hint beside a latency regression: which resources moved with it, between the runs and within the
 * current run. Empty when the latency did not regress or nothing moved by its rule's margin.
 */
export declare function resourceHints(stage: Pick<StageReport, 'findings' | 'resources'>): string[];
