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
    long bootTime;
    /** Mutable node settings, filled in by {@link NodeApi} on first use. */
    final java.util.Map<String, String> stoppedServices = new java.util.LinkedHashMap<>();
    String hosts;
    String timezone = "Europe/Berlin";
    final java.util.Map<String, Object> dns = new java.util.LinkedHashMap<>();
    java.util.Map<String, java.util.Map<String, Object>> interfaces;
    java.util.Map<String, java.util.Map<String, Object>> pendingInterfaces;

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
