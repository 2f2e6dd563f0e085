package io.github.proxmoxmcp.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /nodes/{node}/storage/{storage}/prunebackups}: which backups a retention keeps, per guest, newest first (the
 * GET), and their removal in a task (the DELETE). A protected backup is always kept.
 */
final class BackupPrune {

    static final String PARAMS = "prune-backups type:qemu|lxc vmid:int";

    /** The keep options in the order they are applied, with the period a backup falls into for each. */
    private static final List<Map.Entry<String, Function<Long, String>>> KEEPS = List.of(
            Map.entry("keep-last", ctime -> String.valueOf(ctime)),
            Map.entry("keep-hourly", period("yyyy/MM/dd/HH")),
            Map.entry("keep-daily", period("yyyy/MM/dd")),
            Map.entry("keep-weekly", ctime -> {
                java.time.LocalDate day = Instant.ofEpochSecond(ctime).atZone(ZoneOffset.UTC).toLocalDate();
                return day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "/"
                        + day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            }),
            Map.entry("keep-monthly", period("yyyy/MM")),
            Map.entry("keep-yearly", period("yyyy")));

    private final Cluster cluster;

    BackupPrune(Cluster cluster) {
        this.cluster = cluster;
    }

    private static Function<Long, String> period(String pattern) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, java.util.Locale.ROOT).withZone(ZoneOffset.UTC);
        return ctime -> format.format(Instant.ofEpochSecond(ctime));
    }

    List<Map<String, Object>> preview(Request q) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<Volume, String> marked : marks(q).entrySet()) {
            Volume backup = marked.getKey();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("volid", backup.volid());
            m.put("ctime", backup.ctime());
            m.put("mark", marked.getValue());
            m.put("type", backup.subtype());
            m.put("vmid", backup.vmid());
            out.add(m);
        }
        return out;
    }

    String prune(Request q) {
        Map<Volume, String> marks = marks(q);
        String id = (q.has("vmid") ? q.str("vmid") + "@" : "") + q.var("storage");
        return cluster.startTask(q.node(), "prunebackups", id, q.user, t -> marks.forEach((backup, mark) -> {
            if (mark.equals("remove")) {
                cluster.volumes.remove(backup);
                t.log.add("removed backup '" + backup.volid() + "'");
            }
        }));
    }

    /** Every backup of the storage (of the guest asked about), newest first per guest, with its mark. */
    private Map<Volume, String> marks(Request q) {
        StorageDef storage = cluster.storageOn(q.var("storage"), q.node());
        if (!storage.content().contains("backup")) {
            throw ApiException.fail("content type 'backup' is not available on storage '" + storage.id() + "'");
        }
        Map<String, Integer> keep = retention(q.str("prune-backups", StorageCollections.option(cluster, storage.id(), "prune-backups")));
        Map<String, List<Volume>> groups = new LinkedHashMap<>();
        cluster.volumes(storage.id(), q.node()).stream()
                .filter(v -> v.content().equals("backup") && v.vmid() != null)
                .filter(v -> !q.has("vmid") || v.vmid().equals(q.integer("vmid")))
                .filter(v -> !q.has("type") || q.str("type").equals(v.subtype()))
                .sorted(Comparator.comparing(Volume::vmid).thenComparing(Comparator.comparing(Volume::ctime).reversed()))
                .forEach(v -> groups.computeIfAbsent(v.subtype() + "/" + v.vmid(), k -> new ArrayList<>()).add(v));
        Map<Volume, String> marks = new LinkedHashMap<>();
        for (List<Volume> group : groups.values()) {
            group.forEach(v -> marks.put(v, v.protect() ? "protected" : keep.isEmpty() ? "keep" : null));
            for (Map.Entry<String, Function<Long, String>> option : KEEPS) {
                mark(group, marks, keep.getOrDefault(option.getKey(), 0), option.getValue());
            }
        }
        marks.replaceAll((v, mark) -> mark == null ? "remove" : mark);
        return marks;
    }

    /** Keeps the newest backup of each of the {@code count} newest periods not yet covered by a kept one. */
    private static void mark(List<Volume> group, Map<Volume, String> marks, int count, Function<Long, String> periodOf) {
        if (count <= 0) {
            return;
        }
        Set<String> covered = new HashSet<>();
        group.stream().filter(v -> "keep".equals(marks.get(v))).forEach(v -> covered.add(periodOf.apply(v.ctime())));
        Set<String> included = new HashSet<>();
        for (Volume backup : group) {
            String period = periodOf.apply(backup.ctime());
            if (marks.get(backup) != null || covered.contains(period)) {
                continue;
            }
            if (included.contains(period)) {
                marks.put(backup, "remove");
                continue;
            }
            if (included.size() >= count) {
                return;
            }
            included.add(period);
            marks.put(backup, "keep");
        }
    }

    /** {@code keep-last=3,keep-daily=7} as numbers; {@code keep-all=1}, or nothing set, keeps everything (empty). */
    private static Map<String, Integer> retention(String text) {
        Map<String, Integer> keep = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return keep;
        }
        Set<String> names = new HashSet<>(List.of("keep-all"));
        KEEPS.forEach(k -> names.add(k.getKey()));
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2 || !names.contains(kv[0]) || !kv[1].matches("\\d+")) {
                throw ApiException.parameter("prune-backups", "invalid format - format error: " + part.trim());
            }
            keep.put(kv[0], Integer.parseInt(kv[1]));
        }
        if (keep.getOrDefault("keep-all", 0) > 0) {
            if (keep.size() > 1) {
                throw ApiException.parameter("prune-backups", "keep-all cannot be set together with other options.");
            }
            keep.clear();
        }
        keep.values().removeIf(n -> n == 0);
        keep.remove("keep-all");
        return keep;
    }
}
