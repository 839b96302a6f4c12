import { MixedRunView } from '../document/mixed-run-view.js';
import { requestMix, type RequestMix } from '../document/request-mix.js';
import type { RunView } from '../document/run-view.js';
import { scopeName } from '../document/selector.js';

/**
 * The request mix of the two runs over the first grouping tag, when it changed and the tag's endpoints
 * hold every request of the whole run in both runs (otherwise the whole run is not their mixture and is
 * left as it is). Undefined when the mixes are the same: the comparison is then exactly as before.
 */
export function changedMix(baseline: RunView, current: RunView, latencyMetric: string, tag: string | undefined): RequestMix | undefined {
  if (tag === undefined) return undefined;
  const counts = (view: RunView): Map<string, number> | undefined => {
    const out = new Map<string, number>();
    let sum = 0;
    for (const [value, name] of view.scopesByTag(latencyMetric, tag)) {
      const n = view.value(name, 'count') ?? 0;
      out.set(value, n);
      sum += n;
    }
    return out.size > 0 && sum === (view.value(latencyMetric, 'count') ?? 0) ? out : undefined;
  };
  const b = counts(baseline);
  const c = counts(current);
  if (!b || !c) return undefined;
  const mix = requestMix(tag, b, c);
  const shared = mix.entries.filter((e) => e.baselineCount > 0 && e.currentCount > 0);
  return mix.changed && shared.length > 0 ? mix : undefined;
}

/**
 * Both runs as the gate judges them when the mix changed: the whole-run latency over the endpoints both
 * share, each in its baseline proportion. The baseline keeps its own whole run when it lost nothing.
 */
export function sharedMixViews(baseline: RunView, current: RunView, latencyMetric: string, mix: RequestMix): { baseline: RunView; current: RunView } {
  const shared = mix.entries.filter((e) => e.baselineCount > 0 && e.currentCount > 0);
  const total = shared.reduce((n, e) => n + e.baselineCount, 0);
  const parts = shared.map((e) => ({ name: scopeName(latencyMetric, { [mix.tag]: e.value }), share: e.baselineCount / total }));
  return {
    baseline: mix.removed.length > 0 ? new MixedRunView(baseline.doc, latencyMetric, parts) : baseline,
    current: new MixedRunView(current.doc, latencyMetric, parts),
  };
}
