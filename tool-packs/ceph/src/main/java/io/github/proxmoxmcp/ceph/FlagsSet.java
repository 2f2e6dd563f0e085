package io.github.proxmoxmcp.ceph;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_ceph_flags_set}: set or clear cluster flags, e.g. noout before a node's maintenance and cleared
 * after it. Setting a flag that stops client I/O, recovery or OSD state changes (pause, noup, nodown, noin,
 * nobackfill, norecover) needs confirm.
 */
final class FlagsSet {

    static final List<String> FLAGS = List.of("nobackfill", "nodeep-scrub", "nodown", "noin", "noout", "norebalance",
            "norecover", "noscrub", "notieragent", "noup", "pause");
    static final Set<String> DISRUPTIVE = Set.of("pause", "noup", "nodown", "noin", "nobackfill", "norecover");

    @Serdeable
    record Input(@JsonPropertyDescription("e.g. {\"noout\":true}; false clears") Map<String, Boolean> flags,
                 Boolean confirm) implements Confirmable {
    }

    private FlagsSet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_ceph_flags_set",
                        "Set/clear Ceph flags (noout before maintenance); pause, noup, nodown, noin, norecover, nobackfill need confirm.",
                        Input.class, ToolHints.DESTRUCTIVE, FlagsSet::handle)
                .confirmWhen(in -> in.flags() != null && in.flags().entrySet().stream()
                        .anyMatch(f -> Boolean.TRUE.equals(f.getValue()) && DISRUPTIVE.contains(f.getKey())));
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (input.flags() == null || input.flags().isEmpty()) {
            throw new ToolInputException("flags is required, e.g. {\"noout\":true} to set noout, {\"noout\":false} to clear it");
        }
        Map<String, Boolean> flags = new TreeMap<>(input.flags());
        flags.forEach((flag, value) -> {
            if (!FLAGS.contains(flag) || value == null) {
                throw new ToolInputException("flags: give flag: true or false for flags among " + String.join(", ", FLAGS)
                        + "; got " + flag + ": " + value);
            }
        });
        List<String> set = flags.keySet().stream().filter(flags::get).toList();
        List<String> clear = flags.keySet().stream().filter(f -> !flags.get(f)).toList();
        CephClient client = context.bean(CephClient.class);
        String what = (set.isEmpty() ? "" : "set " + String.join(",", set)) + (set.isEmpty() || clear.isEmpty() ? "" : ", ")
                + (clear.isEmpty() ? "" : "cleared " + String.join(",", clear));
        String after = set.contains("noout") ? "; clear noout after the maintenance ({\"noout\":false})" : "";
        if (flags.size() == 1) {
            String flag = flags.keySet().iterator().next();
            return client.setFlag(flag, Params.create().put("value", flags.get(flag)).map())
                    .thenReturn(ToolResult.ok("Ceph flags: " + what + after));
        }
        Params form = Params.create().putAll(flags);
        return Tasks.finish(client.setFlags(form.map()), TaskInput.WAIT, context, "Ceph flags " + what)
                .map(r -> r.error() ? r : ToolResult.ok(r.text() + after));
    }
}
