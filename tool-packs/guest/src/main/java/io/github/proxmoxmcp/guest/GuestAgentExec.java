package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.ProxmoxConfiguration;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_agent_exec}: run a command in a VM through the guest agent and wait for its output. */
final class GuestAgentExec {

    static final int MAX_OUTPUT = 8000;

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @NotNull @NotEmpty(groups = Unlisted.class) List<String> command,
            @JsonPropertyDescription("stdin") String input,
            @JsonPropertyDescription("Default 60") @Min(value = 1, groups = Unlisted.class) @Max(value = 3600, groups = Unlisted.class) Integer timeout) {
    }

    private GuestAgentExec() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_agent_exec",
                "Run a command in a VM via the guest agent: exit code and output.",
                Input.class, ToolHints.WRITE, GuestAgentExec::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        GuestClient client = context.bean(GuestClient.class);
        // command is an array parameter: one command= pair per element, which a Map body cannot hold.
        String body = input.command().stream().map(part -> "command=" + encode(part)).collect(Collectors.joining("&"))
                + (input.input() == null ? "" : "&input-data=" + encode(input.input()));
        int seconds = input.timeout() == null ? 60 : input.timeout();
        Duration interval = context.bean(ProxmoxConfiguration.class).taskPollInterval();
        return GuestLocator.locate(new QemuTarget(input.vmid(), input.node()), context).flatMap(g ->
                client.agentExec(g.node(), g.vmid(), body).flatMap(started -> {
                    long pid = Json.number(started.dataOrNull(), "pid").orElse(-1L);
                    Mono<JsonNode> status = Mono.defer(() -> client.agentExecStatus(g.node(), g.vmid(), pid))
                            .map(r -> r.dataOrNull());
                    return status.repeatWhen(done -> done.delayElements(interval))
                            .filter(s -> Json.flag(s, "exited"))
                            .next()
                            .map(s -> ToolResult.ok(render(s)))
                            .timeout(Duration.ofSeconds(seconds), Mono.fromSupplier(() -> ToolResult.error(
                                    "command still running after " + seconds + "s (pid " + pid + " in " + g.label()
                                            + "); its output is no longer collected")));
                }));
    }

    static String render(JsonNode s) {
        StringBuilder out = new StringBuilder("exit code: ").append(Json.text(s, "exitcode", "?"));
        if (Json.field(s, "signal") != null) {
            out.append(" (signal ").append(Json.text(s, "signal")).append(')');
        }
        stream(out, "stdout", Json.text(s, "out-data"), Json.flag(s, "out-truncated"));
        stream(out, "stderr", Json.text(s, "err-data"), Json.flag(s, "err-truncated"));
        return out.toString();
    }

    private static void stream(StringBuilder out, String name, String data, boolean truncated) {
        if (data == null || data.isEmpty()) {
            return;
        }
        boolean cut = truncated || data.length() > MAX_OUTPUT;
        out.append('\n').append(name).append(":\n").append(data.length() > MAX_OUTPUT ? data.substring(0, MAX_OUTPUT) : data.stripTrailing());
        if (cut) {
            out.append("\n… ").append(name).append(" truncated");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
