import { describe, expect, it } from 'vitest';
import { parseK6Version } from '../../src/engine/k6-version.js';

describe('parseK6Version', () => {
  it.each([
    { what: 'k6 v1.x', output: 'k6 v1.3.0 (commit/5870e99ae8, go1.24.0, linux/amd64)\n', expected: '1.3.0' },
    { what: 'k6 v0.49', output: 'k6 v0.49.0 (2024-01-17T13:52:12+0000/v0.49.0-0-g9fdb5bd0, go1.21.6, linux/amd64)', expected: '0.49.0' },
    { what: 'without build details', output: 'k6 v0.49.0 (go1.21.6, darwin/arm64)', expected: '0.49.0' },
    { what: 'a release candidate', output: 'k6 v1.0.0-rc1 (commit/abc, go1.24.2, linux/amd64)', expected: '1.0.0-rc1' },
    { what: 'with extensions', output: 'k6 v1.8.1 (commit/abc, go1.25.12, linux/amd64)\nExtensions:\n  github.com/grafana/xk6-dashboard v0.7.5, k6/x/dashboard [output]\n', expected: '1.8.1' },
    { what: 'the stand-in', output: 'k6 v0.49.0 (stand-in replaying recorded k6 output, not k6; linux/x64)', expected: '0.49.0' },
    // Real outputs of the k6 builds the tests run (`k6 version`).
    { what: 'k6 v1.8.1', output: 'k6 v1.8.1 (commit/devel, go1.25.12, linux/amd64)\n', expected: '1.8.1' },
    { what: 'k6 v2.2.0', output: 'k6 v2.2.0 (commit/devel, go1.25.12, linux/amd64)\n', expected: '2.2.0' },
    { what: 'k6.exe on Windows', output: 'k6.exe v1.8.1 (commit/devel, go1.25.12, windows/amd64)\r\n', expected: '1.8.1' },
    { what: 'a wrapper printing its own name', output: 'my-k6 v1.8.1 (commit/devel, go1.25.12, linux/amd64)\n', expected: '1.8.1' },
    { what: 'a warning line before the version', output: 'time="2026-12-01T10:00:00Z" level=warning msg="x"\nk6 v2.2.0 (commit/devel, go1.25.12, linux/amd64)\n', expected: '2.2.0' },
    { what: "only an extension's (indented) line", output: 'Extensions:\n  github.com/grafana/xk6-dashboard v0.7.5, k6/x/dashboard [output]\n', expected: undefined },
    { what: 'a version not after the first word', output: 'built with k6 v1.8.1\n', expected: undefined },
    { what: 'not k6', output: 'bash: k6: command not found', expected: undefined },
    { what: 'a longer version number', output: 'k6 v1.2.3.4 (x)', expected: undefined },
  ])('$what', ({ output, expected }) => {
    expect(parseK6Version(output)).toBe(expected);
  });
});
