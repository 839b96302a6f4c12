/**
 * The words of a report: a finding's sentence, a limit's text, the headline. The gate hands over data
 * (outcomes, units, limits, structured reasons and details); every renderer words it through here, so
 * the comment, the terminal, the HTML page and the JSON say the same thing.
 */
import type { RequestMix } from '../document/request-mix.js';
import type { ShardFigures } from '../document/shard-figures.js';
import type { AbSummary, Finding, PhaseBreakdown, ScopeComparison, SequentialSummary, Limit, Report, Shortfall, StageNoise, StagePower, StageReport, Unit } from '../gate/verdict.js';
/** A number in its unit: `80.1 ms`, `104 req/s`, `2.50 /s`, `5.00 %`, `168 MB`, `+560 MB/h`, `1,234`. */
export declare function formatInUnit(unit: Unit, value: number): string;
/** A limit as the user configured it: `+20 %`, `−15 %`, `+50 % and +0.1 % points`, `p(95)<500`. */
export declare function limitText(limit: Limit): string;
/** A shortfall in a report's words: `too few requests`. */
export declare function shortfallText(shortfall: Shortfall): string;
/**
 * One sentence a reviewer can act on, from the finding's data:
 * `GET /api/alerts: p(95) response time +29.8 % (80.0 ms → 104 ms) is beyond the +20 % limit and confirmed, 95 % CI +16 … +46 %.`
 * `acceptedBy` names the label that accepted it, when the finding is accepted.
 */
export declare function findingMessage(f: Finding, acceptedBy?: string): string;
/**
 * One line without the verdict word or mark: `4 breaches in smoke: POST /api/alerts, …; 1 of 10 endpoints
 * could not be judged (too few requests)`. Renderers add the verdict and its mark.
 */
export declare function headlineOf(report: Pick<Report, 'verdict' | 'stages'>): string;
/** What a row's test could have caught: `can detect ≥ +34 %`. */
export declare function detectableText(change: number): string;
/**
 * The test's mix change, as sentences: `GET /api/new-feature is new: 1 in 11 requests. … All requests are
 * compared over the 10 endpoints both runs share, weighted as in the baseline; throughput is not judged.`
 */
export declare function mixText(mix: RequestMix): string;
/**
 * What the stage could not see, in one sentence: `The least-powered endpoint, GET /api/x, can detect ≥ +41 %
 * here; detecting the +20 % limit would take about 1 min 20 s of this load (same request rate, spread and
 * clustering assumed).`
 */
export declare function powerText(p: StagePower): string;
/**
 * Where the run-to-run noise came from, when it was learned: `Run-to-run noise learned from 12 stored runs of
 * the baseline branch: 1.4 % for the stage, 1.1–2.3 % per endpoint (default 3 %).` The default is not worded
 * (docs/verdict.md states it; the JSON report carries it).
 */
export declare function noiseText(n: StageNoise): string | undefined;
/**
 * The A/B rounds of a stage: how many pairs were judged, each pair's whole-run typical-latency ratio (so a
 * reviewer sees whether they agree), the spread between them, and any round that failed.
 */
export declare function abText(ab: AbSummary): string;
/**
 * What the pairs could see, in pairs rather than seconds: the pairs' se shrinks as 1/√pairs, so the pairs
 * needed for the limit are today's times the stage's sample-size factor (StagePower: needed / duration).
 */
export declare function abPowerText(p: StagePower, ab: AbSummary): string;
/**
 * What a sequential stage did: when and why its load stopped and the time that saved against the planned
 * length, or why it ran on. `Sequential: stopped at 31 s of the 2 min planned — a regression was confirmed at
 * the look at 30 s; 1 min 29 s (74 %) of the planned time saved; …`
 */
export declare function sequentialText(q: SequentialSummary): string;
/**
 * What each shard, and each region, of a merged distributed run contributed: `Shards: 4 of 4 merged, their
 * loads started 0.3 s apart — 1/4 us-east 1,210 requests (p95 80.1 ms, 0.00 % errors), …; by region: …`.
 */
export declare function shardsText(f: ShardFigures): string;
/**
 * Where the time went on one endpoint, when its mean latency rose: `GET /api/alerts: +42.0 ms mean per
 * request, of which +40.1 ms waiting (server time)`; and connection setup that at least tripled, which
 * the latency does not include: `connection setup 0.04 → 1.87 ms per request: connections are no longer
 * reused (keep-alive lost?)`. Undefined when neither applies.
 */
export declare function phasesText(label: string, p: PhaseBreakdown): string | undefined;
/**
 * Where the time went, for the rows a reviewer looks at: every failing or warning endpoint, and the whole
 * run (connection setup lost shows there even when no latency moved).
 */
export declare function timeHints(scopes: readonly ScopeComparison[]): string[];
/** A stage's notes as the renderers list them: the mix change, what the run could see and the noise it assumed, then the gate's own notes. */
export declare function stageNotes(stage: Pick<StageReport, 'mix' | 'power' | 'noise' | 'ab' | 'sequential' | 'notes'> & Partial<Pick<StageReport, 'shards' | 'scopes' | 'resources' | 'findings' | 'capacity'>>): string[];
