package io.github.proxmoxmcp.firewall;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_firewall_log_get}: the newest lines of a node's or guest's firewall log. Proxmox pages the log
 * oldest first and says how many lines it holds, so one line is read for the count, then the last page.
 */
final class FirewallLog {

    static final int DEFAULT_LIMIT = 50;
    /** The line Proxmox sends in place of an empty log. */
    private static final String NO_CONTENT = "no content";

    @Serdeable
    record Input(@JsonPropertyDescription("node/N or guest/VMID") String scope,
                 Integer limit,
                 Long since,
                 Long until) {
    }

    private FirewallLog() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_firewall_log_get",
                "Firewall log, newest first; since, until: epoch seconds.",
                Input.class, FirewallLog::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Targets.atLeast(input.limit(), 1, "limit");
        Targets.atLeast(input.since(), 0, "since");
        Targets.atLeast(input.until(), 0, "until");
        int limit = input.limit() == null ? DEFAULT_LIMIT : input.limit();
        FirewallClient client = context.bean(FirewallClient.class);
        return Targets.resolve(Place.parse(input.scope(), Scope.node), EnumSet.of(Scope.node, Scope.guest), "logs", context).flatMap(t ->
                client.log(t.root(), 0, 1, input.since(), input.until()).flatMap(first -> {
                    long total = first.total() == null ? first.lines().size() : first.total();
                    if (total <= 1) {
                        return Mono.just(render(first.lines(), total, t));
                    }
                    long start = Math.max(0, total - limit);
                    return client.log(t.root(), start, limit, input.since(), input.until())
                            .map(last -> render(last.lines(), total, t));
                }));
    }

    private static ToolResult render(List<JsonNode> page, long total, Target t) {
        List<String> lines = new ArrayList<>();
        page.forEach(line -> lines.add(Json.text(line, "t", "")));
        if (lines.isEmpty() || lines.size() == 1 && total <= 1 && NO_CONTENT.equals(lines.getFirst())) {
            return ToolResult.ok("firewall log of " + t.label() + ": no lines");
        }
        List<String> newestFirst = new ArrayList<>(lines.reversed());
        String head = "firewall log of " + t.label() + ", newest first";
        long older = total - lines.size();
        String text = head + ":\n" + String.join("\n", newestFirst);
        return ToolResult.ok(older > 0 ? text + "\n… " + older + " older lines (raise limit or narrow with since/until)" : text);
    }
}
