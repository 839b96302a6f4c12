import { uncompress } from 'snappyjs';
import { describe, expect, it } from 'vitest';
import { renderOpenMetrics } from '../../src/export/openmetrics.js';
import { encodeRemoteWrite, encodeWriteRequest } from '../../src/export/remote-write.js';
import { outcomeValue, runMetrics, type MetricSample } from '../../src/export/run-metrics.js';
import { compareRecorded } from './recorded.js';

/** A minimal reader of the protobuf wire format, independent of the encoder: fields of one message. */
function fields(bytes: Uint8Array): { field: number; wire: number; value: bigint | Uint8Array | number }[] {
  const out: { field: number; wire: number; value: bigint | Uint8Array | number }[] = [];
  let i = 0;
  const varint = (): bigint => {
    let shift = 0n;
    let v = 0n;
    for (;;) {
      const b = bytes[i++]!;
      v |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return v;
      shift += 7n;
    }
  };
  while (i < bytes.length) {
    const key = Number(varint());
    const field = key >> 3;
    const wire = key & 7;
    if (wire === 0) out.push({ field, wire, value: varint() });
    else if (wire === 1) {
      out.push({ field, wire, value: new DataView(bytes.buffer, bytes.byteOffset + i, 8).getFloat64(0, true) });
      i += 8;
    } else if (wire === 2) {
      const n = Number(varint());
      out.push({ field, wire, value: bytes.subarray(i, i + n) });
      i += n;
    } else throw new Error(`wire type ${wire}`);
  }
  return out;
}

const text = (b: unknown): string => new TextDecoder().decode(b as Uint8Array);
const SAMPLES: MetricSample[] = [
  { name: 'perf_gate_latency_seconds', labels: { stage: 'smoke', endpoint: 'GET /a "x"\\y', percentile: 'p95', repository: '' }, value: 0.153 },
  { name: 'perf_gate_verdict', labels: { stage: 'smoke', endpoint: 'GET /a "x"\\y' }, value: 2 },
];

describe('remote-write 1.0 bytes', () => {
  it('are a Snappy-compressed WriteRequest: one time series per sample, labels sorted with __name__, the value and the time', () => {
    const at = 1_796_281_200_123;
    const raw = uncompress(encodeRemoteWrite(SAMPLES, at));
    expect(Buffer.from(raw)).toEqual(Buffer.from(encodeWriteRequest(SAMPLES, at)));
    const series = fields(raw);
    expect(series.map((s) => s.field)).toEqual([1, 1]);
    const first = fields(series[0]!.value as Uint8Array);
    const labels = first.filter((f) => f.field === 1).map((f) => fields(f.value as Uint8Array).map((x) => text(x.value)));
    expect(labels).toEqual([['__name__', 'perf_gate_latency_seconds'], ['endpoint', 'GET /a "x"\\y'], ['percentile', 'p95'], ['stage', 'smoke']]);
    const sample = fields(first.find((f) => f.field === 2)!.value as Uint8Array);
    expect(sample).toEqual([{ field: 1, wire: 1, value: 0.153 }, { field: 2, wire: 0, value: BigInt(at) }]);
  });

  it('refuse a time that is not a whole millisecond', () => {
    expect(() => encodeWriteRequest(SAMPLES, 1.5)).toThrow(RangeError);
  });
});

describe('OpenMetrics text', () => {
  it('groups each family under its TYPE, UNIT and HELP, escapes label values, leaves empty ones out, and ends in # EOF', () => {
    const out = renderOpenMetrics(SAMPLES).split('\n');
    expect(out.slice(0, 4)).toEqual([
      '# TYPE perf_gate_latency_seconds gauge',
      '# UNIT perf_gate_latency_seconds seconds',
      '# HELP perf_gate_latency_seconds Request latency percentile (p50, p95, p99) of the current run, seconds.',
      'perf_gate_latency_seconds{stage="smoke",endpoint="GET /a \\"x\\"\\\\y",percentile="p95"} 0.153',
    ]);
    expect(out.at(-2)).toBe('# EOF');
  });
});

describe('the samples of a judged run', () => {
  it('give per endpoint the percentiles in seconds, the error ratio, the rate, the verdict and the change, never NaN', async () => {
    const report = await compareRecorded('smoke-baseline', 'smoke-regressed');
    const samples = runMetrics(report, { repository: 'acme/api', branch: 'main', commit: 'abc1234' });
    const stage = report.stages[0]!;
    const alerts = stage.scopes.find((s) => s.scope?.value === 'POST /api/alerts')!;
    const of = (name: string, extra: Record<string, string> = {}) => samples.find((s) => s.name === name && s.labels.endpoint === 'POST /api/alerts' && Object.entries(extra).every(([k, v]) => s.labels[k as 'percentile'] === v))?.value;
    expect(of('perf_gate_latency_seconds', { percentile: 'p95' })).toBeCloseTo(alerts.current!.p95! / 1000, 12);
    expect(of('perf_gate_verdict')).toBe(outcomeValue('fail'));
    expect(of('perf_gate_change_ratio')).toBeCloseTo(alerts.latencyChange!, 12);
    expect(samples.every((s) => Number.isFinite(s.value))).toBe(true);
    expect(samples.find((s) => s.name === 'perf_gate_stage_verdict')!.labels).toEqual({ repository: 'acme/api', branch: 'main', commit: 'abc1234', stage: 'smoke', tool: 'k6' });
  });

  it('cap the endpoints to the busiest, keep the whole run, and count what was left out', async () => {
    const report = await compareRecorded('smoke-baseline', 'smoke-regressed');
    const samples = runMetrics(report, {}, { maxEndpoints: 3 });
    const endpoints = new Set(samples.flatMap((s) => (s.labels.endpoint ? [s.labels.endpoint] : [])));
    expect(endpoints.size).toBe(4);
    expect(endpoints.has('all requests')).toBe(true);
    expect(samples.find((s) => s.name === 'perf_gate_endpoints_dropped')!.value).toBe(report.stages[0]!.scopes.filter((s) => s.scope).length - 3);
  });
});
