/**
 * `--openmetrics FILE` and `--prometheus-remote-write URL`: a judged run to Prometheus (docs/prometheus.md).
 * The run's identity comes from the CI's environment (GitHub Actions', GitLab's), the credentials from
 * PERF_GATE_PROMETHEUS_BEARER_TOKEN or PERF_GATE_PROMETHEUS_USERNAME/_PASSWORD — never the command line,
 * where a process list would show them. A failed export is a warning: the verdict stands.
 */
import { renderOpenMetrics } from '../export/openmetrics.js';
import { runMetrics, type RunIdentity } from '../export/run-metrics.js';
import type { Report } from '../gate/verdict.js';
import { checkRemoteWriteUrl, pushRemoteWrite, RemoteWriteError, type RemoteWriteAuth } from '../pipeline/prometheus-push.js';
import type { Io } from './main.js';
import { UsageError } from './usage-error.js';
import { writeOutput } from './write-output.js';

export interface PrometheusCliOptions {
  openmetrics?: string;
  prometheusRemoteWrite?: string;
}

/** The repository, branch and commit a CI says it is building. */
export function identityFromEnv(env: NodeJS.ProcessEnv): RunIdentity {
  const pick = (...names: string[]): string | undefined => names.map((n) => env[n]).find((v) => v !== undefined && v !== '');
  const repository = pick('GITHUB_REPOSITORY', 'CI_PROJECT_PATH');
  const branch = pick('GITHUB_HEAD_REF', 'GITHUB_REF_NAME', 'CI_COMMIT_REF_NAME', 'BRANCH_NAME');
  const commit = pick('GITHUB_SHA', 'CI_COMMIT_SHA', 'GIT_COMMIT');
  return { ...(repository ? { repository } : {}), ...(branch ? { branch } : {}), ...(commit ? { commit } : {}) };
}

/** The remote-write credentials from the environment. */
export function authFromEnv(env: NodeJS.ProcessEnv): RemoteWriteAuth {
  const token = env['PERF_GATE_PROMETHEUS_BEARER_TOKEN'];
  const username = env['PERF_GATE_PROMETHEUS_USERNAME'];
  const password = env['PERF_GATE_PROMETHEUS_PASSWORD'];
  if (token) return { kind: 'bearer', token };
  if (username) return { kind: 'basic', username, password: password ?? '' };
  return { kind: 'none' };
}

/** Checks the URL before any load or reading: a typo is a usage error, not a warning after an hour's test. */
export function checkPrometheusOptions(opts: PrometheusCliOptions): void {
  if (opts.prometheusRemoteWrite === undefined) return;
  try {
    checkRemoteWriteUrl(opts.prometheusRemoteWrite, '--prometheus-remote-write');
  } catch (err) {
    if (err instanceof RemoteWriteError) throw new UsageError(err.message, { cause: err });
    throw err;
  }
}

/** Writes and pushes what was asked; returns false when something failed (each said on stderr). */
export async function exportToPrometheus(report: Report, opts: PrometheusCliOptions, io: Io, env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): Promise<boolean> {
  if (opts.openmetrics === undefined && opts.prometheusRemoteWrite === undefined) return true;
  const samples = runMetrics(report, identityFromEnv(env));
  let ok = true;
  if (opts.openmetrics !== undefined) {
    const failed = await writeOutput(opts.openmetrics, renderOpenMetrics(samples), 'the OpenMetrics file');
    if (failed !== undefined) {
      io.stderr(`perf-gate: warning: ${failed} (the verdict stands: ${report.verdict})\n`);
      ok = false;
    } else io.stderr(`perf-gate: wrote ${samples.length} Prometheus samples to ${opts.openmetrics}\n`);
  }
  if (opts.prometheusRemoteWrite !== undefined) {
    try {
      // Sample time is the export's: a TSDB takes recent samples; the run's start is perf_gate_run_timestamp_seconds.
      await pushRemoteWrite(samples, Math.round(now()), { url: opts.prometheusRemoteWrite, auth: authFromEnv(env) });
      io.stderr(`perf-gate: pushed ${samples.length} Prometheus samples to ${new URL(opts.prometheusRemoteWrite).origin}\n`);
    } catch (err) {
      io.stderr(`perf-gate: warning: ${err instanceof Error ? err.message : String(err)} (the verdict stands: ${report.verdict})\n`);
      ok = false;
    }
  }
  return ok;
}
