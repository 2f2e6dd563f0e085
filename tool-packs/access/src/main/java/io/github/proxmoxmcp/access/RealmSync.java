package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.id.PveFormat.REALM;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.TaskClient;
import io.github.proxmoxmcp.core.task.TaskOutcome;
import io.github.proxmoxmcp.core.task.Tasks;
import io.github.proxmoxmcp.core.task.Upid;
import io.github.proxmoxmcp.core.text.Format;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_access_realm_sync}: sync users and groups from an LDAP or AD realm. A dry run by default: it
 * writes nothing and its task log says what a real sync would add, change or remove; the real one needs
 * {@code dry-run: false} and {@code confirm}, since {@code remove-vanished} deletes users, groups or ACL entries.
 */
final class RealmSync {

    enum Scope { users, groups, both }

    enum Vanished { acl, properties, entry, none }

    private static final int LOG_LINES = 60;

    @Serdeable
    record Input(@NotNull @PveId(REALM) String realm,
                 Scope scope,
                 @JsonProperty("remove-vanished") List<Vanished> removeVanished,
                 @JsonProperty("enable-new") Boolean enableNew,
                 @JsonProperty("dry-run") Boolean dryRun,
                 Boolean confirm) implements Confirmable, TaskInput {

        boolean real() {
            return Boolean.FALSE.equals(dryRun);
        }

        /** A sync takes seconds: it is always awaited, for the default time. */
        @Override
        public Boolean waitForTask() {
            return null;
        }

        @Override
        public Integer timeout() {
            return null;
        }
    }

    private RealmSync() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_access_realm_sync",
                        "Sync users/groups from LDAP/AD: a dry run, unless dry-run false (confirm).",
                        Input.class, ToolHints.DESTRUCTIVE, RealmSync::handle)
                .confirmWhen(Input::real);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String realm = input.realm();
        var form = Params.create().put("scope", input.scope()).put("remove-vanished", vanished(input.removeVanished()))
                .put("enable-new", input.enableNew()).put("dry-run", !input.real()).map();
        Mono<PveResponse> started = context.bean(AccessClient.class).syncRealm(realm, form);
        if (input.real()) {
            return Tasks.finish(started, input, context, "sync of realm " + realm);
        }
        String what = "dry run of the sync of realm " + realm;
        return started.flatMap(response -> {
            Upid upid = Upid.parse(response.string()).orElse(null);
            if (upid == null) {
                return Tasks.finish(Mono.just(response), input, context, what);
            }
            return context.tasks().await(upid.value(), input.waitTimeout(), context.progress())
                    .flatMap(outcome -> outcome.succeeded() ? withLog(what, outcome, upid, context)
                            : Mono.just(outcome.state() == TaskOutcome.State.RUNNING
                                    ? ToolResult.ok(what + ": " + outcome.describe())
                                    : ToolResult.error(what + ": " + outcome.describe())));
        });
    }

    /** The dry run's log is its result: the users and groups a real sync would add, update or remove. */
    private static Mono<ToolResult> withLog(String what, TaskOutcome outcome, Upid upid, ToolContext context) {
        return context.bean(TaskClient.class).log(upid.node(), upid.value(), 0, 1000).map(log -> {
            List<String> lines = log.list().stream().map(line -> Json.text(line, "t", ""))
                    .filter(line -> !line.isBlank() && !line.startsWith("TASK ")).toList();
            return ToolResult.ok(what + ": " + outcome.describe() + "\n" + Format.lines(lines, LOG_LINES)
                    + "\nNothing was changed. Sync for real with dry-run: false and confirm: true.");
        });
    }

    /** Proxmox separates the things to remove with {@code ;}, not {@code ,}. */
    private static String vanished(List<Vanished> vanished) {
        if (vanished == null || vanished.isEmpty()) {
            return null;
        }
        if (vanished.contains(Vanished.none) && vanished.size() > 1) {
            throw new ToolInputException("remove-vanished: none cannot be combined with acl, properties or entry");
        }
        return vanished.stream().distinct().map(Enum::name).collect(Collectors.joining(";"));
    }
}
