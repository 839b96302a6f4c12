import { describe, expect, it } from 'vitest';
import type { PhaseBreakdown } from '../../src/gate/verdict.js';
import { phasesText } from '../../src/report/words.js';

/** A breakdown whose mean is the sum of its duration phases, as k6's is. */
function breakdown(b: Record<string, number>, c: Record<string, number>): PhaseBreakdown {
  const phases = (['sending', 'waiting', 'receiving', 'blocked', 'connecting', 'tls'] as const).map((phase) => ({ phase, baseline: b[phase] ?? 0, current: c[phase] ?? 0 }));
  const mean = (x: Record<string, number>): number => (x['sending'] ?? 0) + (x['waiting'] ?? 0) + (x['receiving'] ?? 0);
  return { meanBaseline: mean(b), meanCurrent: mean(c), phases };
}

describe('phasesText', () => {
  it.each<{ what: string; p: PhaseBreakdown; says: string | undefined }>([
    { what: 'a slower server', p: breakdown({ sending: 0.03, waiting: 40, receiving: 0.1 }, { sending: 0.03, waiting: 82, receiving: 0.12 }), says: 'X: +42.0 ms mean per request, of which +42.0 ms waiting (server time).' },
    { what: 'a bigger response', p: breakdown({ waiting: 10, receiving: 1 }, { waiting: 10.5, receiving: 6 }), says: 'X: +5.50 ms mean per request, of which +5.00 ms receiving the response.' },
    { what: 'keep-alive lost, latency unchanged', p: breakdown({ waiting: 10, connecting: 0.01 }, { waiting: 10, connecting: 0.4 }), says: 'X: connection setup 0.0100 ms → 0.400 ms per request (×40): connections are no longer reused (keep-alive lost?).' },
    { what: 'fewer connections reused', p: breakdown({ waiting: 10, connecting: 0.1, tls: 0.1 }, { waiting: 10, connecting: 0.4, tls: 0.4 }), says: 'X: connection setup 0.200 ms → 0.800 ms per request (×4.0): fewer connections are reused.' },
    // The share of requests that opened a connection decides where the runs have it: a short run on a busy
    // machine had a few slow first connects that put the baseline's mean at 0.0225 ms, so keep-alive lost
    // was only ×4.9 in mean connect time, though every request then connected.
    { what: 'keep-alive lost, by the share that connected, though the mean rose only ×4.9', p: { ...breakdown({ waiting: 1, connecting: 0.0225 }, { waiting: 1, connecting: 0.111 }), connected: { baseline: 0.004, current: 1 } }, says: 'X: connection setup 0.0225 ms → 0.111 ms per request (×4.9): connections are no longer reused (keep-alive lost?), 0.400 % → 100 % of requests opened a connection.' },
    { what: 'more connections by the share, most still reused', p: { ...breakdown({ waiting: 1, connecting: 0.01 }, { waiting: 1, connecting: 0.4 }), connected: { baseline: 0.01, current: 0.3 } }, says: 'X: connection setup 0.0100 ms → 0.400 ms per request (×40): fewer connections are reused, 1.00 % → 30.0 % of requests opened a connection.' },
    { what: 'waiting for a free connection', p: breakdown({ waiting: 10, blocked: 0.5 }, { waiting: 10, blocked: 4 }), says: 'X: +3.50 ms blocked (waiting for a free connection or DNS) per request.' },
    { what: 'noise: small moves everywhere', p: breakdown({ sending: 0.03, waiting: 40, receiving: 0.1, connecting: 0.01 }, { sending: 0.04, waiting: 40.5, receiving: 0.09, connecting: 0.02 }), says: undefined },
    { what: 'faster', p: breakdown({ waiting: 40 }, { waiting: 30 }), says: undefined },
  ])('$what', ({ p, says }) => {
    expect(phasesText('X', p)).toBe(says);
  });
});
