package io.github.proxmoxmcp.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The whole simulated cluster state. Every API call runs under this object's lock, after {@link #tick()} has
 * finished the tasks whose time is up, so state changes happen in a deterministic order.
 */
final class Cluster {

    static final String CLUSTER_NAME = "sandbox";

    final SimClock clock;
    final PveVersion pve;
    /** Drives every value the generated data of the collections needs, apart from the guests' stream. */
    final long seed;
    final SplittableRandom random;
    /** "now" when the sandbox started: seed data is dated from it, whenever a domain is first used. */
    final long startTime;
    final Duration taskDuration;
    final long startNanos = System.nanoTime();
    final Map<String, NodeState> nodes = new LinkedHashMap<>();
    /** Total and already used bytes of each storage, by id; the storage configuration itself is a collection. */
    final Map<String, long[]> capacity = new LinkedHashMap<>();
    final List<Volume> volumes = new ArrayList<>();
    /** Each node's disks and the volume groups, pools and directories made on them. */
    final Map<String, NodeDisks> disks = new LinkedHashMap<>();
    final Map<Integer, Guest> guests = new TreeMap<>();
    final List<Task> tasks = new ArrayList<>();
    /** The rows of the declared config collections (firewall, SDN, access, HA, jobs, notifications...). */
    final Tables tables = new Tables();
    /** Guest-agent exec results by VMID and pid. */
    final Map<String, Map<String, Object>> agentExecs = new LinkedHashMap<>();
    private int nextPid = 0x1A00;

    Cluster(SandboxOptions options) {
        this.clock = new SimClock(options.fixedClock());
        this.pve = PveVersion.of(options.pveMajor());
        this.seed = options.seed();
        this.random = new SplittableRandom(options.seed());
        this.startTime = clock.now();
        this.taskDuration = options.taskDuration();
    }

    long now() {
        return clock.now();
    }

    // ---- lookups that fail like Proxmox ----

    NodeState node(String name) {
        NodeState node = nodes.get(name);
        if (node == null) {
            throw ApiException.fail("hostname lookup '" + name + "' failed - failed to get address info for: "
                    + name + ": Name or service not known");
        }
        if (!node.online) {
            throw new ApiException(595, "Connection refused");
        }
        return node;
    }

    Guest guest(String node, int vmid, String type) {
        Guest guest = guests.get(vmid);
        if (guest == null || !guest.node.equals(node) || !guest.type.equals(type)) {
            String dir = type.equals("qemu") ? "qemu-server" : "lxc";
            throw ApiException.fail("Configuration file 'nodes/" + node + "/" + dir + "/" + vmid + ".conf' does not exist");
        }
        return guest;
    }

    StorageDef storage(String id) {
        for (StorageDef storage : storages()) {
            if (storage.id().equals(id)) {
                return storage;
            }
        }
        throw ApiException.fail("storage '" + id + "' does not exist");
    }

