import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tc from '@actions/tool-cache';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_K6_VERSION,
  ensureK6,
  k6DownloadUrl,
  k6ReleaseAsset,
  normalizeK6Version,
  type ExecLike,
  type ToolCacheLike,
} from '../../src/engine/k6-install.js';
import { recordingLog } from './support.js';

const FAKE_K6 = join(import.meta.dirname, '../support/fake-k6.mjs');

/** A `k6` that is the stand-in reporting `version` (a shell wrapper, as a binary on PATH would be). */
function standInK6(file: string, version: string): void {
  writeFileSync(file, `#!/bin/sh\nFAKE_K6_VERSION=${version} exec '${process.execPath}' '${FAKE_K6}' "$@"\n`);
  chmodSync(file, 0o755);
}

let root: string;
let server: Server;
let origin: string;
const requests: string[] = [];

/** The real tool cache, with GitHub's host swapped for the local server that holds the release archives. */
const localToolCache: ToolCacheLike = {
  find: (tool, version, arch) => tc.find(tool, version, arch),
  downloadTool: (url) => tc.downloadTool(url.replace('https://github.com', origin)),
  extractTar: (file, dest) => tc.extractTar(file, dest),
  extractZip: (file, dest) => tc.extractZip(file, dest),
  cacheDir: (dir, tool, version, arch) => tc.cacheDir(dir, tool, version, arch),
};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'perf-gate-k6-install-'));
  process.env['RUNNER_TOOL_CACHE'] = join(root, 'tool-cache');
  process.env['RUNNER_TEMP'] = join(root, 'runner-temp');
  const assets = join(root, 'assets');
  // The official layout: k6-v1.8.1-linux-amd64.tar.gz holds the folder k6-v1.8.1-linux-amd64/ with k6 in it
  // (k6's release build: `tar -C dist -zcf k6-vX-linux-amd64.tar.gz k6-vX-linux-amd64`).
  const release = (version: string, folder: string): void => {
    const build = join(root, 'build', version);
    mkdirSync(join(build, folder), { recursive: true });
    standInK6(join(build, folder, 'k6'), version);
    writeFileSync(join(build, folder, 'LICENSE.md'), 'stand-in\n');
    writeFileSync(join(build, folder, 'README.md'), 'stand-in\n');
    mkdirSync(join(assets, `v${version}`), { recursive: true });
    execFileSync('tar', ['-C', build, '-zcf', join(assets, `v${version}`, `k6-v${version}-linux-amd64.tar.gz`), folder]);
  };
  release(DEFAULT_K6_VERSION, `k6-v${DEFAULT_K6_VERSION}-linux-amd64`);
  release('1.8.0', 'k6-v1.8.0-linux-amd64');
  release('1.7.0', 'dist'); // not the release layout
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const m = /^\/grafana\/k6\/releases\/download\/(v[^/]+)\/([^/]+)$/.exec(req.url ?? '');
    const file = m ? join(assets, m[1]!, m[2]!) : undefined;
    if (file === undefined || !existsSync(file)) {
      res.writeHead(404).end('Not Found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('ensureK6', () => {
  it('uses k6 on PATH when its version matches exactly', async () => {
    const bin = join(root, 'bin-match');
    mkdirSync(bin);
    standInK6(join(bin, 'k6'), DEFAULT_K6_VERSION);
    const before = requests.length;
    const savedPath = process.env['PATH'];
    process.env['PATH'] = `${bin}:${savedPath ?? ''}`;
    try {
      const log = recordingLog();
      const k6 = await ensureK6({ version: `v${DEFAULT_K6_VERSION}`, log, toolCache: localToolCache, platform: 'linux', arch: 'x64' });
      expect(k6).toEqual({ path: join(bin, 'k6'), version: DEFAULT_K6_VERSION, source: 'path' });
      expect(log.lines).toContain(`info: k6 v${DEFAULT_K6_VERSION}: using ${join(bin, 'k6')} (on PATH)`);
      expect(requests.length).toBe(before);
    } finally {
      process.env['PATH'] = savedPath;
    }
  });

  it('downloads the official archive when k6 on PATH is another version, then finds it in the tool cache', async () => {
    const bin = join(root, 'bin-old');
    mkdirSync(bin);
    standInK6(join(bin, 'k6'), '0.49.0');
    const which = async (): Promise<string> => join(bin, 'k6');
    const log = recordingLog();
    const before = requests.length;

    const k6 = await ensureK6({ version: DEFAULT_K6_VERSION, log, toolCache: localToolCache, which, platform: 'linux', arch: 'x64' });
    const cached = join(root, 'tool-cache', 'k6', DEFAULT_K6_VERSION, 'x64', 'k6');
    expect(k6).toEqual({ path: cached, version: DEFAULT_K6_VERSION, source: 'download' });
    expect(requests.slice(before)).toEqual([`/grafana/k6/releases/download/v${DEFAULT_K6_VERSION}/k6-v${DEFAULT_K6_VERSION}-linux-amd64.tar.gz`]);
    expect(log.lines).toContain(`info: k6 on PATH (${join(bin, 'k6')}) is v0.49.0, not the v${DEFAULT_K6_VERSION} asked for: using the official v${DEFAULT_K6_VERSION} release instead`);
    expect(log.lines).toContain(`info: k6 v${DEFAULT_K6_VERSION}: downloading https://github.com/grafana/k6/releases/download/v${DEFAULT_K6_VERSION}/k6-v${DEFAULT_K6_VERSION}-linux-amd64.tar.gz`);
    expect(log.lines.filter((l) => l.startsWith('warning'))).toEqual([]);
    // The whole release folder is cached, and the binary runs.
    expect(existsSync(join(root, 'tool-cache', 'k6', DEFAULT_K6_VERSION, 'x64', 'LICENSE.md'))).toBe(true);
    expect(execFileSync(cached, ['version'], { encoding: 'utf8' })).toContain(`k6 v${DEFAULT_K6_VERSION} (stand-in`);

    const again = await ensureK6({ version: DEFAULT_K6_VERSION, log: recordingLog(), toolCache: localToolCache, which, platform: 'linux', arch: 'x64' });
    expect(again).toEqual({ path: cached, version: DEFAULT_K6_VERSION, source: 'cache' });
    expect(requests.length).toBe(before + 1);
  });

  it('downloads when nothing is on PATH', async () => {
    const k6 = await ensureK6({ version: '1.8.0', log: recordingLog(), toolCache: localToolCache, which: async () => undefined, platform: 'linux', arch: 'x64' });
    expect(k6.source).toBe('download');
    expect(k6.version).toBe('1.8.0');
  });

  it('says which version was not found (404) and which input to check', async () => {
    await expect(ensureK6({ version: '9.9.9', log: recordingLog(), toolCache: localToolCache, which: async () => undefined, platform: 'linux', arch: 'x64' })).rejects.toThrow(
      'k6 v9.9.9 was not found at https://github.com/grafana/k6/releases/download/v9.9.9/k6-v9.9.9-linux-amd64.tar.gz — check `k6-version` (the releases are listed at https://github.com/grafana/k6/releases)',
    );
  });

  it('refuses an archive without the release layout', async () => {
    await expect(ensureK6({ version: '1.7.0', log: recordingLog(), toolCache: localToolCache, which: async () => undefined, platform: 'linux', arch: 'x64' })).rejects.toThrow(
      'the k6 archive from https://github.com/grafana/k6/releases/download/v1.7.0/k6-v1.7.0-linux-amd64.tar.gz does not hold k6-v1.7.0-linux-amd64/k6, as k6 releases do (it holds: dist)',
    );
  });

  it('refuses a version that is not exact before looking anywhere', async () => {
    let looked = false;
    const which = async (): Promise<undefined> => {
      looked = true;
      return undefined;
    };
    await expect(ensureK6({ version: 'latest', log: recordingLog(), which })).rejects.toThrow(`'k6-version' must be an exact k6 release such as ${DEFAULT_K6_VERSION} but got 'latest'`);
    expect(looked).toBe(false);
  });
});

