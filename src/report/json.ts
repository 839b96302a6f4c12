/**
 * The JSON report (schema `perf-gate/report@1`, documented in docs/report.md): the Report as data, keys in a
 * fixed documented order whatever order the gate built its objects in, 2-space indent, trailing newline.
 */

import { findingMessage, headlineOf, limitText } from './words.js';
import type { Confidence, Decision, Finding, MemoryRun, MemorySummary, Report, ScopeComparison, ScopeSummary, StageReport } from '../gate/verdict.js';

/**
 * A list of all keys of T in the order they are written. Leaving a key out does not compile, so a field added
 * to verdict.ts must be placed here (and documented in docs/report.md) before it can ship.
 */
function keyOrder<T>() {
  return <const K extends readonly (keyof T)[]>(
    keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : { readonly missingKeys: Exclude<keyof T, K[number]> }),
  ): readonly string[] => keys as readonly (keyof T)[] as readonly string[];
}

type Run = StageReport['currentRun'];
type Scope = NonNullable<Finding['scope']>;
type Interval = NonNullable<Confidence['interval']>;

/** Which key order applies to the value found under a key of an object of a known shape. */
interface Shape {
  readonly keys: readonly string[];
  readonly children: Readonly<Record<string, Shape | { readonly items: Shape }>>;
}

const INTERVAL: Shape = { keys: keyOrder<Interval>()(['lower', 'upper', 'confidence']), children: {} };
const CONFIDENCE: Shape = { keys: keyOrder<Confidence>()(['level', 'interval']), children: { interval: INTERVAL } };
const SCOPE: Shape = { keys: keyOrder<Scope>()(['tag', 'value']), children: {} };
/** A finding as the JSON report holds it: the data plus its words (the limit's text and the sentence). */
type WordedFinding = Finding & { readonly threshold: string; readonly message: string };
/** The report as JSON holds it: the data plus the headline. */
type WordedReport = Report & { readonly headline: string };

const FINDING: Shape = {
  keys: keyOrder<WordedFinding>()([
    'outcome', 'severity', 'kind', 'metric', 'scope', 'statistic', 'unit', 'baseline', 'current', 'change', 'limit', 'threshold', 'pValue',
    'beyondLimit', 'confidence', 'reason', 'details', 'message', 'shortfall', 'accepted',
  ]),
  children: { scope: SCOPE, confidence: CONFIDENCE },
};
const SUMMARY: Shape = { keys: keyOrder<ScopeSummary>()(['count', 'p50', 'p95', 'p99', 'avg', 'throughput', 'errorRate']), children: {} };
const DECISION: Shape = {
  keys: keyOrder<Decision>()(['kind', 'statistic', 'compared', 'change', 'difference', 'confidence', 'shortfall']),
  children: { confidence: CONFIDENCE },
};
const SCOPE_COMPARISON: Shape = {
  keys: keyOrder<ScopeComparison>()(['metric', 'scope', 'outcome', 'latencyChange', 'confidence', 'decidedBy', 'detectable', 'baseline', 'current', 'phases']),
  children: { scope: SCOPE, confidence: CONFIDENCE, decidedBy: DECISION, baseline: SUMMARY, current: SUMMARY },
};
const SLOPE_INTERVAL: Shape = { keys: ['lower', 'upper'], children: {} };
const MEMORY_RUN: Shape = { keys: keyOrder<MemoryRun>()(['startBytes', 'endBytes', 'peakBytes', 'slopeMBPerHour', 'slopeInterval', 'rSquared', 'growth']), children: { slopeInterval: SLOPE_INTERVAL } };
const MEMORY: Shape = { keys: keyOrder<MemorySummary>()(['baseline', 'current']), children: { baseline: MEMORY_RUN, current: MEMORY_RUN } };
const RUN: Shape = { keys: keyOrder<Run>()(['start', 'durationSeconds', 'partial', 'tool', 'toolVersion', 'gitSha']), children: {} };
const STAGE: Shape = {
  keys: keyOrder<StageReport>()(['stage', 'outcome', 'baselineRun', 'currentRun', 'scopes', 'findings', 'memory', 'limits', 'capacity', 'resources', 'mix', 'power', 'noise', 'ab', 'sequential', 'shards', 'notes']),
  children: { baselineRun: RUN, currentRun: RUN, scopes: { items: SCOPE_COMPARISON }, findings: { items: FINDING }, memory: MEMORY },
};
const REPORT: Shape = {
  keys: keyOrder<WordedReport>()(['schema', 'verdict', 'headline', 'acceptedBy', 'generatedAt', 'stages', 'findings']),
  children: { stages: { items: STAGE }, findings: { items: FINDING } },
};

/**
 * Renders a report as JSON with a stable key order (the order of docs/report.md; keys unknown to this version
 * follow in alphabetical order, so nothing is lost), 2-space indent and a trailing newline.
 * `JSON.parse(renderJson(r))` deep-equals `r` plus the words (`headline`; each finding's `threshold` and
 * `message`); keys whose value is `undefined` are left out, as JSON does.
 * @throws {TypeError} when a number is NaN or infinite (JSON cannot hold it), naming where: `stages[0].scopes[2].latencyChange is NaN`.
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(ordered(worded(report), REPORT, ''), null, 2)}\n`;
}

/** The report with its words: the headline, and each finding's limit text and sentence (as every renderer words them). */
function worded(report: Report): WordedReport {
  const word = (f: Finding): WordedFinding => ({ ...f, threshold: limitText(f.limit), message: findingMessage(f, report.acceptedBy) });
  return {
    ...report,
    headline: headlineOf(report),
    stages: report.stages.map((s) => ({ ...s, findings: s.findings.map(word) })),
    findings: report.findings.map(word),
  };
}

function ordered(value: unknown, shape: Shape | undefined, path: string): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path || 'report'} is ${value}: the JSON report cannot hold a non-finite number`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item: unknown, i) => ordered(item, shape, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const known = shape?.keys ?? [];
  const extra = Object.keys(record).filter((k) => !known.includes(k)).sort();
  const out: Record<string, unknown> = {};
  for (const key of [...known, ...extra]) {
    if (!Object.hasOwn(record, key) || record[key] === undefined) continue;
    const child = shape?.children[key];
    const childShape = child === undefined ? undefined : 'items' in child ? child.items : child;
    out[key] = ordered(record[key], childShape, path === '' ? key : `${path}.${key}`);
  }
  return out;
}
