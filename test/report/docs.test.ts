import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/gate/verdict.js';
import { renderJson, renderMarkdown } from '../../src/report/index.js';

/** docs/report.md must show what the renderers really write. */
const doc = readFileSync(new URL('../../docs/report.md', import.meta.url), 'utf8');

function fenced(language: string): string {
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)\\n```\\n').exec(doc);
  if (match?.[1] === undefined) throw new Error(`no \`\`\`${language} block in docs/report.md`);
  return match[1];
}

describe('docs/report.md', () => {
  const example = fenced('json');

  it('shows a JSON example exactly as renderJson writes it', () => {
    expect(renderJson(JSON.parse(example) as Report)).toBe(`${example}\n`);
  });

  it('shows the comment renderMarkdown writes for that example', () => {
    expect(renderMarkdown(JSON.parse(example) as Report, { marker: '<!-- perf-gate:id=smoke -->' })).toBe(`${fenced('markdown')}\n`);
  });

  it.each(['schema', 'verdict', 'headline', 'generatedAt', 'stages', 'findings', 'baselineRun', 'currentRun', 'scopes', 'memory', 'notes',
    'start', 'durationSeconds', 'partial', 'tool', 'toolVersion', 'gitSha', 'metric', 'scope', 'outcome', 'latencyChange', 'confidence',
    'count', 'p50', 'p95', 'p99', 'avg', 'throughput', 'errorRate', 'severity', 'kind', 'statistic', 'change', 'threshold', 'pValue',
    'message', 'accepted', 'level', 'interval', 'startBytes', 'endBytes', 'peakBytes', 'slopeMBPerHour', 'growth', 'unit', 'limit', 'reason', 'details',
    'acceptedBy', 'decidedBy', 'shortfall'])('documents `%s`', (key) => {
    expect(doc).toContain(`\`${key}\``);
  });
});
