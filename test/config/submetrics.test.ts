import { describe, expect, it } from 'vitest';
import { submetricsOf, withSubmetrics } from '../../src/config/submetrics.js';

describe('withSubmetrics', () => {
  it('adds the submetrics the selectors name, each once, and leaves plain metrics out', () => {
    const options = { stage: 'smoke', submetrics: submetricsOf(['http_req_duration{name:GET /x}']) };
    const out = withSubmetrics(options, ['http_req_duration{name:GET /x}', 'http_req_duration{scenario:load}', 'checks', 'http_req_duration{scenario:load}']);
    expect(out).toEqual({ stage: 'smoke', submetrics: [{ metric: 'http_req_duration', tags: { name: 'GET /x' } }, { metric: 'http_req_duration', tags: { scenario: 'load' } }] });
  });

  it('returns the options themselves when nothing is added', () => {
    const options: { stage: string; submetrics?: ReturnType<typeof submetricsOf> } = { stage: 'smoke' };
    expect(withSubmetrics(options, ['checks'])).toBe(options);
  });
});
