package io.github.proxmoxmcp.core.client;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/** The {@code {"data": ...}} envelope every Proxmox answer comes in; {@code total} where a paged list reports it. */
@Serdeable
public record PveResponse(@Nullable JsonNode data, @Nullable Long total) {

    @Creator
    public PveResponse {
    }

    public PveResponse(@Nullable JsonNode data) {
        this(data, null);
    }

    public JsonNode dataOrNull() {
        return data == null ? JsonNode.nullNode() : data;
    }

    /** The data as a list; an absent or non-array data is an empty list. */
    public List<JsonNode> list() {
        List<JsonNode> items = new ArrayList<>();
        if (data != null && data.isArray()) {
            data.values().forEach(items::add);
        }
        return items;
    }

    /** The data as a string: a UPID for task-starting calls, or null. */
    @Nullable
    public String string() {
        return data != null && data.isValueNode() && !data.isNull() ? data.coerceStringValue() : null;
    }
}
