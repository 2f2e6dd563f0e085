package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.POOL;
import static io.github.proxmoxmcp.core.id.PveFormat.TAG;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_list}: every VM and container of the cluster from one {@code /cluster/resources} call. */
final class GuestList {

    @Serdeable
    record Input(
            @PveId(NODE) String node,
            GuestType type,
            String status,
            @PveId(TAG) String tag,
            @PveId(POOL) String pool,
            @JsonPropertyDescription("Glob") String name,
            @Min(value = 1, groups = Unlisted.class) @Max(value = 5000, groups = Unlisted.class) Integer limit) {
    }

    private GuestList() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_guest_list",
                "List guests cluster-wide, filtered.",
                Input.class, GuestList::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Pattern name = input.name() == null ? null : glob(input.name());
        return context.bean(GuestClient.class).resources("vm").map(response -> {
            Table table = Table.of("VMID", "TYPE", "NAME", "NODE", "STATUS", "CPU", "MEM", "UPTIME", "TAGS");
            response.list().stream()
                    .filter(g -> input.node() == null || input.node().equals(Json.text(g, "node")))
                    .filter(g -> input.type() == null || input.type().name().equals(Json.text(g, "type")))
                    .filter(g -> input.status() == null || input.status().equalsIgnoreCase(shownStatus(g)))
                    .filter(g -> input.tag() == null || tags(g).contains(input.tag().toLowerCase(Locale.ROOT)))
                    .filter(g -> input.pool() == null || input.pool().equals(Json.text(g, "pool")))
                    .filter(g -> name == null || name.matcher(Json.text(g, "name", "")).matches())
                    .sorted(Comparator.comparingLong(g -> Json.number(g, "vmid").orElse(0L)))
                    .forEach(g -> table.row(
                            Json.text(g, "vmid"),
                            Json.text(g, "type"),
                            Json.text(g, "name"),
                            Json.text(g, "node"),
                            shownStatus(g),
                            running(g) ? Format.percent(Json.decimal(g, "cpu").orElse(null)) : "-",
                            running(g) ? Format.usage(Json.number(g, "mem").orElse(null), Json.number(g, "maxmem").orElse(null))
                                    : Format.bytes(Json.number(g, "maxmem").orElse(null)),
                            running(g) ? Format.duration(Json.number(g, "uptime").orElse(null)) : "-",
                            Json.text(g, "tags", "").replace(';', ',')));
            if (table.size() == 0) {
                return ToolResult.ok("No guests match.");
            }
            return ToolResult.ok(table.render(input.limit() == null ? 100 : input.limit()));
        });
    }

    private static boolean running(JsonNode guest) {
        return "running".equals(Json.text(guest, "status"));
    }

    /** The status as listed and filtered: templates are never started, so they show as {@code template}. */
    private static String shownStatus(JsonNode guest) {
        return Json.flag(guest, "template") ? "template" : Json.text(guest, "status", "");
    }

    private static java.util.List<String> tags(JsonNode guest) {
        return Arrays.stream(Json.text(guest, "tags", "").toLowerCase(Locale.ROOT).split("[;, ]"))
                .filter(t -> !t.isEmpty()).toList();
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
