// The bench's outputs: the Markdown tables and the SVG of the operating characteristics.
import { RULES } from './rules.js';
import type { Measure, Scenario } from './scenarios.js';
import { wilson, type RateInterval } from './stats.js';
import type { TrialResult } from './trial.js';

/** Per scenario: hits of its measure per rule (perf-gate is `perf-gate`), and perf-gate's details. */
export interface Tally {
  readonly scenario: Scenario;
  readonly trials: number;
  readonly hits: Readonly<Record<string, number>>;
  readonly gate: {
    readonly outcomes: Readonly<Record<'pass' | 'warn' | 'fail' | 'inconclusive', number>>;
    readonly named: number;
    readonly failNamed: number;
    readonly warnNamed: number;
    readonly otherNamed: number;
    readonly flagged: number;
    readonly failKinds: Readonly<Record<string, number>>;
  };
}

export const GATE = 'perf-gate';
export const COLUMNS: readonly { readonly id: string; readonly label: string }[] = [
  { id: GATE, label: 'perf-gate' },
  { id: 'gab-p95-1.2', label: 'GAB p95 1.2×' },
  { id: 'gab-p95-2', label: 'GAB p95 2×' },
  { id: 'gab-mean-1.2', label: 'GAB mean 1.2×' },
  { id: 'gab-mean-2', label: 'GAB mean 2×' },
  { id: 'bencher-t-0.95', label: 'Bencher t 0.95' },
  { id: 'bencher-t-0.99', label: 'Bencher t 0.99' },
  { id: 'k6-static-1.2', label: 'k6 p(95) < 1.2× earlier' },
  { id: 'mw-0.05', label: 'MW α 0.05' },
  { id: 'mw-bonferroni', label: 'MW Bonferroni' },
  { id: 'kayenta-mw-98', label: 'Kayenta MW 98 %' },
];
if (COLUMNS.length !== RULES.length + 1 || !RULES.every((r) => COLUMNS.some((c) => c.id === r.id))) throw new Error('output: COLUMNS and RULES disagree');

