/**
 * Getting the k6 binary of an exact version: the one on PATH when it is that version, else the runner's
 * tool cache, else the official release archive from GitHub (cached for the next job). The only engine
 * file that uses `@actions/tool-cache` and `@actions/exec`; both are injectable for tests.
 */
import { access, constants as fsConstants, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { getExecOutput } from '@actions/exec';
import * as tc from '@actions/tool-cache';
import { childEnv } from './child-env.js';
import { parseK6Version } from './k6-version.js';
import type { EngineLog } from './log.js';

/**
 * The k6 release used when `k6-version` is not given: the newest v1 release (v1.8.1, August 2026), pinned.
 * Never "latest": an unpinned latest moved setup-k6-action users to k6 v2 overnight; here an upgrade is a
 * visible change in perf-gate (or in the workflow's `k6-version`).
 */
export const DEFAULT_K6_VERSION = '1.8.1';

/** The tool-cache functions used, shaped like `@actions/tool-cache`'s. */
export interface ToolCacheLike {
  find(toolName: string, versionSpec: string, arch?: string): string;
  downloadTool(url: string): Promise<string>;
  extractTar(file: string, dest?: string): Promise<string>;
  extractZip(file: string, dest?: string): Promise<string>;
  cacheDir(sourceDir: string, tool: string, version: string, arch?: string): Promise<string>;
}

/** Runs a program without a shell in `env` and collects its output (a non-zero exit is returned, not thrown). */
export type ExecLike = (file: string, args: string[], env: Record<string, string>) => Promise<{ exitCode: number; stdout: string; stderr: string }>;

export interface EnsureK6Options {
  /** An exact release, `1.8.1` or `v1.8.1`. */
  readonly version: string;
  readonly log: EngineLog;
  readonly toolCache?: ToolCacheLike;
  /** Finds a command on PATH; default: a search of `PATH` (and `PATHEXT` on Windows). */
  readonly which?: (cmd: string) => Promise<string | undefined>;
  readonly exec?: ExecLike;
  /** What the environment of `k6 version` is built from (`childEnv`); default `process.env`. */
  readonly processEnv?: NodeJS.ProcessEnv;
  /** Values that must not reach k6 (the github-token). */
  readonly secrets?: readonly string[];
  /** Default `process.platform` / `process.arch`. */
  readonly platform?: NodeJS.Platform;
  readonly arch?: string;
}

export interface K6Install {
  /** The k6 executable. */
  readonly path: string;
  /** Its version, without `v`. */
  readonly version: string;
  readonly source: 'path' | 'cache' | 'download';
}

/** The asset of a k6 release for a platform: `k6-v1.8.1-linux-amd64` + `.tar.gz`, holding that folder with `k6` in it. */
export interface K6ReleaseAsset {
  /** The archive's base name, which is also the folder inside it. */
  readonly name: string;
  readonly extension: 'tar.gz' | 'zip';
  /** The executable inside the folder. */
  readonly binary: 'k6' | 'k6.exe';
}

const RELEASES = 'https://github.com/grafana/k6/releases';

/**
 * The release asset for a platform, as k6's release build names them (`linux-amd64`/`linux-arm64`
 * tar.gz, `macos-amd64`/`macos-arm64` zip, `windows-amd64` zip).
 *
 * @throws Error for a platform k6 publishes no build for.
 * @example k6ReleaseAsset('1.8.1', 'darwin', 'arm64') // { name: 'k6-v1.8.1-macos-arm64', extension: 'zip', binary: 'k6' }
 */
export function k6ReleaseAsset(version: string, platform: NodeJS.Platform = process.platform, arch: string = process.arch): K6ReleaseAsset {
  const v = normalizeK6Version(version);
  const cpu = arch === 'x64' ? 'amd64' : arch === 'arm64' ? 'arm64' : undefined;
  const unsupported = (): never => {
    throw new Error(`k6 publishes no release build for ${platform}/${arch} (only linux amd64/arm64, macOS amd64/arm64 and Windows amd64); install k6 yourself and put it on PATH`);
  };
  if (cpu === undefined) return unsupported();
  switch (platform) {
    case 'linux':
      return { name: `k6-v${v}-linux-${cpu}`, extension: 'tar.gz', binary: 'k6' };
    case 'darwin':
      return { name: `k6-v${v}-macos-${cpu}`, extension: 'zip', binary: 'k6' };
    case 'win32':
      if (cpu !== 'amd64') return unsupported();
      return { name: `k6-v${v}-windows-${cpu}`, extension: 'zip', binary: 'k6.exe' };
    default:
      return unsupported();
  }
}

/**
 * The download URL of the official k6 release archive.
 *
 * @example k6DownloadUrl('1.8.1', 'linux', 'x64') // 'https://github.com/grafana/k6/releases/download/v1.8.1/k6-v1.8.1-linux-amd64.tar.gz'
 */
export function k6DownloadUrl(version: string, platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  const asset = k6ReleaseAsset(version, platform, arch);
  return `${RELEASES}/download/v${normalizeK6Version(version)}/${asset.name}.${asset.extension}`;
}

/**
 * An exact k6 version without its `v`.
 *
 * @throws Error naming `k6-version` for anything but an exact release (`latest`, ranges, `1.8`).
 * @example normalizeK6Version(' v1.8.1 ') // '1.8.1'
 */
export function normalizeK6Version(version: string): string {
  const v = version.trim().replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?$/.test(v)) {
    throw new Error(
      `'k6-version' must be an exact k6 release such as ${DEFAULT_K6_VERSION} but got '${version}': ranges and 'latest' are not accepted, so that a k6 upgrade is always a visible change`,
    );
  }
  return v;
}

