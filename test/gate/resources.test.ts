import { describe, expect, it } from 'vitest';
import type { MemorySample } from '../../src/document/run-document.js';
import { compareResources, requestsBetween, resourceUse, RESOURCE_RULES } from '../../src/gate/resources.js';
import { syntheticRun } from './synthetic.js';

const START = Date.parse('2026-12-03T10:00:00Z');
const SECONDS = 60;
/** 6 000 requests spread evenly over 60 s: 100 req/s. */
const LATENCIES = Array.from({ length: 6000 }, (_, i) => 10 + (i % 7));

/** Scrapes every 5 s over the run: CPU at `cpuMsPerRequest` per request, lag and fds as given (per scrape index). */
function scrapes(cpuMsPerRequest: (k: number) => number, extra: (k: number) => Partial<MemorySample> = () => ({})): MemorySample[] {
  const out: MemorySample[] = [];
  let cpu = 12.5;
  for (let k = 0; k <= 12; k++) {
    if (k > 0) cpu += (500 * cpuMsPerRequest(k)) / 1000; // 5 s × 100 req/s = 500 requests per interval
    out.push({ t: START + k * 5000, rssBytes: 80e6, cpuSeconds: cpu, ...extra(k) });
  }
  return out;
}

function run(memory: readonly MemorySample[]) {
  return syntheticRun({ endpoints: { 'GET /a': { latencies: LATENCIES } }, seconds: SECONDS, startMs: START, memory });
}

describe('resources of a run', () => {
  it('counts the requests between two instants from the request windows, a share of each partial window', () => {
    const doc = run([]);
    const all = requestsBetween(doc, START - 10_000, START + 70_000)!;
    expect(all).toBeCloseTo(6000, 6);
    const half = requestsBetween(doc, START, START + 30_000)!;
    expect(half / all).toBeGreaterThan(0.45);
    expect(half / all).toBeLessThan(0.55);
    expect(requestsBetween(doc, START + 5, START + 5)).toBeUndefined();
  });

  it('gives CPU per request over the sampled span, the median p99 lag and the most open files', () => {
    const doc = run(scrapes(() => 0.4, (k) => ({ eventLoopLagP99Seconds: (10 + k) / 1000, openFds: 20 + k })));
    const use = resourceUse(doc, doc.memory!.samples)!;
    expect(use.cpuPerRequestMs).toBeGreaterThan(0.36);
    expect(use.cpuPerRequestMs).toBeLessThan(0.44);
    expect(use.eventLoopLagP99Ms).toBeCloseTo(16, 6);
    expect(use.openFdsMax).toBe(32);
    expect(use.gcPerRequestMs).toBeUndefined();
    expect(use.samples).toBe(13);
  });

  it.each([
    ['memory only', scrapes(() => 0.4).map(({ cpuSeconds: _c, ...s }) => s)],
    ['two scrapes', scrapes(() => 0.4).slice(0, 2)],
    ['no scrapes', []],
  ])('is undefined with %s', (_what, samples) => {
    const doc = run(samples);
    expect(compareResources(undefined, doc)).toBeUndefined();
  });

  it('leaves out a counter that fell (the service restarted between the scrapes)', () => {
    const samples = scrapes(() => 0.4);
    samples[samples.length - 1] = { ...samples[samples.length - 1]!, cpuSeconds: 1 };
    const use = resourceUse(run(samples), samples)!;
    expect(use.cpuPerRequestMs).toBeUndefined();
  });
});

describe('what moved between the runs', () => {
  it.each([
    { what: 'the same CPU per request', base: 0.4, now: 0.42, moved: false },
    { what: 'CPU per request +35 %', base: 0.4, now: 0.54, moved: true },
    { what: 'CPU per request +15 % (under the margin)', base: 0.4, now: 0.46, moved: false },
    { what: 'a doubling of next to nothing', base: 0.005, now: 0.01, moved: false },
  ])('$what', ({ base, now, moved }) => {
    const baseline = run(scrapes(() => base));
    const current = run(scrapes(() => now));
    const r = compareResources(baseline, current)!;
    const cpu = r.changes.find((c) => c.resource === 'cpuPerRequest')!;
    expect(cpu.ratio).toBeCloseTo(now / base, 1);
    expect(cpu.moved).toBe(moved);
  });

  it('does not call it moved when the same CPU per second is spread over fewer requests (a handler that waits longer)', () => {
    const baseline = run(scrapes(() => 0.4));
    const fewer = syntheticRun({ endpoints: { 'GET /a': { latencies: LATENCIES.slice(0, 3900) } }, seconds: SECONDS, startMs: START, memory: scrapes(() => 0.4) });
    const cpu = compareResources(baseline, fewer)!.changes.find((c) => c.resource === 'cpuPerRequest')!;
    expect(cpu.ratio).toBeGreaterThan(1.4);
    expect(cpu.moved).toBe(false);
  });

  it.each([
    // 65 req/s instead of 100: CPU per request 0.4 → 0.68 ms (+69 %) with CPU per second only +10 %, the wobble between fresh processes
    { what: 'CPU per second +10 % (its run-to-run wobble) over fewer requests', perSecond: 1.1, moved: false },
    // CPU per second +30 %: the service did more work per second while serving fewer requests
    { what: 'CPU per second +30 % over fewer requests', perSecond: 1.3, moved: true },
  ])('with throughput down, calls CPU per request moved only beyond the wobble of CPU per second: $what', ({ perSecond, moved }) => {
    const baseline = run(scrapes(() => 0.4));
    const fewer = syntheticRun({ endpoints: { 'GET /a': { latencies: LATENCIES.slice(0, 3900) } }, seconds: SECONDS, startMs: START, memory: scrapes(() => 0.4 * perSecond) });
    const cpu = compareResources(baseline, fewer)!.changes.find((c) => c.resource === 'cpuPerRequest')!;
    expect(cpu.ratio).toBeGreaterThan(1.6);
    expect(cpu.moved).toBe(moved);
  });

  it('names an event-loop lag that grew within the run, first third to last third', () => {
    const current = run(scrapes(() => 0.4, (k) => ({ eventLoopLagP99Seconds: (k < 8 ? 11 : 60) / 1000 })));
    const r = compareResources(undefined, current)!;
    expect(r.changes).toEqual([]);
    const lag = r.withinRun.find((c) => c.resource === 'eventLoopLag')!;
    expect(lag).toMatchObject({ from: 11, to: 60, moved: true });
    expect(r.withinRun.find((c) => c.resource === 'cpuPerRequest')?.moved).toBe(false);
  });

  it('keeps its margins: each rule asks for a factor and an absolute rise', () => {
    for (const rule of Object.values(RESOURCE_RULES)) {
      expect(rule.factor).toBeGreaterThan(1);
      expect(rule.absolute).toBeGreaterThan(0);
    }
  });

  it('never yields NaN, whatever the scrapes hold', () => {
    const odd = scrapes(() => 0, () => ({ eventLoopLagP99Seconds: 0, openFds: 0, gcSeconds: 0 }));
    const r = compareResources(run(odd), run(odd))!;
    for (const c of [...r.changes, ...r.withinRun]) expect(Number.isFinite(c.ratio)).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/NaN|null/);
  });
});
