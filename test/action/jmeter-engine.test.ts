/**
 * The Action with engine jmeter, in-process: it installs no k6 (JMeter is the workflow's to install) and
 * says what is missing when JMeter is not there, before any load.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/run.js';
import { recordingIo } from './fake-io.js';

describe('the Action with a JMeter test plan', () => {
  it('asks for no k6 and fails, before any load, saying JMeter is missing and how to get it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'perf-gate-no-jmeter-'));
    const io = recordingIo({ plan: 'examples/jmeter/isectech.jmx', baseline: 'none', comment: 'never' }, { PATH: empty, GITHUB_REPOSITORY: 'isectech/platform', GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'abc123' }, empty);
    await expect(runAction(io)).rejects.toThrow(
      'jmeter: JMeter is not on PATH — install Apache JMeter 5.x (https://jmeter.apache.org/download_jmeter.cgi) and put its bin/ on PATH, or set PERF_GATE_JMETER to its bin/jmeter',
    );
    expect(io.calls.filter((c) => /k6/i.test(c))).toEqual([]);
  });

  it("names the Action's input when the plan does not exist", async () => {
    const empty = mkdtempSync(join(tmpdir(), 'perf-gate-no-jmeter-'));
    const io = recordingIo({ engine: 'jmeter', plan: join(empty, 'nope.jmx'), baseline: 'none' }, { PATH: empty, GITHUB_REPOSITORY: 'isectech/platform', GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'abc123' }, empty);
    await expect(runAction(io)).rejects.toThrow(`'plan': there is no JMeter test plan at '${join(empty, 'nope.jmx')}'`);
  });
});
