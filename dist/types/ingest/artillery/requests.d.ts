import type { ByteSource } from '../byte-source.js';
import { type PointSink } from '../point-sink.js';
import type { StreamResult } from '../reader.js';
/** The `perfGate` value of the header line artillery-plugin-perf-gate writes first in each file. */
export declare const REQUESTS_FORMAT = "artillery-requests@1";
/** Whether a first line is the plugin's header. */
export declare function isRequestsHeader(firstLine: string): boolean;
/**
 * Reads the per-request lines of artillery-plugin-perf-gate (artillery/artillery-plugin-perf-gate) in
 * constant memory: one line per request, `{"t":…,"name":…,"method":…,"status":…,"ms":…,"phases":{…}}`, or
 * `{"t":…,"name":…,"method":…,"error":"ECONNREFUSED"}` when no answer came. Each request gives the points
 * an Artillery report sums up, under the same names (docs/artillery.md):
 *
 * - `http.requests` 1, tags `name`, `method`, and `status` or `error_code`;
 * - `http.response_time` its `ms` (the time to the first byte, what Artillery records), when it was answered;
 * - `http.failed` 1 when the status is 400 or more or no answer came, else 0 — with `status` and
 *   `error_code` tags, its failure signature;
 * - `http.dns`, `http.tcp`, `http.tls`, `http.total` from its timing phases, when Artillery measured them.
 *
 * A cut-off last line (Artillery stopped while writing) makes the result partial with a warning.
 *
 * @throws IngestError naming the file and line of a line that is not the plugin's.
 */
export declare function readArtilleryRequests(file: string, source: ByteSource, sink: PointSink, warn: (message: string) => void): Promise<StreamResult>;
