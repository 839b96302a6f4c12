// The figures the noise models are fitted to, measured the same way on real k6 runs (calibrate.ts) and on
// simulated ones (check-fit.ts).
//
// Per endpoint (the `name` tag of http_req_duration, successful and expected responses alike): request
// count, median, log-SD (SD of ln latency), the lag-1 autocorrelation of ln latency in time order and of
// the per-second means of ln latency, the share of requests beyond median·e^(3·log-SD) (pauses), and for
// every pair of runs the shift of ln median: its mean over endpoints (the run-wide drift) and its SD
// (the per-endpoint part).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface Req { readonly t: number; readonly ms: number; readonly failed: boolean }

export function readRun(file: string): Map<string, Req[]> {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const byName = new Map<string, Req[]>();
  for (const line of text.split('\n')) {
    if (!line.includes('"http_req_duration"') || !line.includes('"Point"')) continue;
    const p = JSON.parse(line) as { data: { time: string; value: number; tags: Record<string, string> } };
    const name = p.data.tags.name ?? p.data.tags.url ?? '?';
    const list = byName.get(name) ?? [];
    list.push({ t: Date.parse(p.data.time), ms: p.data.value, failed: p.data.tags.expected_response === 'false' });
    byName.set(name, list);
  }
  for (const list of byName.values()) list.sort((a, b) => a.t - b.t);
  return byName;
}

export const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
export const sd = (xs: readonly number[]): number => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length / 2;
  return s.length % 2 ? s[Math.floor(h)]! : (s[h - 1]! + s[h]!) / 2;
};
function lag1(xs: readonly number[]): number {
  const m = mean(xs);
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    den += (xs[i]! - m) ** 2;
    if (i > 0) num += (xs[i]! - m) * (xs[i - 1]! - m);
  }
  return den === 0 ? 0 : num / den;
}

export function endpointStats(reqs: readonly Req[]) {
  const logs = reqs.map((r) => Math.log(r.ms));
  const med = median(reqs.map((r) => r.ms));
  const s = sd(logs);
  const t0 = reqs[0]!.t;
  const perSecond = new Map<number, number[]>();
  for (const r of reqs) {
    const k = Math.floor((r.t - t0) / 1000);
    perSecond.set(k, [...(perSecond.get(k) ?? []), Math.log(r.ms)]);
  }
  const secondMeans = [...perSecond.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => mean(v));
  const sorted = [...reqs.map((r) => r.ms)].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
  return {
    count: reqs.length,
    failed: reqs.filter((r) => r.failed).length,
    medianMs: med,
    logSd: s,
    p95OverMedian: p95 / med,
    lognormalP95OverMedian: Math.exp(1.645 * s),
    lag1Requests: lag1(logs),
    lag1SecondMeans: lag1(secondMeans),
    pauseShare: reqs.filter((r) => r.ms > med * Math.exp(3 * s)).length / reqs.length,
  };
}

/**
 * The machine-wide part of the noise: every request's standardised ln latency ((ln x − endpoint mean) /
 * endpoint log-SD), averaged per second over all endpoints. With independent requests the variance of a
 * second's mean times its request count is 1; above 1 is a common, time-varying slowdown. Also its lag-1
 * autocorrelation, and on the fast endpoints (median < 2 ms, where a pause of a few ms shows) the share of
 * requests beyond median·e^(3·log-SD) and their median excess in ms (an additive pause, not a ratio), and
 * the share more than 3 ms above the median (which does not depend on how wide the endpoint is).
 */
export function machineStats(run: Map<string, Req[]>) {
  const all: { t: number; z: number }[] = [];
  const excess: number[] = [];
  let fast = 0;
  let over3ms = 0;
  for (const reqs of run.values()) {
    if (reqs.length < 20) continue;
    const logs = reqs.map((r) => Math.log(r.ms));
    const m = mean(logs);
    const s = sd(logs);
    for (const r of reqs) all.push({ t: r.t, z: (Math.log(r.ms) - m) / s });
    const med = median(reqs.map((r) => r.ms));
    if (med < 2) {
      fast += reqs.length;
      for (const r of reqs) if (r.ms > med * Math.exp(3 * s)) excess.push(r.ms - med);
      for (const r of reqs) if (r.ms > med + 3) over3ms++;
    }
  }
  const t0 = Math.min(...all.map((a) => a.t));
  const bins = new Map<number, number[]>();
  for (const a of all) {
    const k = Math.floor((a.t - t0) / 1000);
    bins.set(k, [...(bins.get(k) ?? []), a.z]);
  }
  const full = [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v).filter((v) => v.length >= 20);
  const means = full.map(mean);
  const varianceRatio = mean(full.map((v) => v.length * mean(v) ** 2));
  return { seconds: full.length, varianceRatio, lag1SecondMeans: lag1(means), sdSecondMeans: sd(means), fastPauseShare: fast ? excess.length / fast : 0, fastOver3msShare: fast ? over3ms / fast : 0, fastPauseExcessMs: excess.length ? median(excess) : 0 };
}

/** For every pair of runs: the mean over endpoints (with ≥ 50 requests in both) of the shift of ln median, and its SD. */
export function pairShifts(runs: readonly Map<string, Req[]>[]) {
  const perRun = runs.map((r) => Object.fromEntries([...r.entries()].sort().map(([name, reqs]) => [name, endpointStats(reqs)])));
  const shifts = [];
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      const a = perRun[i]!;
      const b = perRun[j]!;
      const logShift = Object.keys(a).filter((n) => b[n] && a[n]!.count >= 50 && b[n]!.count >= 50).map((n) => Math.log(b[n]!.medianMs / a[n]!.medianMs));
      shifts.push({ pair: [i, j], endpoints: logShift.length, meanLogShift: mean(logShift), sdLogShift: sd(logShift) });
    }
  }
  return { perRun, shifts };
}
