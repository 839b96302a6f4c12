import { ARTILLERY_READERS } from './artillery/index.js';
import { JMETER_READERS } from './jmeter/index.js';
import { K6_READERS } from './k6/index.js';
import type { Reader } from './reader.js';

/** Every input format perf-gate reads, tried in this order. A new tool is one folder and one line here. */
export const READERS: readonly Reader[] = [...K6_READERS, ...JMETER_READERS, ...ARTILLERY_READERS];
