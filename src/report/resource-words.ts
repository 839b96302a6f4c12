/**
 * The service's resources in words (gate/resources.ts): the figures of both runs as a note, and, when the
 * latency regressed, the hint that names what moved with it ("CPU per request +35 %"). Raw text: each
 * renderer escapes it for its medium.
 */
import type { ResourceChange, ResourceComparison, ResourceName, ResourceUse } from '../gate/resources.js';
import type { StageReport } from '../gate/verdict.js';
import { formatNumber, formatPercent } from './format.js';

const WORDS: Readonly<Record<ResourceName, string>> = {
  cpuPerRequest: 'CPU per request',
  gcPerRequest: 'GC time per request',
  eventLoopLag: 'event-loop p99 lag',
  openFds: 'open files and sockets',
};

/** Milliseconds to three significant digits, as the report's other figures; a count of files as a whole number. */
function value(resource: ResourceName, x: number): string {
  return resource === 'openFds' ? String(Math.round(x)) : `${formatNumber(x, 3)} ms`;
}

function changeText(c: ResourceChange): string {
  const relative = c.resource === 'cpuPerRequest' || c.resource === 'gcPerRequest' ? ` (${c.ratio >= 1 ? '+' : '−'}${formatPercent(Math.abs(c.ratio - 1))})` : '';
  const [from, to] = c.resource === 'openFds' ? [String(Math.round(c.from)), String(Math.round(c.to))] : [formatNumber(c.from, 3), `${formatNumber(c.to, 3)} ms`];
  return `${WORDS[c.resource]} ${from} → ${to}${relative}`;
}

function useText(u: ResourceUse): string {
  const parts: string[] = [];
  if (u.cpuPerRequestMs !== undefined) parts.push(`${WORDS.cpuPerRequest} ${value('cpuPerRequest', u.cpuPerRequestMs)}`);
  if (u.gcPerRequestMs !== undefined) parts.push(`${WORDS.gcPerRequest} ${value('gcPerRequest', u.gcPerRequestMs)}`);
  if (u.eventLoopLagP99Ms !== undefined) parts.push(`${WORDS.eventLoopLag} ${value('eventLoopLag', u.eventLoopLagP99Ms)}`);
  if (u.openFdsMax !== undefined) parts.push(`${WORDS.openFds} ${value('openFds', u.openFdsMax)}`);
  return parts.join(', ');
}

/**
 * The figures of a stage's resources: `Service resources (from 14 scrapes): CPU per request 0.41 → 0.55 ms
 * (+35 %), event-loop p99 lag 10.2 → 11.0 ms.` — baseline → current where both runs have them, the
 * current run's alone otherwise, then what grew within the run.
 */
export function resourcesText(r: ResourceComparison): string {
  const figures = r.changes.length > 0 ? r.changes.map(changeText).join(', ') : useText(r.current);
  const grew = r.withinRun.filter((c) => c.moved);
  const within = grew.length > 0 ? `; within the current run, first third → last third: ${grew.map(changeText).join(', ')}` : '';
  return `Service resources (from ${r.current.samples} scrapes of its metrics): ${figures}${within}.`;
}

const LATENCY_KINDS: readonly string[] = ['latency', 'throughput', 'degradation', 'threshold'];

/** What a latency regression is here: a failing or warning finding on latency, throughput, degradation or an SLO. */
function latencyRegressed(stage: Pick<StageReport, 'findings'>): boolean {
  return stage.findings.some((f) => (f.severity === 'fail' || f.severity === 'warn') && LATENCY_KINDS.includes(f.kind));
}

/**
 * The hint beside a latency regression: which resources moved with it, between the runs and within the
 * current run. Empty when the latency did not regress or nothing moved by its rule's margin.
 */
export function resourceHints(stage: Pick<StageReport, 'findings' | 'resources'>): string[] {
  const r = stage.resources;
  if (!r || !latencyRegressed(stage)) return [];
  const between = r.changes.filter((c) => c.moved).map(changeText);
  const within = r.withinRun.filter((c) => c.moved).map((c) => `${changeText(c)} within the run (first → last third)`);
  const moved = [...between, ...within];
  return moved.length > 0 ? [`Which resource moved with the latency — ${moved.join('; ')}.`] : [];
}
