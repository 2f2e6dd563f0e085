package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.SNAPSHOT;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.OptionKeys;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.Guest;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.KeyValues;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_get}: one guest's live status, configuration, pending changes or RRD history. */
final class GuestGet {

    @Serdeable
    enum View { status, config, pending, rrd }

    /** The keys of {@code options}: parameters of the config and rrddata endpoints. */
    private static final Map<View, OptionKeys> OPTIONS = Map.of(
            View.status, OptionKeys.of("options", "view=status"),
            View.config, OptionKeys.of("options", "view=config").bool("current").id("snapshot", SNAPSHOT),
            View.pending, OptionKeys.of("options", "view=pending"),
            View.rrd, OptionKeys.of("options", "view=rrd").oneOf("timeframe", "hour", "day", "week", "month", "year")
                    .oneOf("cf", "AVERAGE", "MAX"));

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            View view,
            @JsonPropertyDescription("timeframe, cf, current...") Map<String, Object> options) implements GuestTarget {
    }

    private GuestGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_guest_get",
                "A guest by view (default status); config has the digest.",
                Input.class, GuestGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        GuestClient client = context.bean(GuestClient.class);
        View view = input.view() == null ? View.status : input.view();
        Map<String, String> options = OPTIONS.get(view).wire(input.options());
        return GuestLocator.locate(input, context).flatMap(g -> switch (view) {
            case status -> client.status(g.node(), g.path(), g.vmid())
                    .map(r -> ToolResult.ok(status(g, r.dataOrNull())));
            case config -> client.config(g.node(), g.path(), g.vmid(), Params.create()
                            .putAll(options).map())
                    .map(r -> ToolResult.ok(g.label() + " on " + g.node() + " config:\n" + KeyValues.of(r.data())));
            case pending -> client.pending(g.node(), g.path(), g.vmid()).map(r -> ToolResult.ok(pending(g, r.list())));
            case rrd -> {
                String timeframe = options.getOrDefault("timeframe", "hour");
                yield client.rrddata(g.node(), g.path(), g.vmid(), Params.create()
                                .putAll(options).put("timeframe", timeframe).map())
                        .map(r -> ToolResult.ok(rrd(g, timeframe, r.list())));
            }
        });
    }

    static String status(Guest g, JsonNode s) {
        List<String> lines = new ArrayList<>();
        lines.add(g.label() + " \"" + Json.text(s, "name", "") + "\" on " + g.node());
        String status = Json.text(s, "status", "?");
        String qmp = Json.text(s, "qmpstatus");
        lines.add("status: " + status + (qmp != null && !qmp.equals(status) ? " (" + qmp + ")" : "")
                + (Json.flag(s, "template") ? ", template" : ""));
        lines.add("uptime: " + Format.duration(Json.number(s, "uptime").orElse(null)));
        lines.add("cpu: " + Format.percent(Json.decimal(s, "cpu").orElse(null)) + " of " + Json.text(s, "cpus", "?") + " cpus");
        lines.add("memory: " + (Json.field(s, "mem") == null ? Format.bytes(Json.number(s, "maxmem").orElse(null))
                : Format.usage(Json.number(s, "mem").orElse(null), Json.number(s, "maxmem").orElse(null))));
        lines.add("disk: " + (g.qemu() ? Format.bytes(Json.number(s, "maxdisk").orElse(null))
                : Format.usage(Json.number(s, "disk").orElse(null), Json.number(s, "maxdisk").orElse(null))));
        lines.add("net in/out: " + Format.bytes(Json.number(s, "netin").orElse(null)) + " / "
                + Format.bytes(Json.number(s, "netout").orElse(null)));
        optional(lines, "lock", Json.text(s, "lock"));
        optional(lines, "tags", Json.text(s, "tags"));
        JsonNode ha = Json.field(s, "ha");
        if (ha != null && Json.flag(ha, "managed")) {
            lines.add("ha: " + Json.text(ha, "state", "managed"));
        }
        if (g.qemu()) {
            optional(lines, "agent", Json.field(s, "agent") == null ? null : Json.flag(s, "agent") ? "enabled" : "disabled");
            optional(lines, "qemu", Json.text(s, "running-qemu"));
            optional(lines, "machine", Json.text(s, "running-machine"));
        }
        return String.join("\n", lines);
    }

    private static void optional(List<String> lines, String key, String value) {
        if (value != null && !value.isEmpty()) {
            lines.add(key + ": " + value);
        }
    }

    static String pending(Guest g, List<JsonNode> items) {
        Table table = Table.of("KEY", "VALUE", "PENDING", "DELETE");
        items.stream()
                .filter(i -> Json.field(i, "pending") != null || Json.field(i, "delete") != null)
                .forEach(i -> table.row(Json.text(i, "key"), Json.text(i, "value"), Json.text(i, "pending"),
                        Json.field(i, "delete") == null ? "-" : Json.flag(i, "delete") ? "yes" : "no"));
        return table.size() == 0 ? g.label() + ": no pending changes" : g.label() + " pending changes:\n" + table.render();
    }

    static String rrd(Guest g, String timeframe, List<JsonNode> points) {
        if (points.isEmpty()) {
            return g.label() + ": no RRD data for " + timeframe;
        }
        Table table = Table.of("METRIC", "AVG", "MAX", "LAST");
        metric(table, points, "cpu", v -> Format.percent(v));
        metric(table, points, "mem", v -> Format.bytes(v.longValue()));
        metric(table, points, "netin", v -> Format.bytes(v.longValue()) + "/s");
        metric(table, points, "netout", v -> Format.bytes(v.longValue()) + "/s");
        metric(table, points, "diskread", v -> Format.bytes(v.longValue()) + "/s");
        metric(table, points, "diskwrite", v -> Format.bytes(v.longValue()) + "/s");
        return g.label() + " usage over the last " + timeframe + " (" + points.size() + " points):\n" + table.render();
    }

    private static void metric(Table table, List<JsonNode> points, String field, java.util.function.Function<Double, String> format) {
        List<Double> values = points.stream().map(p -> Json.decimal(p, field)).flatMap(Optional::stream).toList();
        if (values.isEmpty()) {
            return;
        }
        double avg = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        table.row(field.toLowerCase(Locale.ROOT), format.apply(avg), format.apply(max), format.apply(values.getLast()));
    }
}
