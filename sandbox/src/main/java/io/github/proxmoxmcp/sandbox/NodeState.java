package io.github.proxmoxmcp.sandbox;

/** A simulated cluster node. */
final class NodeState {

    final String name;
    final int index;
    final String ip;
    boolean online = true;
    final int maxcpu;
    final long maxmem;
    final double cpu;
    final long memBase;
    final long bootTime;

    NodeState(String name, int index, String ip, int maxcpu, long maxmem, double cpu, long memBase, long bootTime) {
        this.name = name;
        this.index = index;
        this.ip = ip;
        this.maxcpu = maxcpu;
        this.maxmem = maxmem;
        this.cpu = cpu;
        this.memBase = memBase;
        this.bootTime = bootTime;
    }
}
