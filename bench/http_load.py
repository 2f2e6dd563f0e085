#!/usr/bin/env python3
"""Throughput, latency and memory of proxmox-mcp over Streamable HTTP, next to a reference server in the same run.

  bench/http_load.py [--seconds 15] [--sessions 8]

Starts `bin/proxmox-mcp --sandbox` with MCP_TRANSPORT=http, opens --sessions MCP sessions, and drives them with
wrk (one connection per session, all at once) calling a read tool (proxmox_node_list, answered by the sandbox). Then
the same load on @modelcontextprotocol/server-everything (npm, Streamable HTTP) calling its echo tool. Prints calls
per second, latency percentiles, and the server's peak RSS (VmHWM). Needs the jar built, wrk (Debian package) and
npm for the reference (skipped with a note when npm is unreachable).
"""
import argparse, http.client, json, os, re, shutil, socket, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(ROOT, "bin", "proxmox-mcp")
REFERENCE_DIR = os.environ.get("BENCH_REFERENCE_DIR", os.path.join(tempfile.gettempdir(), "proxmox-mcp-bench-reference"))
REFERENCE_VERSION = "2026.8.31"
LUA = """
local sessions = {%s}
local next_session = 1
function setup(thread)
  thread:set("sid", sessions[next_session])
  next_session = next_session + 1
end
function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json, text/event-stream"
  wrk.headers["MCP-Protocol-Version"] = "2025-06-18"
  wrk.headers["Mcp-Session-Id"] = sid
  wrk.body = '%s'
end
function response(status, headers, body)
  if status ~= 200 then errors = (errors or 0) + 1 end
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the server ended before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not listen in time")


def open_session(port):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
    init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
            "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}
    conn.request("POST", "/mcp", json.dumps(init), headers)
    response = response_of(conn)
    sid = response.getheader("Mcp-Session-Id")
    response.read()
    headers["Mcp-Session-Id"] = sid
    headers["MCP-Protocol-Version"] = "2025-06-18"
    conn.request("POST", "/mcp", json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}), headers)
    response_of(conn).read()
    conn.close()
    return sid


def response_of(conn):
    response = conn.getresponse()
    if response.status >= 300:
        raise SystemExit(f"HTTP {response.status}: {response.read()[:200]!r}")
    return response


def peak_rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return float("nan")
    return float("nan")


def load(label, port, proc, call, sessions, seconds):
    sids = [open_session(port) for _ in range(sessions)]
    body = json.dumps({"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": call})
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % (", ".join(f'"{s}"' for s in sids), body.replace("'", "\\'")))
    # a short warm-up, not counted
    subprocess.run(["wrk", "-t", str(sessions), "-c", str(sessions), "-d", "3s", "-s", script.name,
                    f"http://127.0.0.1:{port}/mcp"], capture_output=True, check=True)
    out = subprocess.run(["wrk", "-t", str(sessions), "-c", str(sessions), "-d", f"{seconds}s", "--latency",
                          "-s", script.name, f"http://127.0.0.1:{port}/mcp"], capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+\w+)", out, re.M))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    print(f"{label:28} {rate:8.0f} calls/s   p50 {lat.get('50', '?'):>8}  p99 {lat.get('99', '?'):>8}   "
          f"peak RSS {peak_rss_mib(proc.pid):6.1f} MiB   errors {non2xx.group(1) if non2xx else 0}")


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--sessions", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("needs wrk (apt-get install wrk)")
    print(f"{args.sessions} sessions, one connection each, {args.seconds} s, {os.cpu_count()} cores")

    port = free_port()
    # the limits that protect a real cluster (20 requests/s to Proxmox) would measure themselves, not the server;
    # a start-up cache recorded in the background would compete with the load for the cores
    env = dict(os.environ, MCP_TRANSPORT="http", MCP_PORT=str(port), PROXMOX_SANDBOX_TASK_MS="300", PROXMOX_MCP_AUTO_WARMUP="false",
               MCP_CLIENT_RATE_LIMIT="100000", PROXMOX_RATE_LIMIT="100000", PROXMOX_MAX_CONCURRENT="64")
    proc = subprocess.Popen([LAUNCHER, "--sandbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port, proc)
        load("proxmox-mcp (node_list)", port, proc, {"name": "proxmox_node_list", "arguments": {}}, args.sessions, args.seconds)
    finally:
        stop(proc)

    entry = os.path.join(REFERENCE_DIR, "node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js")
    if not os.path.isfile(entry):
        os.makedirs(REFERENCE_DIR, exist_ok=True)
        installed = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent",
                                    f"@modelcontextprotocol/server-everything@{REFERENCE_VERSION}"], cwd=REFERENCE_DIR,
                                   capture_output=True, timeout=300)
        if installed.returncode != 0 or not os.path.isfile(entry):
            print("reference: SKIPPED - npm could not install @modelcontextprotocol/server-everything")
            return
    port = free_port()
    proc = subprocess.Popen(["node", entry, "streamableHttp"], env=dict(os.environ, PORT=str(port)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port, proc)
        load("server-everything (echo)", port, proc, {"name": "echo", "arguments": {"message": "hi"}}, args.sessions,
             args.seconds)
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
