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

/** A sample to write as JMeter does (tests). */
export interface WrittenSample {
  readonly ts: number;
  readonly elapsed: number;
  readonly label: string;
  readonly rc: string;
  readonly rm?: string;
  readonly tn?: string;
  readonly success: boolean;
  readonly failureMessage?: string;
  readonly latency?: number;
  readonly connect?: number;
  readonly bytes?: number;
  readonly sentBytes?: number;
  readonly allThreads?: number;
}

export const JMETER5_HEADER = 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect';

/** A field as JMeter's CSVSaveService quotes it: in quotes, quotes doubled, when it holds a comma, quote, CR or LF. */
export function jmeterCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A JMeter 5 CSV row (the default 17 columns) of `s`. */
export function jmeterCsvRow(s: WrittenSample): string {
  const f = jmeterCsvField;
  return [s.ts, s.elapsed, f(s.label), f(s.rc), f(s.rm ?? 'OK'), f(s.tn ?? 'Thread Group 1-1'), 'text', s.success, f(s.failureMessage ?? ''), s.bytes ?? 100, s.sentBytes ?? 50, 1, s.allThreads ?? 1, 'null', s.latency ?? 0, 0, s.connect ?? 0].join(',');
}

function xmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** A JMeter XML `<httpSample …/>` of `s`, as SampleResultConverter writes its attributes. */
export function jmeterXmlSample(s: WrittenSample, children = ''): string {
  const a = xmlAttribute;
  const open = `<httpSample t="${s.elapsed}" it="0" lt="${s.latency ?? 0}" ct="${s.connect ?? 0}" ts="${s.ts}" s="${s.success}" lb="${a(s.label)}" rc="${a(s.rc)}" rm="${a(s.rm ?? 'OK')}" tn="${a(s.tn ?? 'Thread Group 1-1')}" dt="text" by="${s.bytes ?? 100}" sby="${s.sentBytes ?? 50}" ng="1" na="${s.allThreads ?? 1}"`;
  return children === '' ? `${open}/>` : `${open}>\n${children}\n</httpSample>`;
}

export function jmeterXml(samples: readonly string[], closed = true): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testResults version="1.2">\n${samples.map((s) => `${s}\n`).join('')}${closed ? '</testResults>\n' : ''}`;
}
