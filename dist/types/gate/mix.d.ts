import { type RequestMix } from '../document/request-mix.js';
import type { RunView } from '../document/run-view.js';
/**
 * The request mix of the two runs over the first grouping tag, when it changed and the tag's endpoints
 * hold every request of the whole run in both runs (otherwise the whole run is not their mixture and is
 * left as it is). Undefined when the mixes are the same: the comparison is then exactly as before.
 */
export declare function changedMix(baseline: RunView, current: RunView, latencyMetric: string, tag: string | undefined): RequestMix | undefined;
/**
 * Both runs as the gate judges them when the mix changed: the whole-run latency over the endpoints both
 * share, each in its baseline proportion. The baseline keeps its own whole run when it lost nothing.
 */
export declare function sharedMixViews(baseline: RunView, current: RunView, latencyMetric: string, mix: RequestMix): {
    baseline: RunView;
    current: RunView;
};
