import { describe, expect, it } from 'vitest';
import { requestMix } from '../../src/document/request-mix.js';
import { detectableText, mixText, powerText, stageNotes } from '../../src/report/words.js';

const power = { scope: { tag: 'name', value: 'GET /rare' }, detectable: 0.48, limit: 0.2, durationSeconds: 20 };

describe('what the run could not see, in words', () => {
  it.each([
    { what: 'a longer run would reach the limit', p: { ...power, neededSeconds: 90 }, text: 'The least-powered endpoint, GET /rare, can detect ≥ +48.0 % here; detecting the +20 % limit with 80 % power would take about 1 min 30 s of this load instead of 20 s (same request rate, spread and clustering assumed).' },
    { what: 'already long enough', p: { ...power, detectable: 0.15, neededSeconds: 12 }, text: 'The least-powered endpoint, GET /rare, can detect ≥ +15.0 % here; this run is long enough to detect the +20 % limit with 80 % power.' },
    { what: 'the noise floor alone is too large', p: { ...power, unreachable: true }, text: 'The least-powered endpoint, GET /rare, can detect ≥ +48.0 % here; no run length reaches the +20 % limit, because the run-to-run noise alone is larger (runToRunNoise).' },
  ])('$what', ({ p, text }) => {
    expect(powerText(p)).toBe(text);
  });

  it('a row: can detect ≥ +34 %', () => {
    expect(detectableText(0.34)).toBe('can detect ≥ +34.0 %');
  });

  it.each([
    {
      what: 'a new endpoint: 1 in 11 requests',
      b: { 'GET /a': 500, 'GET /b': 500 },
      c: { 'GET /a': 500, 'GET /b': 500, 'GET /api/new-feature': 100 },
      text: "The test's request mix changed: GET /api/new-feature is new: 1 in 11 requests. All requests are compared over the 2 endpoints both runs share, weighted as in the baseline; throughput is not judged across different mixes.",
    },
    {
      what: 'one gone, one moved',
      b: { 'GET /a': 600, 'GET /b': 300, 'GET /old': 100 },
      c: { 'GET /a': 300, 'GET /b': 600 },
      text: "The test's request mix changed: GET /old is gone (it was 1 in 10 requests); GET /a went from 60.0 % to 33.3 % of requests; GET /b went from 30.0 % to 66.7 % of requests. All requests are compared over the 2 endpoints both runs share, weighted as in the baseline; throughput is not judged across different mixes.",
    },
  ])('the mix: $what', ({ b, c, text }) => {
    expect(mixText(requestMix('name', new Map(Object.entries(b)), new Map(Object.entries(c))))).toBe(text);
  });

  it('the notes list the mix and the power first, then the gate\'s notes', () => {
    expect(stageNotes({ notes: ['n'] })).toEqual(['n']);
    expect(stageNotes({ notes: ['n'], power: { ...power, neededSeconds: 90 } })).toEqual([powerText({ ...power, neededSeconds: 90 }), 'n']);
  });
});