/**
 * The k6 executable of exactly `options.version`: k6 on PATH when `k6 version` says so, else the tool
 * cache (`find('k6', version)`), else the official archive downloaded, extracted and cached
 * (`cacheDir(<archive>/k6-vX-os-arch, 'k6', version)`).
 *
 * @throws Error for an inexact version, an unsupported platform, a version GitHub does not have
 *   ("k6 vX was not found at URL — check `k6-version`"), a failed download, or an archive without the
 *   release layout.
 */
export async function ensureK6(options: EnsureK6Options): Promise<K6Install> {
  const version = normalizeK6Version(options.version);
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const { log } = options;
  const toolCache = options.toolCache ?? defaultToolCache;
  const exec = options.exec ?? defaultExec;
  const { env } = childEnv({ parent: options.processEnv ?? process.env, ...(options.secrets ? { secrets: options.secrets } : {}) });
  const which = options.which ?? ((cmd: string) => whichOnPath(cmd, platform));
  const asset = k6ReleaseAsset(version, platform, arch);

  const onPath = await which('k6');
  if (onPath !== undefined) {
    const found = await versionOf(onPath, exec, env);
    if (found.version === version) {
      log.info(`k6 v${version}: using ${onPath} (on PATH)`);
      return { path: onPath, version, source: 'path' };
    }
    log.info(
      found.version !== undefined
        ? `k6 on PATH (${onPath}) is v${found.version}, not the v${version} asked for: using the official v${version} release instead`
        : `k6 on PATH (${onPath}) did not tell its version (${found.problem}): using the official v${version} release instead`,
    );
  }

  const cachedDir = toolCache.find('k6', version, arch);
  if (cachedDir !== '') {
    const cached = path.join(cachedDir, asset.binary);
    if (await isFile(cached)) {
      log.info(`k6 v${version}: using ${cached} (tool cache)`);
      return { path: cached, version, source: 'cache' };
    }
    log.warning(`the tool cache has k6 v${version} at ${cachedDir} but no ${asset.binary} in it; downloading it again`);
  }

  const url = k6DownloadUrl(version, platform, arch);
  log.info(`k6 v${version}: downloading ${url}`);
  let archive: string;
  try {
    archive = await toolCache.downloadTool(url);
  } catch (err) {
    if (httpStatusOf(err) === 404) {
      throw new Error(`k6 v${version} was not found at ${url} — check \`k6-version\` (the releases are listed at ${RELEASES})`, { cause: err });
    }
    throw new Error(`could not download k6 v${version} from ${url}: ${messageOf(err)}`, { cause: err });
  }
  let extracted: string;
  try {
    extracted = asset.extension === 'zip' ? await toolCache.extractZip(archive) : await toolCache.extractTar(archive);
  } catch (err) {
    throw new Error(`could not extract the k6 archive downloaded from ${url} (${asset.extension}): ${messageOf(err)}`, { cause: err });
  }
  const folder = path.join(extracted, asset.name);
  if (!(await isFile(path.join(folder, asset.binary)))) {
    const entries = await readdir(extracted).catch(() => [] as string[]);
    throw new Error(
      `the k6 archive from ${url} does not hold ${asset.name}/${asset.binary}, as k6 releases do (it holds: ${entries.length > 0 ? entries.join(', ') : 'nothing'})`,
    );
  }
  const cachedDirNew = await toolCache.cacheDir(folder, 'k6', version, arch);
  const installed = path.join(cachedDirNew, asset.binary);
  const check = await versionOf(installed, exec, env);
  if (check.version === undefined) log.warning(`k6 v${version} was installed at ${installed} but did not tell its version (${check.problem})`);
  else if (check.version !== version) log.warning(`the k6 downloaded as v${version} says it is v${check.version} (${installed})`);
  log.info(`k6 v${version}: installed ${installed}`);
  return { path: installed, version, source: 'download' };
}

