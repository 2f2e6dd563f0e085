#!/usr/bin/env bash
# Runs the PVE API conformance harness (../shared/tools/pve-conformance) against the built jar: every tool is
# called against a recording fake Proxmox and every request is checked against the official schema.
#   bench/conformance.sh [tool-name regex]      (build first: mvn -B -DskipTests package)
# Prints the harness's summary line; results stay in $OUT_DIR (default /tmp/proxmox-mcp-conformance).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HARNESS="${PVE_CONFORMANCE:-$ROOT/../shared/tools/pve-conformance}"
WORK="${CONFORMANCE_WORK:-${TMPDIR:-/tmp}/proxmox-mcp-conformance-harness}"
export OUT_DIR="${OUT_DIR:-${TMPDIR:-/tmp}/proxmox-mcp-conformance}"
export PVE_APIDOC="${PVE_APIDOC:-$(cd "$HARNESS/../.." && pwd)/pve-api/apidoc.json}"
[ -f "$ROOT/server/target/proxmox-mcp.jar" ] || { echo "conformance: build the jar first (mvn -B -DskipTests package)" >&2; exit 2; }
# The harness folder may be read-only: run a copy that can hold its node_modules.
if [ ! -d "$WORK/node_modules/@modelcontextprotocol/sdk" ]; then
  rm -rf "$WORK" && mkdir -p "$WORK" && cp -r "$HARNESS"/. "$WORK"/ && chmod -R u+w "$WORK"
  (cd "$WORK" && timeout 300 npm install --no-audit --no-fund >/dev/null 2>&1) \
    || { echo "conformance: SKIPPED - the npm registry could not be reached to install the harness's MCP client"; exit 0; }
fi
[ -n "${1:-}" ] && export DRIVE_ONLY="$1"
export SERVER_ENV="PROXMOX_HOST=127.0.0.1 PROXMOX_PORT={PORT} PROXMOX_TOKEN_NAME=mcp PROXMOX_TOKEN_VALUE=secret PROXMOX_SSL_MODE=insecure PROXMOX_ALLOW_ELEVATED=true PROXMOX_DEFAULT_NODE=pve1 PROXMOX_RETRY_ATTEMPTS=0 ${CONFORMANCE_ENV:-}"
export LEAK_ENV="PROXMOX_ALLOW_ELEVATED=false"
export SERVER_CWD="$ROOT"
"$WORK/run.sh" "$ROOT/bin/proxmox-mcp" 2>&1 | tail -n 1