    /** The configured storages, sorted by id, with their simulated capacity. */
    List<StorageDef> storages() {
        List<Map<String, String>> rows = new ArrayList<>(tables.table(StorageCollections.PATH, null).rows);
        rows.sort(java.util.Comparator.comparing(row -> row.get("storage")));
        List<StorageDef> out = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String id = row.get("storage");
            long[] size = capacity.getOrDefault(id, new long[] {512L << 30, 0});
            boolean shared = StorageCollections.SHARED_TYPES.contains(row.get("type")) || Request.isTrue(row.getOrDefault("shared", "0"));
            List<String> on = row.get("nodes") == null ? List.of() : List.of(row.get("nodes").split("[,;\\s]+"));
            out.add(new StorageDef(id, row.get("type"), StorageCollections.content(row), shared, size[0], size[1], on,
                    Request.isTrue(row.getOrDefault("disable", "0"))));
        }
        return out;
    }

    int nextId() {
        int id = 100;
        while (guests.containsKey(id)) {
            id++;
        }
        return id;
    }

    // ---- tasks ----

    String startTask(String node, String type, String id, String user, Task.Work work, String... firstLines) {
        long start = now();
        clock.advance(1);
        nextPid += 1 + random.nextInt(0x40);
        int pstart = 0x00A0_0000 + nextPid * 7;
        Task task = new Task(node, type, id, user, nextPid, pstart, start,
                System.nanoTime() + taskDuration.toNanos(), work);
        task.log.addAll(List.of(firstLines));
        tasks.add(task);
        if (taskDuration.isZero()) {
            finish(task);
        }
        return task.upid;
    }

    /** A finished task from before the sandbox started, so task lists are not empty. */
    void pastTask(String node, String type, String id, long start, long seconds, String exitstatus, String... lines) {
        nextPid += 1 + random.nextInt(0x40);
        Task task = new Task(node, type, id, "root@pam", nextPid, 0x0010_0000 + nextPid, start, 0, t -> { });
        task.log.addAll(List.of(lines));
        task.log.add(exitstatus.equals("OK") ? "TASK OK" : "TASK ERROR: " + exitstatus);
        task.status = "stopped";
        task.exitstatus = exitstatus;
        task.endtime = start + seconds;
        tasks.add(task);
    }

    /** Ends every task whose time is up, oldest first. */
    void tick() {
        long nowNanos = System.nanoTime();
        for (Task task : List.copyOf(tasks)) {
            if (task.running() && nowNanos >= task.deadlineNanos) {
                finish(task);
            }
        }
    }

    private void finish(Task task) {
        try {
            task.work.run(task);
            task.exitstatus = "OK";
            task.log.add("TASK OK");
        } catch (Task.Failure failure) {
            task.exitstatus = failure.getMessage();
            task.log.add("TASK ERROR: " + failure.getMessage());
        }
        task.status = "stopped";
        long seconds = Math.max(1, (taskDuration.toMillis() + 999) / 1000);
        task.endtime = clock.isFixed() ? task.starttime + seconds : Math.max(task.starttime, now());
    }

    Task task(String node, String upid) {
        for (Task task : tasks) {
            if (task.upid.equals(upid) && task.node.equals(node)) {
                return task;
            }
        }
        if (!upid.startsWith("UPID:")) {
            throw ApiException.parameter("upid", "unable to parse worker upid '" + upid + "'");
        }
        throw ApiException.fail("no such task");
    }

    // ---- storage ----

    /** A storage as one node sees it: refused where the storage is not configured for that node. */
    StorageDef storageOn(String id, String node) {
        StorageDef storage = storage(id);
        if (!storage.on(node)) {
            throw ApiException.fail("storage '" + id + "' is not available on node '" + node + "'");
        }
        return storage;
    }

    List<Volume> volumes(String storage, String node) {
        StorageDef def = storage(storage);
        List<Volume> result = new ArrayList<>();
        for (Volume volume : volumes) {
            if (volume.storage().equals(storage) && (def.shared() || node.equals(volume.node()))) {
                result.add(volume);
            }
        }
        return result;
    }

    /** Guest disks on a storage: every disk on shared storage, or the ones of guests on {@code node}. */
    List<Map.Entry<Guest, Configs.Disk>> guestDisks(String storage, String node) {
        StorageDef def = storage(storage);
        List<Map.Entry<Guest, Configs.Disk>> result = new ArrayList<>();
        for (Guest guest : guests.values()) {
            if (!def.shared() && !guest.node.equals(node)) {
                continue;
            }
            List<String> seen = new ArrayList<>();
            for (Map<String, String> config : configsOf(guest)) {
                for (Configs.Disk disk : Configs.disks(config)) {
                    if (disk.storage().equals(storage) && !disk.cdrom() && !seen.contains(disk.volid())) {
                        seen.add(disk.volid());
                        result.add(Map.entry(guest, disk));
                    }
                }
            }
        }
        return result;
    }

    private static List<Map<String, String>> configsOf(Guest guest) {
        List<Map<String, String>> configs = new ArrayList<>();
        configs.add(guest.config);
        configs.add(guest.pending);
        guest.snapshots.forEach(s -> configs.add(s.config()));
        return configs;
    }

    long used(StorageDef storage, String node) {
        long used = storage.baseUsed();
        for (Volume volume : volumes(storage.id(), node)) {
            used += volume.size();
        }
        for (Map.Entry<Guest, Configs.Disk> disk : guestDisks(storage.id(), node)) {
            used += disk.getValue().size();
        }
        return used;
    }

    long avail(StorageDef storage, String node) {
        return Math.max(0, storage.total() - used(storage, node));
    }

    /** Fails the running task when a storage cannot hold {@code bytes} more. */
    void requireSpace(String storage, String node, long bytes, String what) {
        StorageDef def = storage(storage);
        long avail = avail(def, node);
        if (bytes > avail) {
            throw new Task.Failure(what + ": not enough free space on storage '" + storage + "' (need "
                    + Configs.gib(bytes) + ", " + Configs.gib(avail) + " available)");
        }
    }

    /** A new disk volume name for a guest on a storage, Proxmox style. */
    String allocateVolume(String storage, int vmid, String prefix) {
        StorageDef def = storage(storage);
        int n = 0;
        while (true) {
            String volname = volname(def, vmid, prefix + "-" + vmid + "-disk-" + n);
            String volid = storage + ":" + volname;
            boolean taken = false;
            for (Guest guest : guests.values()) {
                for (Map<String, String> config : configsOf(guest)) {
                    for (Configs.Disk disk : Configs.disks(config)) {
                        taken |= disk.volid().equals(volid) || disk.volname().endsWith("/" + volname);
                    }
                }
            }
            if (!taken) {
                return volid;
            }
            n++;
        }
    }

    static String volname(StorageDef storage, int vmid, String base) {
        return switch (storage.type()) {
            case "lvmthin", "lvm", "zfspool", "rbd" -> base;
            default -> vmid + "/" + base + ".qcow2";
        };
    }

    static String diskFormat(StorageDef storage) {
        return switch (storage.type()) {
            case "lvmthin", "lvm", "zfspool", "rbd" -> "raw";
            default -> "qcow2";
        };
    }

    // ---- deterministic identifiers ----

    String mac() {
        return String.format(Locale.ROOT, "BC:24:11:%02X:%02X:%02X", random.nextInt(256), random.nextInt(256),
                random.nextInt(256));
    }

    String uuid() {
        return String.format(Locale.ROOT, "%08x-%04x-4%03x-%04x-%012x", random.nextInt() & 0xffffffffL,
                random.nextInt(0x10000), random.nextInt(0x1000), 0x8000 | random.nextInt(0x4000),
                random.nextLong() & 0xffffffffffffL);
    }

    String hex(int chars) {
        StringBuilder out = new StringBuilder();
        while (out.length() < chars) {
            out.append(Integer.toHexString(random.nextInt(16)));
        }
        return out.toString();
    }
}
