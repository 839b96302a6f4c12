/**
 * Samples as OpenMetrics text, for node_exporter's textfile collector or a Pushgateway. Both read it with
 * Prometheus's text parser, which takes `# HELP` and `# TYPE` and skips the other comments (`# UNIT`,
 * `# EOF`), so one file serves both formats. No timestamps: the textfile collector and the Pushgateway
 * reject samples that carry one; the scrape time becomes the sample time.
 */

import { LABEL_NAMES, METRICS, type MetricName, type MetricSample } from './run-metrics.js';

/**
 * @example renderOpenMetrics([{ name: 'perf_gate_error_ratio', labels: { stage: 'smoke' }, value: 0.01 }])
 *   // → '# TYPE perf_gate_error_ratio gauge\n# UNIT perf_gate_error_ratio ratio\n# HELP …\nperf_gate_error_ratio{stage="smoke"} 0.01\n# EOF\n'
 */
export function renderOpenMetrics(samples: readonly MetricSample[]): string {
  const lines: string[] = [];
  // A metric family's samples must be together: one block per name, in METRICS' order.
  for (const name of Object.keys(METRICS) as MetricName[]) {
    const family = samples.filter((s) => s.name === name);
    if (family.length === 0) continue;
    const { help, unit } = METRICS[name];
    lines.push(`# TYPE ${name} gauge`);
    if (unit !== undefined) lines.push(`# UNIT ${name} ${unit}`);
    lines.push(`# HELP ${name} ${escapeHelp(help)}`);
    for (const s of family) lines.push(`${name}${labelSet(s.labels)} ${formatValue(s.value)}`);
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

function labelSet(labels: MetricSample['labels']): string {
  // An empty value is an absent label to Prometheus: left out, as remote-write leaves it out.
  const pairs = LABEL_NAMES.flatMap((l) => (labels[l] === undefined || labels[l] === '' ? [] : [`${l}="${escapeLabelValue(labels[l])}"`]));
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

/** Backslash, double quote and line feed are the three characters a label value escapes. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Help text escapes backslash and line feed (Prometheus's text parser rejects any other escape there). */
function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** JavaScript's shortest round-trip form is a valid OpenMetrics number (`0.25`, `1e-7`); samples are finite. */
function formatValue(value: number): string {
  return String(value);
}
