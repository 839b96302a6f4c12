/**
 * The page `perf-gate run --serve` serves: the live figures of the running stage (requests per second, p95,
 * error rate, VUs), a chart of p95 and request rate over the stage, and the log lines, fed by server-sent
 * events from `/events`. One self-contained page: its one script and one style are allowed by their hashes
 * in the Content-Security-Policy, and it loads nothing else. Everything the run says is put in with
 * `textContent`, never as markup.
 */
import { createHash } from 'node:crypto';

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1f2328; }
h1 { font-size: 1.3rem; margin: 0 0 .3rem; }
#stage { color: #57606a; margin: 0 0 1rem; }
.figures { display: grid; grid-template-columns: repeat(5, 1fr); gap: .6rem; margin-bottom: 1rem; }
.figure { border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .7rem; }
.figure b { display: block; font-size: 1.4rem; font-variant-numeric: tabular-nums; }
.figure span { color: #57606a; font-size: .8rem; }
svg { width: 100%; height: 180px; border: 1px solid #d0d7de; border-radius: 6px; }
.p95 { stroke: #cf222e; fill: none; stroke-width: 2; vector-effect: non-scaling-stroke; }
.rps { stroke: #0969da; fill: none; stroke-width: 2; vector-effect: non-scaling-stroke; }
#legend { color: #57606a; font-size: .8rem; margin: .2rem 0 1rem; }
#log { background: #f6f8fa; border-radius: 6px; padding: .6rem; max-height: 16rem; overflow: auto; font-size: 12px; white-space: pre-wrap; }
.done-pass { color: #1a7f37; } .done-fail { color: #cf222e; } .done-warn, .done-inconclusive { color: #9a6700; }
`;

const SCRIPT = `
'use strict';
const $ = (id) => document.getElementById(id);
const points = [];
function show(id, text) { $(id).textContent = text; }
function num(x, digits) { return x === undefined || x === null ? '–' : Number(x).toPrecision(digits); }
function draw() {
  const svg = $('chart');
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  if (points.length < 2) return;
  const t0 = points[0].t, t1 = points[points.length - 1].t;
  const span = Math.max(1, t1 - t0);
  const top = (key) => Math.max(1e-9, ...points.map((p) => p[key] || 0)) * 1.1;
  for (const key of ['p95', 'rps']) {
    const max = top(key);
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('class', key);
    line.setAttribute('points', points.filter((p) => p[key] !== undefined).map((p) => ((p.t - t0) / span * 590 + 5).toFixed(1) + ',' + (175 - (p[key] / max) * 165).toFixed(1)).join(' '));
    svg.appendChild(line);
  }
  show('legend', 'red: p95 (top ' + num(top('p95'), 3) + ' ms) · blue: requests per second (top ' + num(top('rps'), 3) + ') · over ' + Math.round(span / 1000) + ' s');
}
function log(line) {
  const el = $('log');
  el.textContent += line + '\\n';
  el.scrollTop = el.scrollHeight;
}
const events = new EventSource('/events');
events.addEventListener('stage', (e) => {
  const d = JSON.parse(e.data);
  points.length = 0;
  draw();
  show('stage', 'stage ' + d.stage + ': running');
});
events.addEventListener('progress', (e) => {
  const d = JSON.parse(e.data);
  show('rps', num(d.requestsPerSecond, 3));
  show('p95', d.p95Ms === undefined ? '–' : num(d.p95Ms, 3) + ' ms');
  show('errors', d.errorRate === undefined ? '–' : num(d.errorRate * 100, 3) + ' %');
  show('vus', d.vus === undefined ? '–' : String(d.vus));
  show('total', String(d.totalRequests));
  points.push({ t: d.elapsedMs, p95: d.p95Ms, rps: d.requestsPerSecond });
  draw();
});
events.addEventListener('log', (e) => log(JSON.parse(e.data).line));
events.addEventListener('done', (e) => {
  const d = JSON.parse(e.data);
  const el = $('stage');
  el.textContent = d.headline;
  el.className = 'done-' + d.verdict;
  events.close();
});
`;

/** The CSP source of an inline element's text: its SHA-256, as browsers compute it. */
function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The Content-Security-Policy header of the page: its own script and style, and its events, nothing else. */
export const LIVE_PAGE_CSP = `default-src 'none'; script-src ${hashSource(SCRIPT)}; style-src ${hashSource(STYLE)}; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** The page's HTML. */
export function livePageHtml(): string {
  const figure = (id: string, label: string): string => `<div class="figure"><b id="${id}">–</b><span>${label}</span></div>`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>perf-gate — live</title>',
    `<style>${STYLE}</style></head><body>`,
    '<h1>perf-gate — live</h1>',
    '<p id="stage">waiting for the load to start…</p>',
    '<div class="figures">',
    figure('rps', 'requests per second'),
    figure('p95', 'p95 latency'),
    figure('errors', 'failed requests'),
    figure('vus', 'virtual users'),
    figure('total', 'requests so far'),
    '</div>',
    // Stretched to the page's width: the time axis is the stage so far, whatever the window's shape.
    '<svg id="chart" viewBox="0 0 600 180" preserveAspectRatio="none" role="img" aria-label="p95 and request rate over the stage"></svg>',
    '<p id="legend"></p>',
    '<pre id="log"></pre>',
    `<script>${SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
