import type { Reader } from '../reader.js';
import { readJmeterCsv } from './csv.js';
import { JMETER_METRICS } from './metrics.js';
import { JMETER_ROLES } from './roles.js';
import { readJmeterXml } from './xml.js';

export { JMETER_ROLES };

const jmeter = { tool: 'jmeter', roles: JMETER_ROLES, knownMetrics: JMETER_METRICS } as const;

/** JMeter's CSV header: `timeStamp,` first (quoted or not), with `elapsed` and `label` columns. */
function looksLikeJmeterCsv(firstLine: string): boolean {
  return /^"?timeStamp"?,/.test(firstLine) && /(^|,)"?elapsed"?(,|$)/.test(firstLine) && /(^|,)"?label"?(,|$)/.test(firstLine);
}

/** `<testResults` as the first element, after an optional XML declaration, processing instructions and comments. */
function looksLikeJmeterXml(text: string): boolean {
  return /^\s*(?:<\?[^>]*\?>\s*|<!--[\s\S]*?-->\s*)*<testResults[\s>/]/.test(text);
}

/** JMeter's readers: CSV and XML result files (`-l results.jtl`), streamed. */
export const JMETER_READERS: readonly Reader[] = [
  { ...jmeter, kind: 'stream', format: 'jmeter-csv', sniff: (head) => looksLikeJmeterCsv(head.firstLine), read: readJmeterCsv },
  { ...jmeter, kind: 'stream', format: 'jmeter-xml', sniff: (head) => looksLikeJmeterXml(head.text), read: readJmeterXml },
];
