/**
 * Capacity in words (gate/capacity.ts): `Capacity 940 → 610 req/s (−35 %), at 120 → 80 VUs — the highest
 * rate held for 3 windows of 10 s in a row with p95 < 500 ms and under 1 % failed requests; latency broke
 * away at 150 VUs, 2 min 10 s in.` Raw text: each renderer escapes it for its medium.
 */
import { SUSTAIN, type Capacity, type CapacityComparison, type CapacityRule } from '../gate/capacity.js';
import { formatChange, formatDuration, formatNumber, formatPercent } from './format.js';

function ruleText(rule: CapacityRule): string {
  const errors = `under ${formatPercent(rule.errorRate)} failed requests`;
  if (!rule.latency) return errors;
  const s = rule.latency.statistic;
  const name = s === 'avg' ? 'mean latency' : s === 'med' ? 'median latency' : `p${Number((s * 100).toFixed(3))}`;
  const limit = `${name} < ${formatNumber(rule.latency.belowMs, 3)} ms`;
  return rule.latency.from === 'break-away' ? `${limit} (twice its level at the lowest load: the stage has no latency SLO) and ${errors}` : `${limit} and ${errors}`;
}

/** Virtual users are whole. */
function users(n: number): string {
  return String(Math.round(n));
}

function rate(c: Capacity | undefined): string {
  return c?.sustainedRps !== undefined ? formatNumber(c.sustainedRps, 3) : 'none';
}

function kneeText(c: Capacity): string {
  const k = c.knee;
  if (!k) return c.sustainedRps !== undefined ? '; it did not break away within the run' : '';
  const what = k.broke === 'latency' ? 'latency' : 'errors';
  const where = k.vus !== undefined ? `${users(k.vus)} VUs (${formatNumber(k.rps, 3)} req/s)` : `${formatNumber(k.rps, 3)} req/s`;
  return `; ${what} broke away at ${where}, ${formatDuration(k.atSeconds)} in`;
}

/** The capacity line of a stage whose load grew. */
export function capacityText(c: CapacityComparison): string {
  const now = c.current;
  const held = `the highest rate held for ${SUSTAIN} windows of ${formatDuration(now.windowSeconds)} in a row with ${ruleText(now.rule)}`;
  const figures = c.baseline ? `${rate(c.baseline)} → ${rate(now)} req/s${c.change !== undefined ? ` (${formatChange(c.change)})` : ''}` : `${rate(now)} req/s`;
  const vus = c.baseline?.sustainedVus !== undefined && now.sustainedVus !== undefined
    ? `, at ${users(c.baseline.sustainedVus)} → ${users(now.sustainedVus)} VUs`
    : now.sustainedVus !== undefined ? `, at ${users(now.sustainedVus)} VUs` : '';
  const none = now.sustainedRps === undefined ? ` — no ${SUSTAIN} windows in a row met the rule (${now.windowsMet} of ${now.windows} did)` : '';
  return `Capacity ${figures}${vus} — ${held}${none}${kneeText(now)}.`;
}
