#!/usr/bin/env bash
# The MCP Inspector's CLI (@modelcontextprotocol/inspector, on Node 22 from npm's node@22 package) against the built
# jar serving the sandbox over Streamable HTTP: it lists and calls tools on a server without a token; on one with a
# token it is refused with a 401 that starts no OAuth flow, and lists and calls with the header; and it lists and calls
# through `proxmox-mcp bridge` started as its stdio server. A PASS or FAIL line a check, then a summary; exits 1 on
# any FAIL. Skips (exit 0, with a message) where the npm registry cannot be reached.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
. "$ROOT/bench/lib/sandbox-http.sh"
WORK="${INSPECTOR_WORK:-${TMPDIR:-/tmp}/proxmox-mcp-inspector}"
VERSION="${INSPECTOR_VERSION:-2.12.0}"
mkdir -p "$WORK"
NODE="$WORK/node_modules/.bin/node"
INSPECTOR="$WORK/node_modules/.bin/mcp-inspector"
if [ ! -x "$NODE" ] || [ "$("$NODE" "$INSPECTOR" --version 2>/dev/null)" != "$VERSION" ]; then
  if ! (cd "$WORK" && timeout 300 npm install --no-audit --no-fund --silent "@modelcontextprotocol/inspector@$VERSION" node@22 \
        >/dev/null 2>&1) || [ ! -x "$NODE" ]; then
    echo "inspector: SKIPPED - the npm registry could not be reached to install @modelcontextprotocol/inspector and node@22"
    exit 0
  fi
fi

# its own home: the Inspector keeps a catalog and client settings there, and secrets in memory only
export HOME="$WORK/home" MCP_INSPECTOR_SECRET_STORE=memory
mkdir -p "$HOME"
OUT="$WORK/out.json" ERR="$WORK/err.txt"
# inspect ARG...: one Inspector CLI run, stdout to OUT and stderr to ERR, its exit code in STATUS.
inspect() {
  timeout 60 "$NODE" "$INSPECTOR" --cli "$@" </dev/null >"$OUT" 2>"$ERR" && STATUS=0 || STATUS=$?
}
# at_terminal ARG...: the same run on a pseudo-terminal (output to OUT), as a person would start it: there the
# Inspector answers a 401 by trying OAuth. MCP_AUTO_OPEN_ENABLED=false: it would print an authorization URL, not open it.
at_terminal() {
  MCP_AUTO_OPEN_ENABLED=false timeout 60 python3 -c 'import os, pty, sys; sys.exit(os.waitstatus_to_exitcode(pty.spawn(sys.argv[1:])))' \
    "$NODE" "$INSPECTOR" --cli "$@" </dev/null >"$OUT" 2>"$ERR" && STATUS=0 || STATUS=$?
}

passed=0 failed=0
pass() { echo "inspector: PASS - $1"; passed=$((passed + 1)); }
fail() {
  echo "inspector: FAIL - $1 (exit $STATUS)"
  cat "$OUT" "$ERR" | sed -n '1,20s/^/    /p'
  failed=$((failed + 1))
}

# every tool of docs/TOOLS.md (the sandbox allows them all)
TOOLS="$(sed -n 's/^### `\(proxmox_[a-z0-9_]*\)`$/\1/p' "$ROOT/docs/TOOLS.md" | LC_ALL=C sort)"
# lists WHAT ARG...: tools/list answers exactly those tools
lists() {
  local what="$1"
  shift
  inspect "$@" --method tools/list
  if [ "$STATUS" = 0 ] && [ "$(python3 -c 'import json, sys; print("\n".join(sorted(t["name"] for t in json.load(sys.stdin)["tools"])))' \
      <"$OUT" 2>/dev/null)" = "$TOOLS" ]; then
    pass "$what: tools/list gives the $(wc -l <<<"$TOOLS") tools of docs/TOOLS.md"
  else
    fail "$what: tools/list does not give the tools of docs/TOOLS.md"
  fi
}
# calls WHAT "WORD..." TOOL ARG...: tools/call of TOOL succeeds and its result holds every WORD
calls() {
  local what="$1" words="$2" tool="$3" word
  shift 3
  inspect "$@" --method tools/call --tool-name "$tool"
  if [ "$STATUS" = 0 ] && grep -q '"isError": false' "$OUT"; then
    for word in $words; do grep -q "$word" "$OUT" || { fail "$what: $tool lacks $word"; return; }; done
    pass "$what: tools/call $tool gives $words"
  else
    fail "$what: tools/call $tool failed"
  fi
}
# refused WHAT: the last run ended in the Inspector's auth_required (exit 3) with the server's 401 body
UNAUTHORIZED="Unauthorized: send the header 'Authorization: Bearer <MCP_AUTH_TOKEN>'"
refused() {
  if [ "$STATUS" = 3 ] && grep -qF "$UNAUTHORIZED" "$OUT" "$ERR" && ! grep -q 'navigate to' "$OUT" "$ERR"; then
    pass "$1"
  else
    fail "$1"
  fi
}

sandbox_http "$WORK/open.log"
OPEN="$SANDBOX_URL"
lists "no token" "$OPEN" --transport http
calls "no token" "pve1 pve2 pve3 online" proxmox_node_list "$OPEN" --transport http
calls "no token" "web01 win-test debian-12-cloud" proxmox_guest_list "$OPEN" --transport http --tool-arg node=pve1

TOKEN="$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
(umask 077 && printf '%s\n' "$TOKEN" >"$WORK/token")
sandbox_http "$WORK/token.log" MCP_AUTH_TOKEN="$TOKEN"
GUARDED="$SANDBOX_URL"
inspect "$GUARDED" --transport http --method tools/list --stored-auth-only
refused "token, no header: refused with the 401 (non-interactive run)"
at_terminal "$GUARDED" --transport http --method tools/call --tool-name proxmox_node_list
refused "token, no header: refused with the 401 at a terminal, where the OAuth attempt ends at once (no authorization URL)"
inspect "$GUARDED" --transport http --header "Authorization: Bearer wrong-$TOKEN" --method tools/list --stored-auth-only
refused "wrong token: refused with the 401"
lists "token" "$GUARDED" --transport http --header "Authorization: Bearer $TOKEN"
calls "token" "pve1 pve2 pve3 online" proxmox_node_list "$GUARDED" --transport http --header "Authorization: Bearer $TOKEN"

# the bridge is started by the Inspector, with the Inspector's environment plus -e
BRIDGE=(-e PROXMOX_MCP_AUTO_WARMUP=false "$ROOT/bin/proxmox-mcp" bridge --url "$GUARDED" --token-file "$WORK/token")
lists "bridge" "${BRIDGE[@]}"
calls "bridge" "pve1 pve2 pve3 online" proxmox_node_list "${BRIDGE[@]}"
calls "bridge" "db01 dns01 legacy-app" proxmox_guest_list "${BRIDGE[@]}" --tool-arg node=pve2

echo "inspector: $passed passed, $failed failed (@modelcontextprotocol/inspector $VERSION)"
[ "$failed" = 0 ]
