package io.github.proxmoxmcp.notifications;

import static io.github.proxmoxmcp.core.id.PveFormat.NOTIFICATION;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_notification_matcher_manage}: create, update or delete a matcher, which sends the notifications
 * it matches to its targets. It matches on severity, on metadata fields ({@code exact:type=vzdump},
 * {@code regex:hostname=pve.*}) and on the time ({@code mon-fri 9-17}), all or any of them ({@code mode}),
 * optionally inverted. Settings are the Proxmox options; on update null clears one.
 */
final class MatcherManage {

    enum Action { create, update, delete }

    static final Map<String, Options.Option> OPTIONS = Options.withCommon(Map.of(
            "target", Options.TARGETS,
            "match-severity", Options.SEVERITIES,
            "match-field", Options.FIELDS,
            "match-calendar", Options.CALENDARS,
            "mode", Options.choice("all", "any"),
            "invert-match", Options.FLAG));

    private static final String WHAT = "a matcher";

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull @PveId(NOTIFICATION) String name,
                 @JsonPropertyDescription("target, match-severity, match-field, match-calendar, mode, invert-match, "
                         + "disable, comment; update: null clears") Map<String, Object> settings,
                 Boolean confirm) implements Confirmable {
    }

    private MatcherManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_notification_matcher_manage",
                        "Create/update/delete (confirm) a matcher: notifications it matches go to its targets.",
                        Input.class, ToolHints.DESTRUCTIVE, MatcherManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        NotificationClient client = context.bean(NotificationClient.class);
        String name = input.name();
        Map<String, Object> settings = input.settings() == null ? Map.of() : input.settings();
        return switch (input.action()) {
            case create -> {
                Params form = Options.create(Params.create().put("name", name), OPTIONS, List.of("target"), settings, WHAT);
                yield client.createMatcher(form.form()).thenReturn(ToolResult.ok("matcher " + name + " created: "
                        + "what it matches goes to " + String.join(", ", targets(settings.get("target")))));
            }
            case update -> {
                if (settings.isEmpty()) {
                    throw new ToolInputException("action=update needs settings");
                }
                yield client.updateMatcher(name, Options.update(OPTIONS, List.of(), settings, WHAT).form())
                        .thenReturn(ToolResult.ok("matcher " + name + " updated: " + Options.changed(settings)));
            }
            case delete -> {
                if (!settings.isEmpty()) {
                    throw new ToolInputException("action=delete does not take settings");
                }
                yield client.deleteMatcher(name).thenReturn(ToolResult.ok("matcher " + name + " deleted"));
            }
        };
    }

    private static List<String> targets(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
    }
}
