import { K6_ROLES, type MetricRoles } from '../../src/document/roles.js';
import { RunBuilder } from '../../src/document/run-builder.js';
import type { MemorySample, RunDocument } from '../../src/document/run-document.js';
import { seededRng } from '../../src/stats/random.js';

/** One endpoint of a synthetic run: its latencies in ms (in time order) and which requests failed. */
export interface SyntheticEndpoint {
  readonly latencies: readonly number[];
  readonly failed?: (i: number) => boolean;
  /**
   * The status code of request i; its failures point then carries `status` (and k6's `error_code`
   * 1000 + status for 4xx and 5xx), so the run records failure signatures. Default: no status tag.
   */
  readonly status?: (i: number) => number;
  /** Tags besides `name` (default `{ tenant: 'acme' }`). */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface SyntheticRun {
  readonly endpoints: Readonly<Record<string, SyntheticEndpoint>>;
  /** Run length in seconds: requests are spread evenly over it (default 20). */
  readonly seconds?: number;
  readonly startMs?: number;
  readonly memory?: readonly MemorySample[];
  /** Tag the requests with `name` (default true); false stands for a script that sets no name tags. */
  readonly nameTag?: boolean;
  readonly groupBy?: readonly string[];
  /** The load tool and its names for the roles (default k6's). */
  readonly tool?: { readonly name: string; readonly roles: MetricRoles };
}

/**
 * A run document built the way ingest builds one (points through a RunBuilder: k6's http_reqs,
 * http_req_duration and http_req_failed per request), for gate tests that need exact control of the data.
 */
export function syntheticRun(spec: SyntheticRun): RunDocument {
  const builder = new RunBuilder({ groupBy: spec.groupBy ?? ['name'], window: 'auto' });
  const roles = spec.tool?.roles ?? K6_ROLES;
  const duration = builder.defineMetric({ name: roles.latency, type: 'trend', contains: 'time', thresholds: [], submetrics: [] });
  const reqs = builder.defineMetric({ name: roles.requests, type: 'counter', contains: 'default', thresholds: [], submetrics: [] });
  const failed = builder.defineMetric({ name: roles.failures, type: 'rate', contains: 'default', thresholds: [], submetrics: [] });
  const start = spec.startMs ?? Date.UTC(2026, 10, 27, 9, 0, 0);
  const ms = (spec.seconds ?? 20) * 1000;
  for (const [name, e] of Object.entries(spec.endpoints)) {
    const tags = { ...(spec.nameTag === false ? {} : { name }), ...(e.tags ?? { tenant: 'acme' }) };
    const targets = [builder.targets(duration, tags), builder.targets(reqs, tags), builder.targets(failed, tags)] as const;
    e.latencies.forEach((v, i) => {
      const t = start + ((i + 0.5) * ms) / e.latencies.length;
      builder.point(targets[0], t, v);
      builder.point(targets[1], t, 1);
      const status = e.status?.(i);
      const failedTargets = status === undefined ? targets[2] : builder.targets(failed, { ...tags, status: String(status), ...(status >= 400 && status <= 599 ? { error_code: String(1000 + status) } : {}) });
      builder.point(failedTargets, t, e.failed?.(i) ? 1 : 0);
    });
  }
  const tool = spec.tool?.name ?? 'k6';
  const sources = [{ file: 'synthetic.ndjson', format: spec.tool ? `${tool}-synthetic` : 'k6-ndjson', lines: 0, partial: false }];
  const doc = builder.finish({ tool, ...(spec.tool ? { roles } : {}), stage: 'smoke', sources });
  return spec.memory ? { ...doc, memory: { source: 'synthetic', samples: [...spec.memory] } } : doc;
}

/** n log-normal latencies around `medianMs` with log-SD `sigma`, seeded. */
export function lognormal(n: number, medianMs: number, sigma: number, seed: number): number[] {
  const rng = seededRng(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    // Box–Muller from two uniforms.
    const u = Math.max(rng(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
    out.push(medianMs * Math.exp(sigma * z));
  }
  return out;
}

/** A document as written before signatures were recorded: no `signatures` on any scope. */
export function withoutSignatures(doc: RunDocument): RunDocument {
  const scopes = Object.fromEntries(Object.entries(doc.scopes).map(([name, s]) => {
    if (s.type !== 'rate' || !('signatures' in s)) return [name, s];
    const { signatures: _, ...rest } = s;
    return [name, rest];
  }));
  return { ...doc, scopes } as RunDocument;
}
