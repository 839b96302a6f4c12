import { describe, expect, it } from 'vitest';
import type { SequentialSummary } from '../../src/gate/verdict.js';
import { sequentialText, stageNotes } from '../../src/report/words.js';

const BASE = { plannedSeconds: 120, maxSeconds: 180, finalAlpha: 0.047 } as const;
const open = (atSeconds: number, questions: string[]) => ({ atSeconds, alpha: 0.001, decision: 'open' as const, open: questions });

describe('sequentialText', () => {
  it.each<{ q: SequentialSummary; text: string }>([
    {
      q: { ...BASE, ranSeconds: 31, end: 'regression', stoppedAtLook: 30, finalAlpha: 0.049, looks: [{ atSeconds: 30, alpha: 0.001, decision: 'regression' }] },
      text: 'Sequential: stopped at 31 s of the 2 min planned — a regression was confirmed at the look at 30 s; 1 min 29 s (74 %) of the planned time saved; judged at the end at α 0.049.',
    },
    {
      q: { ...BASE, ranSeconds: 60.4, end: 'within-limits', stoppedAtLook: 60, finalAlpha: 0.048, looks: [open(30, ['GET /a p(95)']), { atSeconds: 60, alpha: 0.001, decision: 'within-limits' }] },
      text: 'Sequential: stopped at 1 min of the 2 min planned — every question was within its limits at the look at 1 min, and the rest of the run could not plausibly have failed it; 1 min (50 %) of the planned time saved; judged at the end at α 0.048.',
    },
    {
      q: { ...BASE, ranSeconds: 180.3, end: 'full-length', finalAlpha: 0.045, looks: [30, 60, 90, 120, 150].map((t) => open(t, ['GET /a p(95)', 'GET /b med', 'GET /c med', 'GET /d med'])) },
      text: 'Sequential: the load ran its full 3 min, 1 min past the 2 min planned (budget 3 min), as the answer was still open; looks at 30 s, 1 min, 1 min 30 s, 2 min, 2 min 30 s did not settle it (still open at the last look: GET /a p(95), GET /b med, GET /c med and 1 more); judged at the end at α 0.045.',
    },
    {
      q: { ...BASE, ranSeconds: 45, end: 'full-length', finalAlpha: 0.049, looks: [open(30, ['GET /a med'])] },
      text: "Sequential: the load ran its full 45 s — the script's own length, shorter than the 2 min planned; looks at 30 s did not settle it (still open at the last look: GET /a med); judged at the end at α 0.049.",
    },
    {
      q: { ...BASE, ranSeconds: 185, end: 'budget', finalAlpha: 0.045, looks: [open(150, ['GET /a med'])] },
      text: 'Sequential: the load was stopped at its budget of 3 min (it ran 3 min 5 s; the script does not seem to read PERF_GATE_STAGE_DURATION) (still open at the last look: GET /a med); judged at the end at α 0.045.',
    },
    { q: { ...BASE, ranSeconds: 120, end: 'no-baseline', finalAlpha: 0.05, looks: [{ atSeconds: 120, alpha: 0, decision: 'no-baseline' }] }, text: 'Sequential: no baseline to compare with, so no look could settle anything early; the load ran the 2 min planned.' },
    { q: { ...BASE, ranSeconds: 40, end: 'cancelled', finalAlpha: 0.049, looks: [open(30, ['x'])] }, text: 'Sequential: the run was cancelled at 40 s of the 2 min planned; looks at 30 s.' },
  ])('$q.end, $q.ranSeconds s', ({ q, text }) => {
    expect(sequentialText(q)).toBe(text);
  });

  it('comes first among the stage notes', () => {
    const q: SequentialSummary = { ...BASE, ranSeconds: 120, end: 'unwatched', why: 'no live output', finalAlpha: 0.05, looks: [] };
    expect(stageNotes({ sequential: q, notes: ['a note'] })).toEqual(['Sequential: not applied — no live output; the load ran 2 min, judged at the end at α 0.05.', 'a note']);
  });
});
