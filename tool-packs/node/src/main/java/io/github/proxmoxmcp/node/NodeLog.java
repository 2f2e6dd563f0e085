package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_log_get}: the node's syslog or systemd journal, bounded. */
final class NodeLog {

    static final int DEFAULT_LIMIT = 100;
    private static final java.util.regex.Pattern SYSLOG_TIME =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}(:\\d{2})?)?");
    private static final java.util.regex.Pattern EPOCH = java.util.regex.Pattern.compile("\\d{1,12}");

    enum Source { syslog, journal }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @JsonPropertyDescription("Default syslog") Source source,
                 @JsonPropertyDescription("syslog: YYYY-MM-DD[ HH:MM[:SS]]; journal: epoch") String since,
                 String until,
                 @Min(1) @JsonPropertyDescription("Default 100") Integer limit,
                 @JsonPropertyDescription("syslog") Integer start,
                 @JsonPropertyDescription("syslog") String service,
                 @JsonPropertyDescription("journal") String startcursor,
                 @JsonPropertyDescription("journal") String endcursor) {
    }

    private NodeLog() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_node_log_get",
                "Node syslog or journal lines, newest by default.",
                Input.class, NodeLog::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        int limit = input.limit() == null ? DEFAULT_LIMIT : input.limit();
        NodeClient client = context.bean(NodeClient.class);
        if (input.source() == Source.journal) {
            return client.journal(node, journalParams(input, limit)).map(response -> ToolResult.ok(journal(response, limit)));
        }
        Params params = syslogParams(input);
        if (input.start() != null) {
            return client.syslog(node, params.put("start", input.start()).put("limit", limit).map())
                    .map(response -> ToolResult.ok(syslog(response, input.start(), limit)));
        }
        // Proxmox reads the log from its start: count the lines first, then read the last limit of them
        return client.syslog(node, syslogParams(input).put("limit", 1).map()).flatMap(count -> {
            if (count.total() != null && count.total() == 0) {
                return Mono.just(ToolResult.ok("no log lines"));
            }
            long start = Math.max(0, (count.total() == null ? 0 : count.total()) - limit);
            return client.syslog(node, params.put("start", start).put("limit", limit).map())
                    .map(response -> ToolResult.ok(syslog(response, start, limit)));
        });
    }

    private static Params syslogParams(Input input) {
        if (input.startcursor() != null || input.endcursor() != null) {
            throw new ToolInputException("startcursor/endcursor are for source=journal");
        }
        check(input.since(), SYSLOG_TIME, "since", "YYYY-MM-DD[ HH:MM[:SS]] for source=syslog");
        check(input.until(), SYSLOG_TIME, "until", "YYYY-MM-DD[ HH:MM[:SS]] for source=syslog");
        return Params.create().put("since", input.since()).put("until", input.until()).put("service", input.service());
    }

    private static java.util.Map<String, String> journalParams(Input input, int limit) {
        if (input.start() != null || input.service() != null) {
            throw new ToolInputException("start and service are for source=syslog");
        }
        if (input.since() != null && input.startcursor() != null || input.until() != null && input.endcursor() != null) {
            throw new ToolInputException("use since or startcursor, until or endcursor, not both");
        }
        check(input.since(), EPOCH, "since", "a UNIX epoch for source=journal");
        check(input.until(), EPOCH, "until", "a UNIX epoch for source=journal");
        // as the web UI pages back: the last entries before until/endcursor; a read from since/startcursor is cut here
        boolean fromStart = input.since() != null || input.startcursor() != null;
        return Params.create().put("since", input.since()).put("until", input.until())
                .put("startcursor", input.startcursor()).put("endcursor", input.endcursor())
                .put("lastentries", fromStart ? null : limit).map();
    }

    private static void check(String value, java.util.regex.Pattern format, String field, String expected) {
        if (value != null && !format.matcher(value).matches()) {
            throw new ToolInputException(field + " must be " + expected);
        }
    }

    /** Syslog lines are {@code {n, t}} objects; Proxmox answers an empty range with one "no content" line. */
    private static String syslog(PveResponse response, long start, int limit) {
        List<String> lines = response.list().stream().map(line -> Json.text(line, "t", "")).toList();
        if (response.total() != null && response.total() == 0) {
            return "no log lines";
        }
        long total = response.total() == null ? start + lines.size() : response.total();
        String text = Format.lines(lines, limit);
        if (start > 0) {
            text += "\n… " + start + " older lines (start=" + Math.max(0, start - limit) + " for the page before)";
        }
        long after = total - start - lines.size();
        return after > 0 ? text + "\n… " + after + " newer lines (start=" + (start + lines.size()) + ")" : text;
    }

    /** Journal lines are plain strings, the first and last being the cursors of the range read (as the web UI takes them). */
    private static String journal(PveResponse response, int limit) {
        List<String> lines = response.list().stream().map(NodeLog::text).toList();
        if (lines.size() < 2) {
            return lines.isEmpty() ? "no journal entries" : lines.getFirst();
        }
        List<String> entries = lines.subList(1, lines.size() - 1);
        String text = entries.isEmpty() ? "no journal entries" : Format.lines(entries, limit);
        return text + "\nolder: endcursor=" + lines.getFirst() + "\nnewer: startcursor=" + lines.getLast();
    }

    private static String text(JsonNode line) {
        return line.isValueNode() ? line.coerceStringValue() : line.toString();
    }
}
