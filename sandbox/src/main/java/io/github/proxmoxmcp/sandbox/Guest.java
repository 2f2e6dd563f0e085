package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A simulated VM ({@code qemu}) or container ({@code lxc}) and its configuration file. */
final class Guest {

    record Snapshot(String name, String description, long snaptime, String parent, boolean vmstate,
                    Map<String, String> config) {
    }

    final int vmid;
    final String type;
    String node;
    String status = "stopped";
    boolean paused;
    String lock;
    long startedAt;
    boolean agentInstalled = true;
    /** Snapshot the current state descends from; null when there is none. */
    String parentSnapshot;
    String pool;
    final Map<String, String> config = new LinkedHashMap<>();
    final Map<String, String> pending = new LinkedHashMap<>();
    final Set<String> pendingDelete = new LinkedHashSet<>();
    final List<Snapshot> snapshots = new ArrayList<>();
    /** Simulated load while running: CPU fraction and memory use as a fraction of maxmem. */
    double cpuLoad = 0.02;
    double memLoad = 0.4;

    Guest(int vmid, String type, String node) {
        this.vmid = vmid;
        this.type = type;
        this.node = node;
    }

    boolean isQemu() {
        return type.equals("qemu");
    }

    boolean running() {
        return status.equals("running");
    }

    boolean template() {
        return "1".equals(config.get("template"));
    }

    String name() {
        String name = config.get(isQemu() ? "name" : "hostname");
        return name == null ? (isQemu() ? "VM " + vmid : "CT" + vmid) : name;
    }

    /** "qemu-server" or "lxc": the directory of the config file, as in error messages. */
    String confDir() {
        return isQemu() ? "qemu-server" : "lxc";
    }

    String kind() {
        return isQemu() ? "VM" : "CT";
    }

    /** Whether the guest agent answers: enabled in the config, installed in the guest, and running. */
    boolean agentEnabled() {
        String agent = config.get("agent");
        if (agent == null) {
            return false;
        }
        for (String part : agent.split(",")) {
            if (part.equals("1") || part.equals("enabled=1")) {
                return true;
            }
        }
        return false;
    }

    long maxmem() {
        String memory = config.getOrDefault("memory", "512");
        String current = memory.contains("current=") ? memory.replaceAll(".*current=(\\d+).*", "$1") : memory;
        return Long.parseLong(current.trim()) * 1024 * 1024;
    }

    int cpus() {
        int cores = Integer.parseInt(config.getOrDefault("cores", "1"));
        int sockets = Integer.parseInt(config.getOrDefault("sockets", "1"));
        return isQemu() ? cores * sockets : cores;
    }

    /** Applies pending changes, as a restart does. */
    void applyPending() {
        config.putAll(pending);
        pendingDelete.forEach(config::remove);
        pending.clear();
        pendingDelete.clear();
    }
}
