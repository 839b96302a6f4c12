/** What the JMeter engine tests share: the stand-in JMeter, a one-sampler plan, a tiny service, the JTL read back. */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PerfGateConfig } from '../../../src/config/schema.js';
import { jmeterEngine } from '../../../src/engine/jmeter/jmeter-engine.js';
import type { LoadEngine } from '../../../src/pipeline/ports.js';

/** The stand-in for JMeter (test/support/stand-in-jmeter.mjs): it is not JMeter, see its header. */
export const STAND_IN_JMETER = join(import.meta.dirname, '../../support/stand-in-jmeter.mjs');
chmodSync(STAND_IN_JMETER, 0o755);

/** The example plan of examples/jmeter. */
export const ISECTECH_PLAN = join(import.meta.dirname, '../../../examples/jmeter/isectech.jmx');

/** JMeter 5's default CSV columns, in its order: what the JTL's header must say. */
export const JTL_COLUMNS = 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect';

/**
 * The registry's JMeter entry prepared for examples/jmeter/isectech.jmx against `targetUrl`, with the
 * stand-in JMeter. `-Jthink=100`: the plan's think time, shorter than its 1 s default so that a few
 * seconds see several iterations. Throws when it is not ready.
 */
export async function isectechPlanEngine(config: PerfGateConfig, targetUrl: string): Promise<{ engine: LoadEngine; why: string }> {
  const prepared = await jmeterEngine.prepare({
    config,
    stages: ['smoke'],
    plan: ISECTECH_PLAN,
    targetUrl,
    env: { think: '100' },
    flags: [],
    secrets: [],
    processEnv: { ...process.env, PERF_GATE_JMETER: STAND_IN_JMETER },
    names: { script: '--script', targetUrl: '--target-url', config: 'perf-gate.yml' },
  });
  if (!prepared.ready) throw new Error(`${prepared.why} — ${prepared.fix}`);
  return prepared;
}

export function tempDir(prefix = 'perf-gate-jmeter-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A plan with one HTTP sampler (`GET /ping`) in a thread group of `${__P(threads,1)}` threads for
 * `${__P(duration,1)}` s, each loop pausing `${__P(think,50)}` ms: a real JMX, as small as one gets.
 */
export function tinyPlan(dir: string): string {
  const file = join(dir, 'tiny.jmx');
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<jmeterTestPlan version="1.2" properties="5.0" jmeter="5.6.3">
  <hashTree>
    <TestPlan guiclass="TestPlanGui" testclass="TestPlan" testname="tiny" enabled="true"/>
    <hashTree>
      <ConfigTestElement guiclass="HttpDefaultsGui" testclass="ConfigTestElement" testname="HTTP Request Defaults" enabled="true">
        <stringProp name="HTTPSampler.domain">\${__P(host,127.0.0.1)}</stringProp>
        <stringProp name="HTTPSampler.port">\${__P(port,9)}</stringProp>
        <stringProp name="HTTPSampler.protocol">\${__P(protocol,http)}</stringProp>
      </ConfigTestElement>
      <hashTree/>
      <ThreadGroup guiclass="ThreadGroupGui" testclass="ThreadGroup" testname="tg" enabled="true">
        <elementProp name="ThreadGroup.main_controller" elementType="LoopController" guiclass="LoopControlPanel" testclass="LoopController" testname="Loop Controller" enabled="true">
          <intProp name="LoopController.loops">-1</intProp>
        </elementProp>
        <stringProp name="ThreadGroup.num_threads">\${__P(threads,1)}</stringProp>
        <stringProp name="ThreadGroup.ramp_time">\${__P(rampup,0)}</stringProp>
        <boolProp name="ThreadGroup.scheduler">true</boolProp>
        <stringProp name="ThreadGroup.duration">\${__P(duration,1)}</stringProp>
      </ThreadGroup>
      <hashTree>
        <HTTPSamplerProxy guiclass="HttpTestSampleGui" testclass="HTTPSamplerProxy" testname="GET /ping" enabled="true">
          <stringProp name="HTTPSampler.path">/ping</stringProp>
          <stringProp name="HTTPSampler.method">GET</stringProp>
        </HTTPSamplerProxy>
        <hashTree>
          <ConstantTimer guiclass="ConstantTimerGui" testclass="ConstantTimer" testname="think" enabled="true">
            <stringProp name="ConstantTimer.delay">\${__P(think,50)}</stringProp>
          </ConstantTimer>
          <hashTree/>
        </hashTree>
      </hashTree>
    </hashTree>
  </hashTree>
</jmeterTestPlan>
`,
  );
  return file;
}

/** A service answering 200 `pong` on every path; `url` is its origin. */
export async function pingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('pong');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JTL read back: its header and its rows as objects by column (CSV with JMeter's quoting). */
export function readJtl(file: string): { header: string; rows: Record<string, string>[] } {
  const records = parseCsv(readFileSync(file, 'utf8'));
  const [columns = [], ...rest] = records;
  return { header: columns.join(','), rows: rest.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']))) };
}

function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell]);
  return records;
}

/** Resolves once `file` holds at least `lines` lines, checked every 20 ms for at most 20 s. */
export async function untilLines(file: string, lines: number): Promise<void> {
  const count = (): number => {
    try {
      return readFileSync(file, 'utf8').split('\n').length - 1;
    } catch {
      return 0;
    }
  };
  for (let i = 0; i < 1000 && count() < lines; i++) await new Promise((r) => setTimeout(r, 20));
  if (count() < lines) throw new Error(`the stand-in JMeter wrote fewer than ${lines} lines to ${file} within 20 s`);
}
