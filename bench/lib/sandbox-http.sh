# Sourced by the bench scripts that talk to the built jar over Streamable HTTP (needs ROOT, the checkout); stops the
# script at once where the jar is not built.
# sandbox_http LOG [VAR=value...]: starts `bin/proxmox-mcp --sandbox` over Streamable HTTP on a free loopback port with
# the extra environment given, stderr to LOG, waits until it serves and sets SANDBOX_URL. Every server started this
# way is ended, by its PID, when the script exits; none records a start-up cache in the background.
[ -f "$ROOT/server/target/proxmox-mcp.jar" ] || { echo "$(basename "$0" .sh): build the jar first (mvn -B -DskipTests package)" >&2; exit 2; }
SANDBOX_PIDS=()

stop_sandboxes() {
  local pid
  for pid in "${SANDBOX_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_sandboxes EXIT

sandbox_http() {
  local log="$1" port pid
  shift
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  env MCP_TRANSPORT=http MCP_PORT="$port" PROXMOX_MCP_AUTO_WARMUP=false PROXMOX_SANDBOX_CLOCK=2026-01-01T00:00:00Z "$@" \
    "$ROOT/bin/proxmox-mcp" --sandbox 2>"$log" &
  pid=$!
  SANDBOX_PIDS+=("$pid")
  for _ in $(seq 1 120); do
    grep -q 'serving MCP over Streamable HTTP' "$log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if ! grep -q 'serving MCP over Streamable HTTP' "$log"; then
    echo "$(basename "$0" .sh): the server did not start:" >&2
    cat "$log" >&2
    exit 1
  fi
  SANDBOX_URL="http://127.0.0.1:$port/mcp"
}
