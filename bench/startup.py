#!/usr/bin/env python3
"""Start-up, memory and catalog figures of proxmox-mcp over stdio.

  bench/startup.py [--runs 7] [--jbang jbang]

For each mode (cold: no AOT cache; aot: after `bin/proxmox-mcp warmup`; aot with --sandbox, which
also starts the simulated cluster; the jbang alias `proxmox-mcp` of jbang-catalog.json, where jbang
is installed and the alias's coordinates resolve) it starts the server --runs times and prints the median and range of the time from
process start to the `initialize` answer and to the `tools/list` answer, and the peak RSS
(VmHWM). Then it prints the tools/list size in bytes, in total and per pack. Needs the jar
built (mvn -DskipTests package) and Python 3 only.
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


def one_run(env, args, command=(LAUNCHER,)):
    start = time.perf_counter()
    proc = subprocess.Popen([*command, *args], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env)
    proc.stdin.write((json.dumps(INIT) + "\n").encode()); proc.stdin.flush()
    json.loads(proc.stdout.readline()); t_init = time.perf_counter() - start
    proc.stdin.write(b'{"jsonrpc":"2.0","method":"notifications/initialized"}\n')
    proc.stdin.write((json.dumps(LIST) + "\n").encode()); proc.stdin.flush()
    listing = proc.stdout.readline(); t_list = time.perf_counter() - start
    rss = 0
    try:
        with open(f"/proc/{proc.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    rss = int(line.split()[1]) // 1024
    except OSError:
        pass
    proc.stdin.close(); proc.wait(timeout=10)
    return t_init, t_list, rss, listing


def summary(values, unit="s", scale=1.0):
    v = [x * scale for x in values]
    return f"median {statistics.median(v):.3f}{unit} (range {min(v):.3f}-{max(v):.3f}{unit})"


def measure(label, env, runs, args=(), command=(LAUNCHER,)):
    one_run(env, args, command)  # let the OS cache the jar; not counted
    results = [one_run(env, args, command) for _ in range(runs)]
    print(f"{label:13} initialize: {summary([r[0] for r in results])}; tools/list: {summary([r[1] for r in results])}; "
          f"peak RSS median {statistics.median([r[2] for r in results]):.0f} MiB  [{runs} runs]")
    return results[-1][3]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--jbang", default=shutil.which("jbang"), help="the jbang command (default: jbang on PATH)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cold_cache, tempfile.TemporaryDirectory() as aot_cache:
        env = dict(os.environ, PROXMOX_MCP_CACHE=cold_cache, **SERVER_ENV)
        listing = measure("cold", env, args.runs)
        aot_env = dict(os.environ, PROXMOX_MCP_CACHE=aot_cache, **SERVER_ENV)
        subprocess.run([LAUNCHER, "warmup"], env=aot_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        measure("aot", aot_env, args.runs)
        measure("aot --sandbox", aot_env, args.runs, ("--sandbox",))
    jbang_env = dict(os.environ, **SERVER_ENV)
    if not args.jbang:
        print("jbang alias    skipped: jbang is not installed")
    elif subprocess.run([args.jbang, "--quiet", "info", "tools", "proxmox-mcp"], cwd=ROOT, env=jbang_env,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
        print("jbang alias    skipped: the alias's Maven coordinates do not resolve (not released, nor mvn installed)")
    else:
        measure("jbang alias", jbang_env, args.runs, command=(args.jbang, "--quiet", "proxmox-mcp"))

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
