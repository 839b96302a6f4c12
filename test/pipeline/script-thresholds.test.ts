import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/config/policy.js';
import { defaultConfig } from '../../src/config/schema.js';
import { parseThreshold } from '../../src/config/threshold.js';
import { withScriptThresholds } from '../../src/pipeline/script-thresholds.js';

const smoke = resolvePolicy(defaultConfig(), 'smoke');
const t = (metric: string, ...sources: string[]) => ({ metric, expressions: sources.map((s) => parseThreshold(s)) });
const shown = (policy: typeof smoke) => policy.thresholds.map((s) => `${s.origin ?? 'config'} ${s.metric}: ${s.expressions.map((e) => e.source).join(', ')}`);

describe("withScriptThresholds: the script's own thresholds join the stage's", () => {
  it.each([
    { what: 'none: the policy as it is', fromScript: [], expected: ['preset http_req_duration: p(95)<500', 'preset http_req_failed: rate<0.001'] },
    {
      what: 'a new metric and a new expression on a known one are added, as the script\'s',
      fromScript: [t('checks', 'rate>0.99'), t('http_req_failed', 'rate<0.01')],
      expected: ['preset http_req_duration: p(95)<500', 'preset http_req_failed: rate<0.001', 'script checks: rate>0.99', 'script http_req_failed: rate<0.01'],
    },
    {
      what: 'an expression the stage already has is not judged twice',
      fromScript: [t('http_req_duration', 'p(95)<500', 'p(99)<900')],
      expected: ['preset http_req_duration: p(95)<500', 'preset http_req_failed: rate<0.001', 'script http_req_duration: p(99)<900'],
    },
    { what: 'only known expressions: nothing added', fromScript: [t('http_req_failed', 'rate<0.001')], expected: ['preset http_req_duration: p(95)<500', 'preset http_req_failed: rate<0.001'] },
  ])('$what', ({ fromScript, expected }) => {
    expect(shown(withScriptThresholds(smoke, fromScript))).toEqual(expected);
  });
});
