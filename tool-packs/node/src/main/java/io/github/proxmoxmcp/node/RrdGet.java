package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_rrd_get}: min/avg/max of each node metric over a time frame. */
final class RrdGet {

    static final int MAX_METRICS = 40;

    enum Timeframe { hour, day, week, month, year, decade }

    enum Cf { AVERAGE, MAX }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @JsonPropertyDescription("Default hour") Timeframe timeframe,
                 @JsonPropertyDescription("Default AVERAGE") Cf cf) {
    }

    private RrdGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_node_rrd_get",
                "Node metrics (CPU, memory, load, net...): min/avg/max over a time frame.",
                Input.class, RrdGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        Timeframe timeframe = input.timeframe() == null ? Timeframe.hour : input.timeframe();
        var params = Params.create().put("timeframe", timeframe).put("cf", input.cf()).map();
        return context.bean(NodeClient.class).rrddata(node, params)
                .map(response -> ToolResult.ok(summary(response.list(), timeframe, input.cf() == null ? Cf.AVERAGE : input.cf())));
    }

    private static String summary(List<JsonNode> points, Timeframe timeframe, Cf cf) {
        Map<String, Stats> metrics = new TreeMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (JsonNode point : points) {
            for (var entry : point.entries()) {
                if (entry.getKey().equals("time")) {
                    long time = Json.number(point, "time").orElse(0L);
                    first = Math.min(first, time);
                    last = Math.max(last, time);
                } else {
                    Json.decimal(point, entry.getKey()).ifPresent(v -> metrics.computeIfAbsent(entry.getKey(), k -> new Stats()).add(v));
                }
            }
        }
        if (metrics.isEmpty()) {
            return "no data for timeframe " + timeframe;
        }
        Table table = Table.of("METRIC", "MIN", "AVG", "MAX");
        metrics.forEach((name, s) -> table.row(name, value(name, s.min), value(name, s.sum / s.count), value(name, s.max)));
        return timeframe + " " + cf + ", " + points.size() + " points, " + Format.time(first) + " to " + Format.time(last)
                + "\n" + table.render(MAX_METRICS);
    }

    /** Units by metric name: fractions as percent, network as bytes per second, sizes as bytes. */
    private static String value(String metric, double v) {
        if (metric.equals("cpu") || metric.equals("iowait")) {
            return Format.percent(v);
        }
        if (metric.startsWith("net")) {
            return Format.bytes(Math.round(v)) + "/s";
        }
        if (metric.matches(".*(mem|root|swap|arc|used|total|size|avail|free).*")) {
            return Format.bytes(Math.round(v));
        }
        return Format.number(v);
    }

    private static final class Stats {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double sum;
        int count;

        void add(double v) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            count++;
        }
    }
}
