#!/usr/bin/env python3
"""Start-up, memory and catalog figures of proxmox-mcp over stdio, next to a Node.js MCP server in the same run.

  bench/startup.py [--runs 7] [--jbang jbang]

Modes, each started --runs times, interleaved run by run so that machine load hits all of them alike:
  reference      @modelcontextprotocol/server-everything over stdio (installed from npm by this script;
                 skipped with a note when node or npm cannot provide it)
  cold           no AOT cache, no background warm-up
  aot            after `bin/proxmox-mcp warmup` (real-cluster configuration, never contacted)
  aot --sandbox  the same with the simulated cluster, plus the first tool call (proxmox_node_list) and two more
  jbang alias    the `proxmox-mcp` alias of jbang-catalog.json, where jbang is installed and it resolves
For each: the median and range of the time from process start to the `initialize` answer, to the `tools/list`
answer and (sandbox) to the first call's answer, and the peak RSS (VmHWM) at the end of the session; then the
ratio of the aot initialize to the reference's. Then the tools/list size in bytes, in total and per pack.
Needs the jar built (mvn -DskipTests package) and Python 3; node and npm for the reference.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(ROOT, "bin", "proxmox-mcp")
INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}
LIST = {"jsonrpc": "2.0", "id": 2, "method": "tools/list", "params": {}}


# A configured cluster that is never contacted: initialize and tools/list need no Proxmox request.
SERVER_ENV = {"PROXMOX_URL": "https://127.0.0.1:9", "PROXMOX_TOKEN_NAME": "bench", "PROXMOX_TOKEN_VALUE": "unused",
              "PROXMOX_ALLOW_ELEVATED": "true"}


REFERENCE_DIR = os.environ.get("BENCH_REFERENCE_DIR", os.path.join(tempfile.gettempdir(), "proxmox-mcp-bench-reference"))
REFERENCE_VERSION = "2026.8.31"


def send(proc, message):
    proc.stdin.write((json.dumps(message) + "\n").encode())
    proc.stdin.flush()


def peak_rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def one_run(command, env, calls=()):
    """Times to the initialize, tools/list and first call answers; the peak RSS after the calls; the listing."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env)
    send(proc, INIT)
    json.loads(proc.stdout.readline()); t_init = time.perf_counter() - start
    send(proc, {"jsonrpc": "2.0", "method": "notifications/initialized"})
    send(proc, LIST)
    listing = proc.stdout.readline(); t_list = time.perf_counter() - start
    t_call = None
    for n, (name, arguments) in enumerate(calls):
        send(proc, {"jsonrpc": "2.0", "id": 10 + n, "method": "tools/call", "params": {"name": name, "arguments": arguments}})
        answer = json.loads(proc.stdout.readline())
        if answer.get("result", {}).get("isError") or "error" in answer:
            raise SystemExit(f"{name} failed: {answer}")
        if t_call is None:
            t_call = time.perf_counter() - start
    rss = peak_rss_mib(proc.pid)
    proc.stdin.close(); proc.wait(timeout=10)
    return t_init, t_list, t_call, rss, listing


def summary(values, unit="s"):
    return f"median {statistics.median(values):.3f}{unit} (range {min(values):.3f}-{max(values):.3f}{unit})"


def report(label, results):
    line = f"{label:14} initialize: {summary([r[0] for r in results])}; tools/list: {summary([r[1] for r in results])}"
    if results[0][2] is not None:
        line += f"; first call: {summary([r[2] for r in results])}"
    print(line + f"; peak RSS median {statistics.median([r[3] for r in results]):.0f} MiB  [{len(results)} runs]")


def reference_command():
    entry = os.path.join(REFERENCE_DIR, "node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js")
    if not os.path.isfile(entry) and shutil.which("npm"):
        os.makedirs(REFERENCE_DIR, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent",
                        f"@modelcontextprotocol/server-everything@{REFERENCE_VERSION}"], cwd=REFERENCE_DIR,
                       capture_output=True, timeout=300)
    return ("node", entry, "stdio") if os.path.isfile(entry) and shutil.which("node") else None


SANDBOX_CALLS = (("proxmox_node_list", {}), ("proxmox_guest_list", {}), ("proxmox_storage_list", {}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--jbang", default=shutil.which("jbang"), help="the jbang command (default: jbang on PATH)")
    args = parser.parse_args()
    reference = reference_command()
    with tempfile.TemporaryDirectory() as cold_cache, tempfile.TemporaryDirectory() as aot_cache:
        cold_env = dict(os.environ, PROXMOX_MCP_CACHE=cold_cache, PROXMOX_MCP_AUTO_WARMUP="false", **SERVER_ENV)
        aot_env = dict(os.environ, PROXMOX_MCP_CACHE=aot_cache, **SERVER_ENV)
        subprocess.run([LAUNCHER, "warmup"], env=aot_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        modes = {"cold": ((LAUNCHER,), cold_env, ()), "aot": ((LAUNCHER,), aot_env, ()),
                 "aot --sandbox": ((LAUNCHER, "--sandbox"), aot_env, SANDBOX_CALLS)}
        if reference:
            modes = {"reference": (reference, dict(os.environ), ()), **modes}
        for command, env, calls in modes.values():
            one_run(command, env, calls)  # let the OS cache the files; not counted
        results = {label: [] for label in modes}
        for _ in range(args.runs):
            for label, (command, env, calls) in modes.items():
                results[label].append(one_run(command, env, calls))
    for label, runs in results.items():
        report(label, runs)
    if reference:
        ref, aot = (statistics.median([r[0] for r in results[m]]) for m in ("reference", "aot"))
        print(f"aot initialize / reference: {aot / ref:.2f}x")
    else:
        print("reference      skipped: node or npm could not provide @modelcontextprotocol/server-everything")
    listing = results["aot"][-1][4]
    jbang_env = dict(os.environ, **SERVER_ENV)
    if not args.jbang:
        print("jbang alias    skipped: jbang is not installed")
    elif subprocess.run([args.jbang, "--quiet", "info", "tools", "proxmox-mcp"], cwd=ROOT, env=jbang_env,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
        print("jbang alias    skipped: the alias's Maven coordinates do not resolve (not released, nor mvn installed)")
    else:
        command = (args.jbang, "--quiet", "proxmox-mcp")
        one_run(command, jbang_env)
        report("jbang alias", [one_run(command, jbang_env) for _ in range(args.runs)])

    tools = json.loads(listing)["result"]["tools"]
    total = len(json.dumps({"tools": tools}, separators=(",", ":")).encode())
    print(f"catalog (elevated tools enabled): {len(tools)} tools, {total} bytes, "
          f"{total / len(tools):.0f} bytes per tool")
    table = subprocess.run([LAUNCHER, "tools"], capture_output=True, text=True, check=True).stdout.splitlines()[1:]
    pack_of = {cols[1]: cols[0] for cols in (line.split() for line in table) if len(cols) > 2 and cols[1].startswith("proxmox_")}
    per_pack = {}
    for tool in tools:
        pack = pack_of.get(tool["name"], "?")
        count, size = per_pack.get(pack, (0, 0))
        per_pack[pack] = (count + 1, size + len(json.dumps(tool, separators=(",", ":")).encode()))
    for pack, (count, size) in sorted(per_pack.items()):
        print(f"  {pack:14} {count:3} tools {size:7} bytes  {size / count:5.0f} bytes per tool")


if __name__ == "__main__":
    sys.exit(main())
