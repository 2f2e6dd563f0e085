#!/usr/bin/env bash
# The official MCP conformance suite (@modelcontextprotocol/conformance, on Node 22 from npm's node@22 package)
# against the built jar serving the sandbox over Streamable HTTP. Scenarios that need the suite's fixture tools,
# resources or prompts are listed with the reason in .ci/mcp-conformance-baseline.yml; any other failure fails.
# Skips (exit 0, with a message) where the npm registry cannot be reached.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${MCP_CONFORMANCE_WORK:-${TMPDIR:-/tmp}/proxmox-mcp-mcp-conformance}"
VERSION="${MCP_CONFORMANCE_VERSION:-0.1.16}"
[ -f "$ROOT/server/target/proxmox-mcp.jar" ] || { echo "mcp-conformance: build the jar first (mvn -B -DskipTests package)" >&2; exit 2; }
mkdir -p "$WORK"
if [ ! -x "$WORK/node_modules/.bin/conformance" ] || [ ! -x "$WORK/node_modules/.bin/node" ]; then
  if ! (cd "$WORK" && timeout 300 npm install --no-audit --no-fund --silent "@modelcontextprotocol/conformance@$VERSION" node@22 >/dev/null 2>&1); then
    echo "mcp-conformance: SKIPPED - the npm registry could not be reached to install @modelcontextprotocol/conformance and node@22"
    exit 0
  fi
fi
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
LOG="$WORK/server.log"
MCP_TRANSPORT=http MCP_PORT="$PORT" PROXMOX_SANDBOX_CLOCK=2026-01-01T00:00:00Z "$ROOT/bin/proxmox-mcp" --sandbox 2>"$LOG" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q 'serving MCP over Streamable HTTP' "$LOG" && break; sleep 0.5; done
grep -q 'serving MCP over Streamable HTTP' "$LOG" || { echo "mcp-conformance: the server did not start:" >&2; cat "$LOG" >&2; exit 1; }
cd "$WORK"
./node_modules/.bin/node ./node_modules/.bin/conformance server --url "http://127.0.0.1:$PORT/mcp" --suite all \
  --expected-failures "$ROOT/.ci/mcp-conformance-baseline.yml" -o "$WORK/results" > "$WORK/report.txt" 2>&1 && status=0 || status=$?
sed -n '/=== SUMMARY ===/,$p' "$WORK/report.txt"
exit "$status"