/** A tool cache that records its calls and makes the release folder on extraction. */
function recordingToolCache(): ToolCacheLike & { calls: string[] } {
  const calls: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-tc-'));
  const extract = async (file: string): Promise<string> => {
    const name = /\/([^/]+)\.(?:zip|tar\.gz)$/.exec(file)![1]!;
    mkdirSync(join(dir, 'x', name), { recursive: true });
    writeFileSync(join(dir, 'x', name, name.includes('windows') ? 'k6.exe' : 'k6'), '');
    return join(dir, 'x');
  };
  return {
    calls,
    find: (tool, version, arch) => {
      calls.push(`find ${tool} ${version} ${arch ?? ''}`);
      return '';
    },
    downloadTool: async (url) => {
      calls.push(`download ${url}`);
      return `/downloads/${url.slice(url.lastIndexOf('/') + 1)}`;
    },
    extractTar: async (file) => {
      calls.push(`extractTar ${file}`);
      return extract(file);
    },
    extractZip: async (file) => {
      calls.push(`extractZip ${file}`);
      return extract(file);
    },
    cacheDir: async (source, tool, version, arch) => {
      calls.push(`cacheDir ${source.slice(dir.length)} ${tool} ${version} ${arch ?? ''}`);
      return `/cache/${tool}/${version}/${arch ?? ''}`;
    },
  };
}

