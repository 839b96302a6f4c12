import type { Reader } from '../reader.js';
import { K6_ROLES } from './roles.js';
export { K6_ROLES };
/** k6's readers: `--out json` NDJSON, `--out csv`, and its three end-of-test summary forms. */
export declare const K6_READERS: readonly Reader[];
