package io.github.proxmoxmcp.storage;

import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The settings each storage type takes (pve-storage's plugin options), by their Proxmox names: those it needs at
 * creation, those fixed once created, and the others. Settings are checked here before anything is sent, so a typo
 * or a setting of another type gets the list of valid names instead of a Proxmox 400.
 */
final class StorageOptions {

    /** Options a type needs (and cannot change), options fixed at creation, options that can change. */
    record Options(List<String> required, List<String> fixed, List<String> changeable) {

        Set<String> all() {
            return Stream.of(required, fixed, changeable).flatMap(List::stream).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static final List<String> BASE = List.of("content", "nodes", "disable");
    private static final List<String> BACKUPS = List.of("prune-backups", "max-protected-backups");
    private static final List<String> DIRECTORIES = List.of("content-dirs", "create-base-path", "create-subdirs", "mkdir",
            "format", "preallocation");

    static final Map<StorageManage.Type, Options> BY_TYPE = Map.ofEntries(
            Map.entry(StorageManage.Type.dir, new Options(List.of("path"), List.of("snapshot-as-volume-chain"),
                    join(BASE, BACKUPS, DIRECTORIES, List.of("shared", "is_mountpoint", "bwlimit")))),
            Map.entry(StorageManage.Type.btrfs, new Options(List.of("path"), List.of(),
                    join(BASE, BACKUPS, DIRECTORIES, List.of("shared", "is_mountpoint", "nocow")))),
            Map.entry(StorageManage.Type.nfs, new Options(List.of("server", "export"), List.of("path", "snapshot-as-volume-chain"),
                    join(BASE, BACKUPS, DIRECTORIES, List.of("options", "bwlimit")))),
            Map.entry(StorageManage.Type.cifs, new Options(List.of("server", "share"), List.of("path", "snapshot-as-volume-chain"),
                    join(BASE, BACKUPS, DIRECTORIES, List.of("subdir", "username", "password", "domain", "smbversion", "options",
                            "bwlimit")))),
            Map.entry(StorageManage.Type.cephfs, new Options(List.of(), List.of("path"),
                    join(BASE, BACKUPS, DIRECTORIES, List.of("monhost", "subdir", "options", "username", "fuse", "bwlimit",
                            "keyring", "fs-name")))),
            Map.entry(StorageManage.Type.pbs, new Options(List.of("server", "datastore"), List.of(),
                    join(BASE, BACKUPS, List.of("namespace", "port", "username", "password", "encryption-key", "master-pubkey",
                            "fingerprint")))),
            Map.entry(StorageManage.Type.esxi, new Options(List.of("server", "username"), List.of(),
                    join(BASE, List.of("shared", "password", "skip-cert-verification", "port")))),
            Map.entry(StorageManage.Type.lvm, new Options(List.of("vgname"), List.of("base"),
                    join(BASE, List.of("shared", "saferemove", "saferemove-stepsize", "saferemove_throughput", "tagged_only",
                            "bwlimit", "snapshot-as-volume-chain")))),
            Map.entry(StorageManage.Type.lvmthin, new Options(List.of("vgname", "thinpool"), List.of(), join(BASE, List.of("bwlimit")))),
            Map.entry(StorageManage.Type.zfspool, new Options(List.of("pool"), List.of(),
                    join(BASE, List.of("blocksize", "sparse", "bwlimit", "mountpoint")))),
            Map.entry(StorageManage.Type.rbd, new Options(List.of(), List.of(),
                    join(BASE, List.of("monhost", "pool", "data-pool", "namespace", "username", "krbd", "keyring", "bwlimit")))),
            Map.entry(StorageManage.Type.iscsi, new Options(List.of("portal", "target"), List.of(), join(BASE, List.of("bwlimit")))),
            Map.entry(StorageManage.Type.iscsidirect, new Options(List.of("portal", "target"), List.of(),
                    join(BASE, List.of("bwlimit")))),
            Map.entry(StorageManage.Type.zfs, new Options(List.of("portal", "target", "pool", "blocksize", "iscsiprovider"), List.of(),
                    join(BASE, List.of("nowritecache", "sparse", "comstar_hg", "comstar_tg", "lio_tpg", "bwlimit",
                            "zfs-base-path")))));

    /** Every setting some type can change after creation: what an update may carry. */
    static final Set<String> CHANGEABLE = BY_TYPE.values().stream().flatMap(o -> o.changeable().stream())
            .collect(Collectors.toCollection(TreeSet::new));

    private StorageOptions() {
    }

    /** The settings of a new storage of that type in wire form; unknown or missing ones are an input error. */
    static Map<String, String> forCreate(StorageManage.Type type, Map<String, Object> settings) {
        Options options = BY_TYPE.get(type);
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(options.all());
        if (!unknown.isEmpty()) {
            throw new ToolInputException("settings " + unknown + " do not apply to type=" + type + "; it takes " + options.all());
        }
        List<String> missing = options.required().stream().filter(name -> !settings.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new ToolInputException("type=" + type + " needs settings " + String.join(" and ", missing));
        }
        return wire(settings);
    }

    /** The form of an update: the settings given, and those given as null in {@code delete}; only changeable ones. */
    static Map<String, String> forUpdate(Map<String, Object> settings) {
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(CHANGEABLE);
        if (!unknown.isEmpty()) {
            throw new ToolInputException(unknown + " cannot be changed on an existing storage (settings fixed at creation, or "
                    + "not storage settings); changeable: " + CHANGEABLE);
        }
        Map<String, Object> set = new LinkedHashMap<>(settings);
        set.values().removeIf(Objects::isNull);
        List<String> removed = settings.keySet().stream().filter(name -> settings.get(name) == null).sorted().toList();
        return Params.create().putAll(wire(set)).delete(removed).map();
    }

    private static Map<String, String> wire(Map<String, Object> settings) {
        Params params = Params.create();
        settings.forEach((name, value) -> {
            if (value == null) {
                throw new ToolInputException("settings." + name + ": null removes a setting, on update only");
            }
            if (value instanceof Map<?, ?>) {
                throw new ToolInputException("settings." + name + " must be a string, number, boolean or list");
            }
            params.put(name, Retention.FIELD.equals(name) ? Retention.checked(String.valueOf(value)) : value);
        });
        return params.map();
    }

    @SafeVarargs
    private static List<String> join(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }
}
