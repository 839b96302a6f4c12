/**
 * Debian's Chromium, headless, for the tests that look at perf-gate's pages in a real browser: found
 * through PERF_GATE_TEST_CHROMIUM (`.ci/run` installs and sets it), else /usr/bin/chromium when present;
 * without either, those tests are skipped and say so. Driven by playwright-core, which downloads no browser.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM: string | undefined = process.env['PERF_GATE_TEST_CHROMIUM'] || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Prints why the browser tests of `what` are skipped, once per file. */
export function warnIfNoChromium(what: string): void {
  if (CHROMIUM === undefined) console.warn(`${what}: skipped — no Chromium (set PERF_GATE_TEST_CHROMIUM, or install Debian's chromium)`);
}

/**
 * Headless, sandbox off (the tests run as root), and none of Chromium's own network traffic: this machine's
 * network is closed, and its background requests would be refused by the dozen.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM!,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
