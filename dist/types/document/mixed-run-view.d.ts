import type { MetricType, WindowOf } from './run-document.js';
import { RunView } from './run-view.js';
import type { Distribution } from '../stats/distribution.js';
/** One endpoint scope of the mixture and the share of the whole run it is given. */
export interface MixedPart {
    /** The endpoint's scope of the latency metric: `http_req_duration{name:GET /a}`. */
    readonly name: string;
    readonly share: number;
}
/**
 * A run whose whole-run latency scope is re-formed from some of its endpoints with chosen shares — the
 * endpoints both runs share, weighted as in the baseline — so that a whole-run comparison compares the same
 * mix of requests in both runs. Everything else reads as in the run itself.
 *
 * What the re-formed scope holds: a distribution of as many requests as the parts have together (the
 * requests actually measured, not a weighted fiction), each part rescaled to its share (stats/mixture.ts);
 * `avg` the share-weighted mean; windows that add the parts' own windows unweighted, because the design
 * effect measures how requests cluster in time, which is the run's property, not the mix's.
 */
export declare class MixedRunView extends RunView {
    private readonly whole;
    private readonly parts;
    private mixed;
    private mixedWindows;
    constructor(doc: RunView['doc'], whole: string, parts: readonly MixedPart[]);
    distribution(name: string): Distribution | undefined;
    value(name: string, key: string): number | undefined;
    windows<T extends MetricType>(name: string, type: T): readonly WindowOf[T][];
    private sumWindows;
}
