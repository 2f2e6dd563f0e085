package io.github.proxmoxmcp.ha;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A table of HA resources: the given leading columns, then GROUP (PVE 8) and FAILBACK (PVE 9) each only when some
 * resource has the field, then COMMENT. A resource without failback has the default, yes.
 */
final class ResourceTable {

    private ResourceTable() {
    }

    static String render(List<JsonNode> resources, List<String> headers, Function<JsonNode, List<Object>> leading) {
        boolean groups = resources.stream().anyMatch(r -> Json.field(r, "group") != null);
        boolean failback = resources.stream().anyMatch(r -> Json.field(r, "failback") != null);
        List<String> all = new ArrayList<>(headers);
        if (groups) {
            all.add("GROUP");
        }
        if (failback) {
            all.add("FAILBACK");
        }
        all.add("COMMENT");
        Table table = Table.of(all.toArray(String[]::new));
        for (JsonNode r : resources) {
            List<Object> row = new ArrayList<>(leading.apply(r));
            if (groups) {
                row.add(Json.text(r, "group"));
            }
            if (failback) {
                row.add(Json.field(r, "failback") == null ? "yes" : Text.yesNo(r, "failback"));
            }
            row.add(Json.text(r, "comment"));
            table.row(row.toArray());
        }
        return table.render();
    }
}
