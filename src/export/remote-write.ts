/**
 * Samples as a Prometheus remote-write 1.0 request body: a `WriteRequest` protobuf, Snappy block-compressed.
 * The schema is four small messages (WriteRequest, TimeSeries, Label, Sample), so it is encoded by hand
 * here rather than adding a protobuf runtime and generated code to the bundle.
 *
 *   WriteRequest { repeated TimeSeries timeseries = 1; }
 *   TimeSeries   { repeated Label labels = 1; repeated Sample samples = 2; }
 *   Label        { string name = 1; string value = 2; }
 *   Sample       { double value = 1; int64 timestamp = 2; }   // milliseconds since the Unix epoch
 */

import { compress } from 'snappyjs';
import { LABEL_NAMES, type MetricSample } from './run-metrics.js';

/** The headers remote-write 1.0 asks a sender to set. */
export const REMOTE_WRITE_HEADERS = {
  'Content-Encoding': 'snappy',
  'Content-Type': 'application/x-protobuf',
  'X-Prometheus-Remote-Write-Version': '0.1.0',
} as const;

/**
 * The compressed body for `samples`, every one at `timestampMs`. Labels are sorted by name with `__name__`
 * among them, as the spec requires; empty label values are left out (Prometheus treats them as absent).
 *
 * @throws RangeError when timestampMs is not a whole number
 */
export function encodeRemoteWrite(samples: readonly MetricSample[], timestampMs: number): Uint8Array {
  return compress(encodeWriteRequest(samples, timestampMs));
}

/** The uncompressed `WriteRequest` bytes (exported for the tests' decoder). */
export function encodeWriteRequest(samples: readonly MetricSample[], timestampMs: number): Uint8Array {
  if (!Number.isSafeInteger(timestampMs)) throw new RangeError(`timestampMs must be a whole number of milliseconds, got ${timestampMs}`);
  const out = new Writer();
  for (const s of samples) out.message(1, timeSeries(s, timestampMs));
  return out.bytes();
}

function timeSeries(s: MetricSample, timestampMs: number): Uint8Array {
  const labels: [string, string][] = [['__name__', s.name]];
  for (const l of LABEL_NAMES) {
    const v = s.labels[l];
    if (v !== undefined && v !== '') labels.push([l, v]);
  }
  // Byte order of the names; ours are ASCII, where that is code-unit order.
  labels.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const ts = new Writer();
  for (const [name, value] of labels) {
    const label = new Writer();
    label.string(1, name);
    label.string(2, value);
    ts.message(1, label.bytes());
  }
  const sample = new Writer();
  sample.double(1, s.value);
  sample.int64(2, timestampMs);
  ts.message(2, sample.bytes());
  return ts.bytes();
}

/** The protobuf wire format's three encodings we need: varint (0), 64-bit (1) and length-delimited (2). */
class Writer {
  private readonly chunks: number[] = [];
  private static readonly utf8 = new TextEncoder();

  string(field: number, value: string): void {
    this.message(field, Writer.utf8.encode(value));
  }

  message(field: number, bytes: Uint8Array): void {
    this.varint((field << 3) | 2);
    this.varint(bytes.length);
    for (const b of bytes) this.chunks.push(b);
  }

  double(field: number, value: number): void {
    this.varint((field << 3) | 1);
    const buf = new DataView(new ArrayBuffer(8));
    buf.setFloat64(0, value, true);
    for (let i = 0; i < 8; i++) this.chunks.push(buf.getUint8(i));
  }

  /** int64 as a varint: a negative one (before 1970) is its 64-bit two's complement, ten bytes. */
  int64(field: number, value: number): void {
    this.varint((field << 3) | 0);
    let v = BigInt.asUintN(64, BigInt(value));
    do {
      const low = Number(v & 0x7fn);
      v >>= 7n;
      this.chunks.push(v === 0n ? low : low | 0x80);
    } while (v !== 0n);
  }

  private varint(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.chunks.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.chunks.push(v);
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}
