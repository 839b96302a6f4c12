import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const JMETER_FIXTURES = fileURLToPath(new URL('../../fixtures/jmeter/', import.meta.url));

export function jmeterFixture(name: string): string {
  return join(JMETER_FIXTURES, name);
}

/** One top-level sample as the oracles read it: the raw fields by JMeter's CSV column names. */
export type RawSample = Readonly<Record<string, string>>;

/**
 * The rows of a JMeter CSV fixture by a method other than the reader's: these fixtures quote nothing in
 * their rows, so a row is `split(',')`; the header's names may be quoted.
 */
export function csvOracle(name: string): RawSample[] {
  const [header, ...rows] = readFileSync(jmeterFixture(name), 'utf8').split('\n').filter((l) => l !== '');
  const columns = header!.split(',').map((c) => c.replace(/^"|"$/g, ''));
  return rows.map((row) => {
    const fields = row.split(',');
    if (fields.length !== columns.length) throw new Error(`oracle: ${name} has a row it cannot split: ${row}`);
    return Object.fromEntries(columns.map((c, i) => [c, fields[i]!]));
  });
}

const XML_TO_CSV: Record<string, string> = { t: 'elapsed', ts: 'timeStamp', s: 'success', lb: 'label', rc: 'responseCode', tn: 'threadName', lt: 'Latency', ct: 'Connect', by: 'bytes', sby: 'sentBytes', na: 'allThreads' };

/**
 * The top-level samples of a JMeter XML fixture by a method other than the reader's: JMeter writes each
 * top-level sample's start tag at the start of a line, unindented (nested ones are indented), so they are
 * the lines starting `<httpSample ` or `<sample `, and their attributes are `name="value"` pairs.
 */
export function xmlOracle(name: string): RawSample[] {
  return readFileSync(jmeterFixture(name), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('<httpSample ') || l.startsWith('<sample '))
    .map((l) => Object.fromEntries([...l.matchAll(/ (\w+)="([^"]*)"/g)].filter((m) => XML_TO_CSV[m[1]!] !== undefined).map((m) => [XML_TO_CSV[m[1]!]!, m[2]!])));
}

/** What the oracle expects of one label: samples, failures, sums of elapsed / Latency / bytes. */
export interface LabelTotals {
  samples: number;
  failed: number;
  elapsed: number;
  latency: number;
  bytes: number;
}

export function totalsByLabel(samples: readonly RawSample[]): Map<string, LabelTotals> {
  const out = new Map<string, LabelTotals>();
  for (const s of samples) {
    const t = out.get(s['label']!) ?? { samples: 0, failed: 0, elapsed: 0, latency: 0, bytes: 0 };
    t.samples++;
    if (s['success'] === 'false') t.failed++;
    t.elapsed += Number(s['elapsed']);
    t.latency += Number(s['Latency'] ?? 0);
    t.bytes += Number(s['bytes'] ?? 0);
    out.set(s['label']!, t);
  }
  return out;
}

/** The first and last sample end (timeStamp + elapsed), ISO. */
export function endSpan(samples: readonly RawSample[]): { first: string; last: string } {
  const ends = samples.map((s) => Number(s['timeStamp']) + Number(s['elapsed']));
  return { first: new Date(Math.min(...ends)).toISOString(), last: new Date(Math.max(...ends)).toISOString() };
}