const execVersion = (version: string): ExecLike => async () => ({ exitCode: 0, stdout: `k6 v${version} (commit/abc, go1.25.1, x/y)\n`, stderr: '' });

describe('ensureK6 per platform', () => {
  it.each([
    { platform: 'darwin', arch: 'arm64', url: 'https://github.com/grafana/k6/releases/download/v1.8.1/k6-v1.8.1-macos-arm64.zip', extract: 'extractZip', binary: 'k6' },
    { platform: 'darwin', arch: 'x64', url: 'https://github.com/grafana/k6/releases/download/v1.8.1/k6-v1.8.1-macos-amd64.zip', extract: 'extractZip', binary: 'k6' },
    { platform: 'win32', arch: 'x64', url: 'https://github.com/grafana/k6/releases/download/v1.8.1/k6-v1.8.1-windows-amd64.zip', extract: 'extractZip', binary: 'k6.exe' },
    { platform: 'linux', arch: 'arm64', url: 'https://github.com/grafana/k6/releases/download/v1.8.1/k6-v1.8.1-linux-arm64.tar.gz', extract: 'extractTar', binary: 'k6' },
  ] as const)('$platform/$arch: $url', async ({ platform, arch, url, extract, binary }) => {
    const toolCache = recordingToolCache();
    const k6 = await ensureK6({ version: '1.8.1', log: recordingLog(), toolCache, which: async () => undefined, exec: execVersion('1.8.1'), platform, arch });
    const name = url.slice(url.lastIndexOf('/') + 1);
    const folder = name.replace(/\.(zip|tar\.gz)$/, '');
    expect(toolCache.calls).toEqual([`find k6 1.8.1 ${arch}`, `download ${url}`, `${extract} /downloads/${name}`, `cacheDir /x/${folder} k6 1.8.1 ${arch}`]);
    expect(k6).toEqual({ path: join(`/cache/k6/1.8.1/${arch}`, binary), version: '1.8.1', source: 'download' });
  });

  it('warns when the downloaded k6 says it is another version', async () => {
    const log = recordingLog();
    await ensureK6({ version: '1.8.1', log, toolCache: recordingToolCache(), which: async () => undefined, exec: execVersion('1.8.0'), platform: 'linux', arch: 'x64' });
    expect(log.lines).toContain('warning: the k6 downloaded as v1.8.1 says it is v1.8.0 (/cache/k6/1.8.1/x64/k6)');
  });

  it('names the URL and the cause of a failed download', async () => {
    const toolCache: ToolCacheLike = {
      ...recordingToolCache(),
      downloadTool: async () => {
        throw Object.assign(new Error('Unexpected HTTP response: 503'), { httpStatusCode: 503 });
      },
    };
    await expect(ensureK6({ version: '1.8.1', log: recordingLog(), toolCache, which: async () => undefined, platform: 'linux', arch: 'x64' })).rejects.toThrow(
      'could not download k6 v1.8.1 from https://github.com/grafana/k6/releases/download/v1.8.1/k6-v1.8.1-linux-amd64.tar.gz: Unexpected HTTP response: 503',
    );
  });

  it('runs `k6 version` without the runner\'s and the Action\'s secrets', async () => {
    const token = 'ghs_canaryTOKEN0123456789';
    const seen: Record<string, string>[] = [];
    const exec: ExecLike = async (_file, _args, env) => {
      seen.push(env);
      return { exitCode: 0, stdout: 'k6 v1.8.1 (commit/devel, go1.25.12, linux/amd64)\n', stderr: '' };
    };
    const processEnv = { PATH: '/usr/bin', 'INPUT_GITHUB-TOKEN': token, ACTIONS_RUNTIME_TOKEN: 'canary-runtime-0123456789', GITHUB_TOKEN: token, INNOCENT: token };
    await ensureK6({ version: '1.8.1', log: recordingLog(), which: async () => '/usr/bin/k6', exec, processEnv, secrets: [token], platform: 'linux', arch: 'x64' });
    expect(seen).toEqual([{ PATH: '/usr/bin' }]);
  });

  it('ignores a k6 on PATH that cannot tell its version', async () => {
    const log = recordingLog();
    const exec: ExecLike = async (file) => (file === '/usr/bin/k6' ? { exitCode: 2, stdout: '', stderr: 'boom\n' } : { exitCode: 0, stdout: 'k6 v1.8.1 (x)', stderr: '' });
    const k6 = await ensureK6({ version: '1.8.1', log, toolCache: recordingToolCache(), which: async () => '/usr/bin/k6', exec, platform: 'linux', arch: 'x64' });
    expect(k6.source).toBe('download');
    expect(log.lines).toContain('info: k6 on PATH (/usr/bin/k6) did not tell its version (`k6 version` exited with 2 and printed "boom"): using the official v1.8.1 release instead');
  });
});

