import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunDocument } from '../../src/document/run-document.js';
import { BUDGET_SLACK_SECONDS, startLooks } from '../../src/engine/watch-looks.js';
import type { LoadWatch } from '../../src/pipeline/ports.js';

const RUN = { meta: { durationSeconds: 1 } } as unknown as RunDocument;

function quietLog(): { lines: string[]; info: (m: string) => void; warning: (m: string) => void; debug: (m: string) => void } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info: ${m}`), warning: (m) => lines.push(`warning: ${m}`), debug: () => undefined };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startLooks', () => {
  it('looks at each time in turn and stops the load on the first true answer', async () => {
    const seen: number[] = [];
    const watch: LoadWatch = { atSeconds: [2, 4, 6], maxSeconds: 8, look: (_run, at) => (seen.push(at), at === 4) };
    const stop = vi.fn();
    const looks = startLooks(watch, () => RUN, stop, quietLog());
    await vi.advanceTimersByTimeAsync(1999);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual([2]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(seen).toEqual([2, 4]);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(looks.stoppedBy).toBe('look');
    looks.end();
  });

  it('skips a look with nothing measured yet, and goes on after a look that throws', async () => {
    const seen: number[] = [];
    let measured = false;
    const log = quietLog();
    const watch: LoadWatch = {
      atSeconds: [1, 2, 3],
      maxSeconds: 4,
      look: (_run, at) => {
        seen.push(at);
        if (at === 2) throw new Error('boom');
        return false;
      },
    };
    const looks = startLooks(watch, () => (measured ? RUN : undefined), vi.fn(), log);
    await vi.advanceTimersByTimeAsync(1000);
    measured = true;
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen).toEqual([2, 3]);
    expect(log.lines).toContainEqual('warning: the look at 2 s failed, the load runs on: boom');
    looks.end();
  });

  it('stops a load that runs past its budget, once', async () => {
    const stop = vi.fn();
    const log = quietLog();
    const looks = startLooks({ atSeconds: [], maxSeconds: 10, look: () => false }, () => RUN, stop, log);
    await vi.advanceTimersByTimeAsync((10 + BUDGET_SLACK_SECONDS) * 1000 - 1);
    expect(stop).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(looks.stoppedBy).toBe('budget');
    expect(log.lines[0]).toMatch(/ran past the stage's budget of 10 s/);
    looks.end();
  });

  it('takes no look and stops nothing once the load has ended', async () => {
    const look = vi.fn(() => true);
    const stop = vi.fn();
    const looks = startLooks({ atSeconds: [1], maxSeconds: 2, look }, () => RUN, stop, quietLog());
    looks.end();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(look).not.toHaveBeenCalled();
    expect(stop).not.toHaveBeenCalled();
    expect(looks.stoppedBy).toBeUndefined();
  });
});
