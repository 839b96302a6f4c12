import { describe, expect, it } from 'vitest';
import type { Renderer } from '../../src/report/renderer.js';
import { RENDERERS, rendererFor } from '../../src/report/renderers.js';
import { findingMessage, headlineOf } from '../../src/report/words.js';
import { failingReport } from './reports.js';

// A new report target is one Renderer (one file in src/report) and one line in the registry: here, a
// JUnit-style XML a CI test tab can show, written from the same words as every other target.
const junit: Renderer = {
  format: 'junit',
  extension: 'xml',
  render: ({ report }) => {
    const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    const cases = report.findings.map((f) => `<testcase name="${esc(f.metric)} ${esc(f.statistic)}">${f.outcome === 'fail' ? `<failure message="${esc(findingMessage(f))}"/>` : ''}</testcase>`);
    return `<testsuite name="${esc(headlineOf(report))}" failures="${report.findings.filter((f) => f.outcome === 'fail').length}">${cases.join('')}</testsuite>\n`;
  },
};

describe('the renderer registry', () => {
  it('lists every target once by its --format name', () => {
    expect(RENDERERS.map((r) => `${r.format}.${r.extension}`)).toEqual(['text.txt', 'markdown.md', 'json.json', 'html.html']);
  });

  it.each(RENDERERS.map((r) => r.format))('%s renders the example report without throwing', (format) => {
    expect(rendererFor(format)!.render({ report: failingReport }).length).toBeGreaterThan(100);
  });

  it('takes a new target with no change elsewhere', () => {
    const xml = rendererFor('junit', [...RENDERERS, junit])!.render({ report: failingReport });
    expect(xml).toMatch(/^<testsuite name="2 breaches in smoke/);
    expect(xml.match(/<failure /g)).toHaveLength(2);
  });
});
