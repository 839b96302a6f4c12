/**
 * Reading the version `jmeter --version` reports. Pure.
 */

/** A JMeter version as it prints it: `5.6.3`, `5.6`, `5.6.3-SNAPSHOT`, `2.13`. */
const VERSION = String.raw`(\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z.]+)?)`;

/**
 * The version in the output of `jmeter --version`, or undefined. JMeter 3 and later print an ASCII-art
 * banner whose last line ends with the version (`… |_| \_\ 5.6.3`, a snapshot adds its commit:
 * `5.6.3-SNAPSHOT 2bd6b9d`); JMeter 2.x prints `Version 2.13 r1665067`. JVM warnings around it (a
 * `WARNING: …` line, `Picked up JAVA_TOOL_OPTIONS`) are not read; nor is the copyright line's year range.
 *
 * @example parseJmeterVersion('/_/   \\_\\_| /_/   \\_\\____|_| |_|_____|  \\___/|_|  |_|_____| |_| |_____|_| \\_\\ 5.6.3\n\nCopyright (c) 1999-2024 The Apache Software Foundation') // '5.6.3'
 * @example parseJmeterVersion('Copyright (c) 1998-2015 The Apache Software Foundation\nVersion 2.13 r1665067') // '2.13'
 */
export function parseJmeterVersion(output: string): string | undefined {
  const banner = new RegExp(String.raw`\\_\\[ \t]+${VERSION}(?:[ \t]+[0-9a-f]{6,40})?[ \t]*$`, 'm').exec(output);
  if (banner) return banner[1];
  const labelled = new RegExp(String.raw`^[ \t]*Version[ \t]+${VERSION}(?![0-9A-Za-z.])`, 'mi').exec(output);
  return labelled?.[1];
}
