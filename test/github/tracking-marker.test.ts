import { describe, expect, it } from 'vitest';
import { trackingKey, trackingMarker } from '../../src/github/tracking-issues.js';

describe('the hidden marker of a tracking issue', () => {
  it.each([
    ['smoke · GET /api/alerts', '<!-- perf-gate:track=smoke · GET /api/alerts -->'],
    // `--` would close the HTML comment early and show the rest in the issue; a line break would split the marker.
    ['smoke · GET /a--b', '<!-- perf-gate:track=smoke · GET /a- -b -->'],
    ['load · x\ny', '<!-- perf-gate:track=load · x y -->'],
  ])('%j', (key, marker) => {
    expect(trackingMarker(key)).toBe(marker);
    expect(trackingMarker(trackingKey(key))).toBe(marker);
  });
});