describe('k6DownloadUrl', () => {
  it.each([
    { platform: 'linux', arch: 'x64', expected: 'https://github.com/grafana/k6/releases/download/v1.3.0/k6-v1.3.0-linux-amd64.tar.gz' },
    { platform: 'linux', arch: 'arm64', expected: 'https://github.com/grafana/k6/releases/download/v1.3.0/k6-v1.3.0-linux-arm64.tar.gz' },
    { platform: 'darwin', arch: 'arm64', expected: 'https://github.com/grafana/k6/releases/download/v1.3.0/k6-v1.3.0-macos-arm64.zip' },
    { platform: 'darwin', arch: 'x64', expected: 'https://github.com/grafana/k6/releases/download/v1.3.0/k6-v1.3.0-macos-amd64.zip' },
    { platform: 'win32', arch: 'x64', expected: 'https://github.com/grafana/k6/releases/download/v1.3.0/k6-v1.3.0-windows-amd64.zip' },
  ] as const)('$platform/$arch', ({ platform, arch, expected }) => {
    expect(k6DownloadUrl('1.3.0', platform, arch)).toBe(expected);
    expect(k6DownloadUrl('v1.3.0', platform, arch)).toBe(expected);
  });

  it.each([
    { platform: 'win32', arch: 'arm64' },
    { platform: 'linux', arch: 'ia32' },
    { platform: 'freebsd', arch: 'x64' },
  ] as const)('refuses $platform/$arch, for which k6 publishes nothing', ({ platform, arch }) => {
    expect(() => k6ReleaseAsset('1.3.0', platform, arch)).toThrow(`k6 publishes no release build for ${platform}/${arch}`);
  });

  it('has a default version that is an exact release', () => {
    expect(normalizeK6Version(DEFAULT_K6_VERSION)).toBe(DEFAULT_K6_VERSION);
  });
});

describe('normalizeK6Version', () => {
  it.each(['latest', '1.8', '^1.8.1', '>=1.0.0', '', 'v1.x'])('refuses %j', (version) => {
    expect(() => normalizeK6Version(version)).toThrow("'k6-version' must be an exact k6 release");
  });
  it.each([
    { input: '1.8.1', expected: '1.8.1' },
    { input: 'v0.49.0', expected: '0.49.0' },
    { input: ' 1.0.0-rc2 ', expected: '1.0.0-rc2' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(normalizeK6Version(input)).toBe(expected);
  });
});