export function tally(scenario: Scenario, results: readonly TrialResult[]): Tally {
  const pick = (r: { fail: boolean; named: boolean; flagged: boolean }, m: Measure): boolean => r[m];
  const hits: Record<string, number> = { [GATE]: results.filter((r) => pick(r.gate, scenario.measure)).length };
  for (const rule of RULES) hits[rule.id] = results.filter((r) => pick(r.rules[rule.id]!, scenario.measure)).length;
  const outcomes = { pass: 0, warn: 0, fail: 0, inconclusive: 0 };
  const failKinds: Record<string, number> = {};
  for (const r of results) {
    outcomes[r.gate.outcome]++;
    for (const k of r.gate.failKinds) failKinds[k] = (failKinds[k] ?? 0) + 1;
  }
  return {
    scenario,
    trials: results.length,
    hits,
    gate: {
      outcomes,
      named: results.filter((r) => r.gate.named).length,
      failNamed: results.filter((r) => r.gate.failNamed).length,
      warnNamed: results.filter((r) => r.gate.warnNamed).length,
      otherNamed: results.filter((r) => r.gate.otherNamed).length,
      flagged: results.filter((r) => r.gate.flagged).length,
      failKinds,
    },
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}`;
/** `12.0 % (8.1–17.3)`, with † when the interval is wider than ±5 points. */
export function cell(i: RateInterval): string {
  const wide = i.upper - i.rate > 0.05 || i.rate - i.lower > 0.05;
  return `${pct(i.rate)} % (${pct(i.lower)}–${pct(i.upper)})${wide ? ' †' : ''}`;
}

const MEASURE_WORDS: Readonly<Record<Measure, string>> = { fail: 'fail', named: 'endpoint named', flagged: 'flagged' };

function meets(rate: number, s: Scenario): string {
  if (!s.target) return '';
  return (s.target.op === '<=' ? rate <= s.target.value : rate >= s.target.value) ? ' ✓' : ' ✗';
}

/** The main table: one row per case, one column per rule, the rate the target speaks of with its 95 % Wilson interval. */
export function casesTable(tallies: readonly Tally[]): string {
  const head = ['case', 'rate', 'target', 'issue "today"', ...COLUMNS.map((c) => c.label)];
  const rows = tallies.map((t) => {
    const s = t.scenario;
    const cells = COLUMNS.map((c) => {
      const i = wilson(t.hits[c.id]!, t.trials);
      return cell(i) + (c.id === GATE ? meets(i.rate, s) : '');
    });
    return [`${s.label} (${s.machine}, ${s.stage}, n = ${t.trials})`, MEASURE_WORDS[s.measure], s.target?.text ?? '', s.issueToday ?? '', ...cells];
  });
  return markdown(head, rows);
}

/** perf-gate's outcomes per case in full: what a user of the gate would see. */
export function gateDetailTable(tallies: readonly Tally[]): string {
  const head = ['case', 'pass', 'warn', 'fail', 'inconclusive', 'headline flags', 'fail names the endpoint', 'warn names the endpoint', 'fail names another endpoint', 'failing findings (kind; * = whole run)'];
  const rows = tallies.map((t) => {
    const g = t.gate;
    const r = (k: number): string => cell(wilson(k, t.trials));
    const kinds = Object.entries(g.failKinds).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
    return [t.scenario.label + ` (${t.scenario.machine}, ${t.scenario.stage})`, r(g.outcomes.pass), r(g.outcomes.warn), r(g.outcomes.fail), r(g.outcomes.inconclusive), r(g.flagged), t.scenario.focus ? r(g.failNamed) : '', t.scenario.focus ? r(g.warnNamed) : '', r(g.otherNamed), kinds];
  });
  return markdown(head, rows);
}

/** The operating characteristic as a table: fail rate per true change, one column per rule. */
export function sweepTable(tallies: readonly Tally[]): string {
  const head = ['true change', ...COLUMNS.map((c) => c.label)];
  const rows = tallies.map((t) => [t.scenario.label, ...COLUMNS.map((c) => pct(t.hits[c.id]! / t.trials) + ' %')]);
  return markdown(head, rows);
}

function markdown(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (s: string): string => s.replaceAll('|', '\\|');
  return [`| ${head.map(esc).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

const COLORS = ['#000000', '#1f77b4', '#aec7e8', '#ff7f0e', '#ffbb78', '#2ca02c', '#98df8a', '#d62728', '#9467bd', '#c5b0d5', '#8c564b'];

/** One panel per machine: fail rate (0–100 %) against the true change (0 to 2× the +20 % limit), one line per rule; perf-gate thick. */
export function sweepSvg(panels: readonly { readonly title: string; readonly tallies: readonly Tally[] }[]): string {
  const w = 460;
  const h = 320;
  const m = { left: 50, right: 15, top: 30, bottom: 45 };
  const legendH = 18 * Math.ceil(COLUMNS.length / 3) + 10;
  const width = w * panels.length;
  const height = h + legendH;
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`, `<rect width="${width}" height="${height}" fill="#ffffff"/>`];
  panels.forEach((panel, p) => {
    const x0 = p * w + m.left;
    const pw = w - m.left - m.right;
    const ph = h - m.top - m.bottom;
    const maxX = Math.max(...panel.tallies.map((t) => t.scenario.trueChange ?? 0), 0.4);
    const X = (c: number): number => x0 + (c / maxX) * pw;
    const Y = (r: number): number => m.top + (1 - r) * ph;
    out.push(`<text x="${x0 + pw / 2}" y="18" text-anchor="middle" font-size="13">${escapeXml(panel.title)}</text>`);
    for (let r = 0; r <= 1.0001; r += 0.2) {
      out.push(`<line x1="${x0}" x2="${x0 + pw}" y1="${Y(r).toFixed(1)}" y2="${Y(r).toFixed(1)}" stroke="#dddddd"/>`, `<text x="${x0 - 5}" y="${(Y(r) + 4).toFixed(1)}" text-anchor="end">${Math.round(r * 100)} %</text>`);
    }
    for (let c = 0; c <= maxX + 1e-9; c += 0.1) {
      out.push(`<text x="${X(c).toFixed(1)}" y="${m.top + ph + 15}" text-anchor="middle">+${Math.round(c * 100)} %</text>`);
    }
    out.push(`<line x1="${X(0.2).toFixed(1)}" x2="${X(0.2).toFixed(1)}" y1="${m.top}" y2="${m.top + ph}" stroke="#888888" stroke-dasharray="4 3"/>`);
    out.push(`<text x="${(X(0.2) + 3).toFixed(1)}" y="${m.top + 12}" fill="#666666">limit +20 %</text>`);
    out.push(`<text x="${x0 + pw / 2}" y="${m.top + ph + 32}" text-anchor="middle">true change of one endpoint's typical latency</text>`);
    out.push(`<text transform="translate(${x0 - 38} ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">fail rate</text>`);
    out.push(`<rect x="${x0}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#444444"/>`);
    COLUMNS.forEach((c, k) => {
      const pts = panel.tallies.map((t) => `${X(t.scenario.trueChange ?? 0).toFixed(1)},${Y(t.hits[c.id]! / t.trials).toFixed(1)}`).join(' ');
      out.push(`<polyline points="${pts}" fill="none" stroke="${COLORS[k % COLORS.length]}" stroke-width="${c.id === GATE ? 3 : 1.5}"/>`);
    });
  });
  COLUMNS.forEach((c, k) => {
    const col = k % 3;
    const row = Math.floor(k / 3);
    const x = 20 + col * (width / 3);
    const y = h + 8 + row * 18;
    out.push(`<line x1="${x}" x2="${x + 24}" y1="${y}" y2="${y}" stroke="${COLORS[k % COLORS.length]}" stroke-width="${c.id === GATE ? 3 : 1.5}"/>`, `<text x="${x + 30}" y="${y + 4}">${escapeXml(c.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function escapeXml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
