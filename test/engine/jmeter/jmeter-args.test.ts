/** The JMeter command line of a stage, its load shape and target, the reserved flags, and `jmeter --version`. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/schema.js';
import { jmeterArgs, jmeterTarget, RESULT_FILE_PROPERTIES, reservedFlagProblems, stageLoadShape } from '../../../src/engine/jmeter/jmeter-args.js';
import { parseJmeterVersion } from '../../../src/engine/jmeter/jmeter-version.js';

const WORKLOAD = { baseUrl: 'http://127.0.0.1:9', requests: [{ path: '/' }] };

describe('stageLoadShape: the stage\'s workload over the top-level one', () => {
  it.each([
    { what: 'no workload anywhere: the plan\'s own defaults', config: {}, stage: 'smoke', expected: {} },
    { what: 'the top-level workload (connections default 10, rampUp default 0)', config: { workload: { ...WORKLOAD, duration: '30s' } }, stage: 'smoke', expected: { threads: 10, rampUpSeconds: 0, durationSeconds: 30 } },
    {
      what: 'the stage\'s override wins, field by field',
      config: { workload: { ...WORKLOAD, connections: 4, duration: '30s', rampUp: '5s' }, stages: { load: { workload: { connections: 20, duration: '2m' } } } },
      stage: 'load',
      expected: { threads: 20, rampUpSeconds: 5, durationSeconds: 120 },
    },
    { what: 'a stage override alone (no top-level workload)', config: { stages: { smoke: { workload: { connections: 3, duration: '12s' } } } }, stage: 'smoke', expected: { threads: 3, durationSeconds: 12 } },
    { what: 'another stage\'s override does not apply', config: { stages: { load: { workload: { connections: 3 } } } }, stage: 'smoke', expected: {} },
    { what: 'fractions: duration rounded up, ramp-up to the nearest second', config: { stages: { smoke: { workload: { duration: '2500ms', rampUp: '1400ms' } } } }, stage: 'smoke', expected: { rampUpSeconds: 1, durationSeconds: 3 } },
    { what: 'an arrival rate', config: { workload: { ...WORKLOAD, duration: 10, arrivalRate: 50 } }, stage: 'smoke', expected: { threads: 10, rampUpSeconds: 0, durationSeconds: 10, arrivalRate: 50 } },
  ])('$what', ({ config, stage, expected }) => {
    expect(stageLoadShape(parseConfig(config), stage)).toEqual(expected);
  });
});

describe('jmeterTarget: the target URL as host, port and protocol', () => {
  it.each([
    { url: 'http://127.0.0.1:3000', expected: { host: '127.0.0.1', port: '3000', protocol: 'http' } },
    { url: 'https://api.example.com', expected: { host: 'api.example.com', port: '443', protocol: 'https' } },
    { url: 'http://api.example.com/', expected: { host: 'api.example.com', port: '80', protocol: 'http' } },
    { url: 'https://api.example.com/v2/', expected: { host: 'api.example.com', port: '443', protocol: 'https', basePath: '/v2' } },
    { url: 'http://[::1]:8080', expected: { host: '::1', port: '8080', protocol: 'http' } },
  ])('$url', ({ url, expected }) => {
    expect(jmeterTarget(url)).toEqual(expected);
  });

  it('refuses a URL that is not http(s)', () => {
    expect(() => jmeterTarget('ftp://x')).toThrow("the target URL must be http(s), but got 'ftp://x'");
  });
});

const RESULT_FILE = Object.entries(RESULT_FILE_PROPERTIES).map(([k, v]) => `-J${k}=${v}`);
const SUMMARISER = ['-Jsummariser.name=summary', '-Jsummariser.interval=15', '-Jsummariser.out=true'];
const FIXED = ['-n', '-t', 'perf/plan.jmx', '-l', 'out/smoke.jtl', '-j', 'out/smoke.jmeter.log'];

describe('jmeterArgs: the command line of a stage', () => {
  it.each([
    {
      what: 'the plan\'s own shape, no target: only the stage and the result file',
      options: { shape: {} },
      expected: [...FIXED, '-Jperfgate.stage=smoke', ...SUMMARISER, ...RESULT_FILE],
    },
    {
      what: 'the shape and the target, then the stop port',
      options: { shape: { threads: 5, rampUpSeconds: 2, durationSeconds: 30 }, target: jmeterTarget('http://127.0.0.1:3000'), stopPort: 40111 },
      expected: [
        ...FIXED,
        '-Jperfgate.stage=smoke',
        '-Jthreads=5',
        '-Jrampup=2',
        '-Jduration=30',
        '-Jhost=127.0.0.1',
        '-Jport=3000',
        '-Jprotocol=http',
        '-Jjmeterengine.nongui.port=40111',
        '-Jjmeterengine.nongui.maxport=40111',
        ...SUMMARISER,
        ...RESULT_FILE,
      ],
    },
    {
      what: 'the caller\'s variables and flags come first, so perf-gate\'s own properties win',
      options: { shape: { threads: 2, arrivalRate: 40 }, target: jmeterTarget('https://api.example.com/v2'), properties: { TENANT: 'acme' }, flags: ['-Jthreads=99', '-q', 'extra.properties'] },
      expected: [
        ...FIXED,
        '-JTENANT=acme',
        '-Jthreads=99',
        '-q',
        'extra.properties',
        '-Jperfgate.stage=smoke',
        '-Jthreads=2',
        '-Jarrivalrate=40',
        '-Jhost=api.example.com',
        '-Jport=443',
        '-Jprotocol=https',
        '-Jbasepath=/v2',
        ...SUMMARISER,
        ...RESULT_FILE,
      ],
    },
  ])('$what', ({ options, expected }) => {
    expect(jmeterArgs({ plan: 'perf/plan.jmx', stage: 'smoke', jtl: 'out/smoke.jtl', logFile: 'out/smoke.jmeter.log', ...options })).toEqual(expected);
  });

  it('asks for a CSV with a header, millisecond start stamps and the columns the JTL reader reads', () => {
    expect(RESULT_FILE_PROPERTIES).toMatchObject({
      'jmeter.save.saveservice.output_format': 'csv',
      'jmeter.save.saveservice.print_field_names': 'true',
      'jmeter.save.saveservice.timestamp_format': 'ms',
      'sampleresult.timestamp.start': 'true',
      'jmeter.save.saveservice.label': 'true',
      'jmeter.save.saveservice.successful': 'true',
      'jmeter.save.saveservice.latency': 'true',
      'jmeter.save.saveservice.connect_time': 'true',
      'jmeter.save.saveservice.thread_counts': 'true',
      'jmeter.save.saveservice.bytes': 'true',
      'jmeter.save.saveservice.sent_bytes': 'true',
      'jmeter.save.saveservice.url': 'true',
      'jmeter.save.saveservice.subresults': 'false',
    });
  });
});

describe('reservedFlagProblems: flags perf-gate sets itself', () => {
  it.each([
    { flags: ['-Jthink=0', '-q', 'x.properties', '-Duser.timezone=UTC', '-Lorg.apache.jmeter=DEBUG'], expected: [] },
    { flags: ['-l', 'mine.jtl'], expected: ["'jmeter-flags' must not set -l: perf-gate writes the JTL into the stage folder (got '-l')"] },
    { flags: ['-lmine.jtl'], expected: ["'jmeter-flags' must not set -l: perf-gate writes the JTL into the stage folder (got '-lmine.jtl')"] },
    { flags: ['--testfile=other.jmx'], expected: ["'jmeter-flags' must not set -t: the plan is the plan setting (got '--testfile=other.jmx')"] },
    { flags: ['-n', '-e', '-o', 'report'], expected: ["'jmeter-flags' must not set -n: perf-gate always runs JMeter in non-GUI mode (got '-n')", "'jmeter-flags' must not set -e: perf-gate judges the run itself (got '-e')"] },
    { flags: ['-R', 'host1,host2'], expected: ["'jmeter-flags' must not set -R: remote servers write their samples elsewhere (got '-R')"] },
  ])('$flags', ({ flags, expected }) => {
    expect(reservedFlagProblems(flags, "'jmeter-flags'")).toEqual(expected);
  });
});

const BANNER_563 = String.raw`    _    ____   _    ____ _   _ _____       _ __  __ _____ _____ _____ ____
   / \  |  _ \ / \  / ___| | | | ____|     | |  \/  | ____|_   _| ____|  _ \
  / _ \ | |_) / _ \| |   | |_| |  _|    _  | | |\/| |  _|   | | |  _| | |_) |
 / ___ \|  __/ ___ \ |___|  _  | |___  | |_| | |  | | |___  | | | |___|  _ <
/_/   \_\_| /_/   \_\____|_| |_|_____|  \___/|_|  |_|_____| |_| |_____|_| \_\ 5.6.3

Copyright (c) 1999-2024 The Apache Software Foundation
`;

describe('parseJmeterVersion', () => {
  it.each([
    { what: 'JMeter 5\'s banner', output: BANNER_563, expected: '5.6.3' },
    { what: 'behind JVM warnings', output: `WARNING: package sun.awt.X11 not in java.desktop\nPicked up JAVA_TOOL_OPTIONS: -Xmx1g\n${BANNER_563}`, expected: '5.6.3' },
    { what: 'a snapshot with its commit', output: BANNER_563.replace('\\_\\ 5.6.3', '\\_\\ 5.6.4-SNAPSHOT 2bd6b9d'), expected: '5.6.4-SNAPSHOT' },
    { what: 'a two-part version', output: BANNER_563.replace('\\_\\ 5.6.3', '\\_\\ 5.6'), expected: '5.6' },
    { what: 'JMeter 2.x', output: 'Copyright (c) 1998-2015 The Apache Software Foundation\nVersion 2.13 r1665067\n', expected: '2.13' },
    { what: 'the stand-in', output: `${BANNER_563}(stand-in for Apache JMeter: test/support/stand-in-jmeter.mjs, not JMeter)\n`, expected: '5.6.3' },
    { what: 'only the copyright line', output: 'Copyright (c) 1999-2024 The Apache Software Foundation\n', expected: undefined },
    { what: 'an error', output: 'Error: JAVA_HOME is not defined correctly.\n', expected: undefined },
  ])('$what', ({ output, expected }) => {
    expect(parseJmeterVersion(output)).toBe(expected);
  });
});
