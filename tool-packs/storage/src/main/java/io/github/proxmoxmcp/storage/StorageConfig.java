package io.github.proxmoxmcp.storage;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.text.KeyValues;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** How a storage configuration is shown: its secrets never, its source (path, server, pool...) in one cell. */
final class StorageConfig {

    /**
     * Write-only settings: Proxmox keeps passwords, keyrings and keys outside storage.cfg and does not return them,
     * and the PBS certificate fingerprint is treated the same; should any come back, only its presence is shown.
     */
    static final Set<String> WRITE_ONLY = Set.of("password", "keyring", "encryption-key", "master-pubkey", "fingerprint");

    private StorageConfig() {
    }

    /** {@code key: value} lines of one storage's configuration, write-only values replaced by {@code (hidden)}. */
    static String shown(JsonNode config) {
        if (!config.isObject()) {
            return KeyValues.of(config);
        }
        Map<String, JsonNode> visible = new LinkedHashMap<>();
        config.entries().forEach(e -> visible.put(e.getKey(), WRITE_ONLY.contains(e.getKey())
                ? JsonNode.createStringNode("(hidden)") : e.getValue()));
        return KeyValues.of(JsonNode.createObjectNode(visible));
    }

    /** Where the storage's data lives, as its type names it. */
    static String source(JsonNode s) {
        String type = Json.text(s, "type", "");
        String server = Json.text(s, "server");
        return switch (type) {
            case "nfs" -> server + ":" + Json.text(s, "export", "");
            case "cifs" -> "//" + server + "/" + Json.text(s, "share", "") + sub(Json.text(s, "subdir"));
            case "pbs" -> server + ":" + Json.text(s, "datastore", "") + sub(Json.text(s, "namespace"));
            case "esxi" -> server;
            case "lvm" -> Json.text(s, "vgname");
            case "lvmthin" -> Json.text(s, "vgname") + "/" + Json.text(s, "thinpool", "");
            case "zfspool" -> Json.text(s, "pool");
            case "rbd" -> Json.text(s, "pool", "rbd") + (Json.text(s, "monhost") == null ? "" : " @" + Json.text(s, "monhost"));
            case "cephfs" -> Json.text(s, "fs-name", "cephfs") + (Json.text(s, "monhost") == null ? "" : " @" + Json.text(s, "monhost"));
            case "iscsi", "iscsidirect" -> Json.text(s, "portal") + " " + Json.text(s, "target", "");
            case "zfs" -> Json.text(s, "portal") + " " + Json.text(s, "target", "") + " " + Json.text(s, "pool", "");
            default -> Json.text(s, "path");
        };
    }

    private static String sub(String part) {
        return part == null || part.isBlank() ? "" : "/" + part.replaceFirst("^/", "");
    }
}
