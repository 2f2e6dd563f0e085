package io.github.proxmoxmcp.firewall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of a firewall log: lines {@code {n, t}} oldest first from {@code start}, and {@code total}, the number
 * of lines the whole log (or the since/until window) holds, which Proxmox sends beside {@code data}.
 */
@Serdeable
public record FirewallLogPage(@Nullable JsonNode data, @Nullable Long total) {

    List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        if (data != null && data.isArray()) {
            data.values().forEach(lines::add);
        }
        return lines;
    }
}