const defaultToolCache: ToolCacheLike = {
  find: (toolName, versionSpec, arch) => tc.find(toolName, versionSpec, arch),
  downloadTool: (url) => tc.downloadTool(url),
  extractTar: (file, dest) => tc.extractTar(file, dest),
  extractZip: (file, dest) => tc.extractZip(file, dest),
  cacheDir: (sourceDir, tool, version, arch) => tc.cacheDir(sourceDir, tool, version, arch),
};

const defaultExec: ExecLike = async (file, args, env) => {
  const out = await getExecOutput(file, args, { silent: true, ignoreReturnCode: true, env });
  return { exitCode: out.exitCode, stdout: out.stdout, stderr: out.stderr };
};

/** `k6 version` of an executable, or why it could not be read. */
async function versionOf(file: string, exec: ExecLike, env: Record<string, string>): Promise<{ version?: string; problem: string }> {
  try {
    const out = await exec(file, ['version'], env);
    const version = parseK6Version(`${out.stdout}\n${out.stderr}`);
    if (version !== undefined) return { version, problem: '' };
    const said = `${out.stdout}${out.stderr}`.trim().split('\n')[0] ?? '';
    return { problem: `\`k6 version\` exited with ${out.exitCode} and printed ${JSON.stringify(said.slice(0, 200))}` };
  } catch (err) {
    return { problem: `\`k6 version\` could not run: ${messageOf(err)}` };
  }
}

/** The first executable file named `cmd` on PATH. */
async function whichOnPath(cmd: string, platform: NodeJS.Platform): Promise<string | undefined> {
  const dirs = (process.env['PATH'] ?? '').split(path.delimiter).filter((d) => d !== '');
  const extensions = platform === 'win32' ? ['', ...(process.env['PATHEXT'] ?? '.EXE;.CMD;.BAT;.COM').split(';').filter((e) => e !== '')] : [''];
  for (const dir of dirs) {
    for (const ext of extensions) {
      const candidate = path.join(dir, cmd + ext);
      if (!(await isFile(candidate))) continue;
      if (platform === 'win32') return candidate;
      try {
        await access(candidate, fsConstants.X_OK);
        return candidate;
      } catch {
        // not executable: keep looking, as a shell would
      }
    }
  }
  return undefined;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The HTTP status of a failed download (`@actions/tool-cache`'s HTTPError carries `httpStatusCode`). */
function httpStatusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const status = (err as { httpStatusCode?: unknown }).httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
