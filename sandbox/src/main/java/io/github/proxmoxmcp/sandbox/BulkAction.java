package io.github.proxmoxmcp.sandbox;

/**
 * What a bulk guest action does to each guest it selects, for a node's startall/stopall/suspendall/migrateall and the
 * cluster's bulk actions alike.
 *
 * @param verb           start, stop, suspend or migrate
 * @param anyGuest       start guests without {@code onboot} too (force, or guests listed by id)
 * @param timeout        seconds a shutdown waits, as the log shows it
 * @param target         where migrate moves guests
 * @param withLocalDisks migrate running guests with local disks
 */
record BulkAction(String verb, boolean anyGuest, int timeout, String target, boolean withLocalDisks) {

    /** Applies the action to one guest, logging what it does; false when it failed for this guest. */
    boolean apply(Cluster cluster, Task task, Guest g) {
        switch (verb) {
            case "start" -> {
                if (g.running() || !(anyGuest || "1".equals(g.config.get("onboot")))) {
                    return true;
                }
                task.log.add("Starting " + g.kind() + " " + g.vmid);
                if (g.config.containsKey("hostpci0")) {
                    task.log.add("Starting " + g.kind() + " " + g.vmid + " failed: no PCI device found for '"
                            + Configs.volume(g.config.get("hostpci0")) + "'");
                    return false;
                }
                g.applyPending();
                g.status = "running";
                g.startedAt = cluster.now();
            }
            case "stop" -> {
                if (g.running()) {
                    task.log.add("Stopping " + g.kind() + " " + g.vmid + " (timeout = " + timeout + " seconds)");
                    g.status = "stopped";
                    g.paused = false;
                    g.applyPending();
                }
            }
            case "suspend" -> {
                if (g.running() && g.isQemu()) {
                    task.log.add("Suspending VM " + g.vmid);
                    g.paused = true;
                }
            }
            case "migrate" -> {
                if (g.node.equals(target)) {
                    return true;
                }
                boolean local = false;
                for (Configs.Disk disk : Configs.disks(g.config)) {
                    local |= !disk.cdrom() && !cluster.storage(disk.storage()).shared();
                }
                if (g.config.containsKey("hostpci0") || local && g.running() && !withLocalDisks) {
                    task.log.add("Migrating " + g.kind() + " " + g.vmid + " failed: guest uses local resources");
                    return false;
                }
                task.log.add("Migrating " + g.kind() + " " + g.vmid + " to " + target);
                g.node = target;
            }
            default -> throw new IllegalArgumentException("unknown bulk action " + verb);
        }
        return true;
    }
}
