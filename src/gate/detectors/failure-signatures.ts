import { keyOfSignature } from '../../document/failure-signatures.js';
import type { RunView } from '../../document/run-view.js';
import { conditionalBinomialTest } from '../../stats/conditional-binomial-test.js';
import { isInsufficient } from '../../stats/insufficient.js';
import type { Assessment } from '../assessment.js';
import type { Detector, JudgedScope } from '../detector.js';
import { failuresDesignEffect } from './error-rate.js';

/**
 * Did an endpoint fail in a way the baseline never saw? A failure signature — the status code and k6
 * `error_code` of failed requests, such as 500 / 1500 on `POST /api/alerts` — that the baseline did not
 * have on that endpoint is evidence of its own, whatever the error rate says: two 500s out of 220 are no
 * significant rise of the rate, but they are a new way of failing. It warns from `warnCount` failed
 * requests (default the first), and fails from `failCount` that are also `failRate` of the endpoint's
 * requests, when the baseline was large enough to have seen it: the exact conditional test of "none of
 * the baseline's requests against this many of the current run's", its counts divided by the design
 * effect of the endpoint's failures clustering in time (an outage is one event), must give p < α.
 *
 * Judged per endpoint (the whole run when the stage groups by nothing). Documents that do not record
 * signatures (older ones, summaries) give no assessment; compare.ts notes it. A signature past the
 * document's cap (`other`) is never "new", and when the baseline counted some as `other`, no signature
 * outside its named list can be called new either.
 */
export const failureSignatures: Detector = {
  id: 'failure-signatures',
  each: 'scope',
  needs: 'baseline',
  detect({ policy, roles, baseline, current, scopes }, s) {
    if (s.scope === undefined && scopes.some((o) => o.scope !== undefined)) return [];
    const failed = roles.failures;
    const cs = current.signatures(s.tags, failed);
    const bs = baseline.signatures(s.tags, failed);
    const c = current.errors(s.tags, failed);
    const b = baseline.errors(s.tags, failed);
    // Unrecorded signatures, or an endpoint one run did not call (coverage's question): nothing to compare.
    if (!cs || !bs || !c || !b || c.total === 0 || b.total === 0) return [];
    if (bs.some((x) => x.other)) return [];
    const known = new Set(bs.map(keyOfSignature));
    const fresh = cs.filter((x) => !x.other && !known.has(keyOfSignature(x)));
    if (fresh.length === 0) return [];
    const { warnCount, failCount, failRate } = policy.regression.failureSignatures;
    const metric = s.name.replace(/^[^{]+/, failed);
    const deff = designEffectOf(current, metric);
    return fresh.map((x): Assessment => {
      const share = x.failed / c.total;
      const test = conditionalBinomialTest({ events: 0, total: b.total }, { events: x.failed, total: c.total }, { varianceInflation: deff });
      const pChance = isInsufficient(test) ? 1 : test.pGreater;
      const fails = x.failed >= failCount && share >= failRate && pChance < policy.alpha;
      return {
        kind: 'failure-signature',
        metric,
        ...(s.scope ? { scope: s.scope } : {}),
        statistic: 'count',
        unit: 'count',
        baseline: 0,
        current: x.failed,
        limit: { kind: 'failure-signature', warnCount, failCount, failRate },
        beyond: fails || x.failed >= warnCount,
        // A fail is the policy's count rule, not a test among the many (no multiplicity adjustment); a
        // warning is the first occurrences, which no test could confirm.
        ...(fails ? { deterministic: true } : {}),
        details: {
          signature: {
            ...(x.status !== undefined ? { status: x.status } : {}),
            ...(x.errorCode !== undefined ? { errorCode: x.errorCode } : {}),
            failed: x.failed,
            share,
            pChance,
            designEffect: deff,
          },
        },
      };
    });
  },
};

function designEffectOf(view: RunView, metric: string): number {
  return view.aggregateOnly ? 1 : failuresDesignEffect(view.windows(metric, 'rate'));
}

/**
 * The note of a stage whose runs cannot be compared by failure signature: one of them does not record
 * signatures (written before they were, or an aggregate-only summary). Undefined when both do, or when
 * there is no baseline or no failures metric to speak of.
 */
export function signatureNote(baseline: RunView | undefined, current: RunView, failuresMetric: string, scope: JudgedScope = { name: failuresMetric, tags: {} }): string | undefined {
  if (!baseline || !current.errors(scope.tags, failuresMetric) || !baseline.errors(scope.tags, failuresMetric)) return undefined;
  const missing = [current.signatures(scope.tags, failuresMetric) ? undefined : 'the current run', baseline.signatures(scope.tags, failuresMetric) ? undefined : 'the baseline'].filter((w) => w !== undefined);
  if (missing.length === 0) return undefined;
  return `Failure signatures (status codes, k6 error codes) are not recorded in ${missing.join(' and ')} (a document written before perf-gate kept them, or a summary): new failure signatures cannot be told apart; failed requests are still compared.`;
}
