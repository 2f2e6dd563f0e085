#!/usr/bin/env bash
# The official MCP conformance suite (@modelcontextprotocol/conformance, on Node 22 from npm's node@22 package)
# against the built jar serving the sandbox over Streamable HTTP. Scenarios that need the suite's fixture tools,
# resources or prompts are listed with the reason in .ci/mcp-conformance-baseline.yml; any other failure fails.
# Skips (exit 0, with a message) where the npm registry cannot be reached.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
. "$ROOT/bench/lib/sandbox-http.sh"
WORK="${MCP_CONFORMANCE_WORK:-${TMPDIR:-/tmp}/proxmox-mcp-mcp-conformance}"
VERSION="${MCP_CONFORMANCE_VERSION:-0.1.16}"
mkdir -p "$WORK"
if [ ! -x "$WORK/node_modules/.bin/conformance" ] || [ ! -x "$WORK/node_modules/.bin/node" ]; then
  if ! (cd "$WORK" && timeout 300 npm install --no-audit --no-fund --silent "@modelcontextprotocol/conformance@$VERSION" node@22 >/dev/null 2>&1); then
    echo "mcp-conformance: SKIPPED - the npm registry could not be reached to install @modelcontextprotocol/conformance and node@22"
    exit 0
  fi
fi
sandbox_http "$WORK/server.log"
cd "$WORK"
./node_modules/.bin/node ./node_modules/.bin/conformance server --url "$SANDBOX_URL" --suite all \
  --expected-failures "$ROOT/.ci/mcp-conformance-baseline.yml" -o "$WORK/results" > "$WORK/report.txt" 2>&1 && status=0 || status=$?
sed -n '/=== SUMMARY ===/,$p' "$WORK/report.txt"
exit "$status"
