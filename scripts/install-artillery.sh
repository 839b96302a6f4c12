#!/usr/bin/env bash
# Installs Artillery 2.0.21 on its own in tools/artillery (not a dependency of the library: ~460 MB),
# exactly as tools/artillery/package-lock.json says, and prints the path of its bin — the value for
# PERF_GATE_TEST_ARTILLERY (tests) or PERF_GATE_ARTILLERY (the engine). Idempotent: a second run with
# the same lockfile does nothing but print the path.
#   PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1  one dependency (artillery-engine-playwright) would download a browser
#   ARTILLERY_DISABLE_TELEMETRY=true    Artillery sends telemetry unless told not to
set -euo pipefail
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export ARTILLERY_DISABLE_TELEMETRY=true
dir="$(cd "$(dirname "$0")/../tools/artillery" && pwd)"
bin="$dir/node_modules/.bin/artillery"
stamp="$dir/node_modules/.perf-gate-lock.sha256"
want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
if [ -x "$bin" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "artillery already installed (lockfile unchanged)" >&2
else
  SECONDS=0
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
  echo "$want" >"$stamp"
  echo "artillery installed in ${SECONDS} s, $(du -sh "$dir/node_modules" | cut -f1)" >&2
fi
"$bin" version >&2 || true
echo "$bin"
