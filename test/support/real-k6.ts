/**
 * The real k6 executables the tests may run, from the setting PERF_GATE_TEST_K6: one or more paths
 * separated by the path delimiter (':' on POSIX), the first being the main one. `.ci/run` sets it from
 * ../shared/tools/k6/<version>/k6. Without it, the tests that need k6 say so and skip.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { parseK6Version } from '../../src/engine/k6-version.js';

export const REAL_K6_SETTING = 'PERF_GATE_TEST_K6';

export interface RealK6 {
  /** The executable, absolute. */
  readonly path: string;
  /** What `k6 version` says, without `v`. */
  readonly version: string;
}

/** k6 must not try to send its usage report from a test (this machine reaches no outside address). */
export const K6_TEST_ENV = { K6_NO_USAGE_REPORT: 'true' } as const;

function fromSetting(value: string | undefined): RealK6[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(delimiter).filter((p) => p.trim() !== '').map((p) => {
    const path = isAbsolute(p) ? p : resolve(p);
    let output: string;
    try {
      output = execFileSync(path, ['version'], { encoding: 'utf8', env: { ...process.env, ...K6_TEST_ENV }, timeout: 30_000 });
    } catch (err) {
      throw new Error(`${REAL_K6_SETTING} names ${path}, but \`${path} version\` failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const version = parseK6Version(output);
    if (version === undefined) throw new Error(`${REAL_K6_SETTING} names ${path}, which is not k6: \`version\` printed ${JSON.stringify(output.slice(0, 200))}`);
    return { path, version };
  });
}

/** Every real k6 of the setting, the main one first; empty without the setting. */
export const REAL_K6S: readonly RealK6[] = fromSetting(process.env[REAL_K6_SETTING]);

/** The main real k6, or undefined without the setting. */
export const MAIN_K6: RealK6 | undefined = REAL_K6S[0];

/** What a skipped suite says, in its title and on the console. */
export const SKIPPED = `skipped: set ${REAL_K6_SETTING} to one or more real k6 executables separated by '${delimiter}' (the first is the main one)`;

/** Warns on the console that a suite is skipped, naming the setting (the title alone is easy to miss). */
export function warnIfSkipped(suite: string): void {
  if (MAIN_K6 === undefined) console.warn(`${suite}: ${SKIPPED}`);
}

/** A fresh folder whose `k6` is this k6, to put first on PATH (perf-gate runs the `k6` on PATH). */
export function binWith(k6: RealK6): string {
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-real-k6-'));
  symlinkSync(k6.path, join(dir, 'k6'));
  return dir;
}
