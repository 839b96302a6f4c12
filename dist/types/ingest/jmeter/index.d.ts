import type { Reader } from '../reader.js';
import { JMETER_ROLES } from './roles.js';
export { JMETER_ROLES };
/** JMeter's readers: CSV and XML result files (`-l results.jtl`), streamed. */
export declare const JMETER_READERS: readonly Reader[];
