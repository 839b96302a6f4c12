import { tryParseThreshold, type ThresholdExpression } from './threshold.js';

/**
 * A script's thresholds as a run document records them (`meta.shard.thresholds`, `meta.shards.thresholds`:
 * metric → expressions), parsed for the gate to judge like the script's own. An expression that does not
 * parse is left out: the shard that recorded it checked each one already. Pure.
 *
 * @example recordedThresholds({ checks: ['rate>0.99'] }) // [{ metric: 'checks', expressions: [{ source: 'rate>0.99', … }] }]
 */
export function recordedThresholds(recorded: Readonly<Record<string, readonly string[]>> | undefined): { metric: string; expressions: ThresholdExpression[] }[] {
  return Object.entries(recorded ?? {}).flatMap(([metric, sources]) => {
    const expressions = sources.map((s) => tryParseThreshold(s)).filter((e): e is ThresholdExpression => !('error' in e));
    return expressions.length > 0 ? [{ metric, expressions }] : [];
  });
}
