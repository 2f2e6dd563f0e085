package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.id.PveFormat.TOKEN_NAME;
import static io.github.proxmoxmcp.core.id.PveFormat.USER;

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
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_access_user_get}: the users with their groups, tokens and TFA state, one user, a user's API tokens,
 * or TFA entries. Token secrets and passwords are never in what Proxmox answers here, and never shown.
 */
final class UserGet {

    enum View { users, user, tokens, tfa }

    @Serdeable
    record Input(@NotNull View view,
                 @PveId(USER) String userid,
                 @PveId(TOKEN_NAME) String tokenid,
                 Integer limit) {
    }

    private UserGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_access_user_get",
                "List users (groups, tokens, TFA state), read one, its API tokens, or TFA entries.",
                Input.class, UserGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        AccessClient client = context.bean(AccessClient.class);
        Fields fields = Fields.of("view=" + input.view()).with("userid", input.userid()).with("tokenid", input.tokenid())
                .with("limit", input.limit());
        int limit = Limits.of(input.limit());
        String userid = input.userid();
        return switch (input.view()) {
            case users -> {
                fields.allow("limit");
                yield client.users(Params.create().put("full", true).map()).map(r -> ToolResult.ok(users(r.list(), limit)));
            }
            case user -> {
                fields.allow("userid").require("userid");
                yield client.user(userid).map(r -> ToolResult.ok(user(userid, r.dataOrNull())));
            }
            case tokens -> {
                fields.allow("userid", "tokenid").require("userid");
                yield input.tokenid() == null
                        ? client.tokens(userid).map(r -> ToolResult.ok(tokens(userid, r.list())))
                        : client.token(userid, input.tokenid())
                                .map(r -> ToolResult.ok(token(userid + "!" + input.tokenid(), r.dataOrNull())));
            }
            case tfa -> {
                fields.allow("userid", "limit");
                yield userid == null
                        ? client.tfa().map(r -> ToolResult.ok(tfa(r.list(), limit)))
                        : client.userTfa(userid).map(r -> ToolResult.ok(userTfa(userid, r.list(), limit)));
            }
        };
    }

    // users

    private static String users(List<JsonNode> users, int limit) {
        Table table = Table.of("USERID", "ENABLED", "EXPIRE", "GROUPS", "TOKENS", "TFA", "NAME", "EMAIL", "COMMENT");
        users.stream().sorted(Comparator.comparing(u -> Json.text(u, "userid", ""))).forEach(u -> {
            List<String> tokens = new ArrayList<>();
            JsonNode list = Json.field(u, "tokens");
            if (list != null && list.isArray()) {
                list.values().forEach(t -> tokens.add(Json.text(t, "tokenid", "?")));
            }
            table.row(Json.text(u, "userid"), Text.yes(u, "enable"), Text.expire(u), Json.text(u, "groups"),
                    tokens.isEmpty() ? null : String.join(",", tokens), tfaState(u), name(u), Text.text(u, "email"),
                    Text.text(u, "comment"));
        });
        return table.size() == 0 ? "no users" : table.render(limit);
    }

    private static String user(String userid, JsonNode user) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("userid", userid);
        lines.put("enabled", Text.yes(user, "enable"));
        lines.put("expire", Text.expire(user));
        lines.put("groups", Text.joined(Json.field(user, "groups")));
        lines.put("name", name(user));
        lines.put("email", Text.text(user, "email"));
        lines.put("comment", Text.text(user, "comment"));
        lines.put("tfa", tfaState(user));
        JsonNode tokens = Json.field(user, "tokens");
        List<String> names = new ArrayList<>();
        List<JsonNode> rows = new ArrayList<>();
        if (tokens != null && tokens.isObject()) {
            tokens.entries().forEach(e -> {
                names.add(e.getKey());
                rows.add(e.getValue());
            });
        }
        return Text.lines(lines) + (names.isEmpty() ? "\ntokens: none" : "\ntokens:\n" + tokenTable(names, rows));
    }

    private static String name(JsonNode user) {
        String name = String.join(" ", Stream.of(Json.text(user, "firstname"), Json.text(user, "lastname"))
                .filter(s -> s != null && !s.isBlank()).toList());
        return name.isEmpty() ? null : name;
    }

    /** {@code keys} is {@code x} once a user has TFA entries (older releases kept OTP key ids there). */
    private static String tfaState(JsonNode user) {
        String keys = Json.text(user, "keys");
        String lock = lock(user);
        return (keys == null || keys.isBlank() ? "no" : "yes") + (lock == null ? "" : ", " + lock);
    }

    /** A lockout after too many failed attempts: of TOTP only, or of every second factor until a time. */
    private static String lock(JsonNode user) {
        List<String> lock = new ArrayList<>();
        if (Json.flag(user, "totp-locked")) {
            lock.add("TOTP locked");
        }
        Json.number(user, "tfa-locked-until").ifPresent(until -> lock.add("locked until " + Format.time(until)));
        return lock.isEmpty() ? null : String.join(", ", lock);
    }

    // tokens

    private static String tokens(String userid, List<JsonNode> tokens) {
        if (tokens.isEmpty()) {
            return userid + " has no API tokens";
        }
        return tokenTable(tokens.stream().map(t -> Json.text(t, "tokenid", "?")).toList(), tokens);
    }

    private static String tokenTable(List<String> names, List<JsonNode> tokens) {
        Table table = Table.of("TOKEN", "PRIVSEP", "EXPIRE", "COMMENT");
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            sorted.put(names.get(i), tokens.get(i));
        }
        sorted.forEach((name, t) -> table.row(name, Text.yes(t, "privsep"), Text.expire(t), Text.text(t, "comment")));
        return table.render();
    }

    private static String token(String fullId, JsonNode token) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("token", fullId);
        lines.put("privsep", Text.yes(token, "privsep"));
        lines.put("expire", Text.expire(token));
        lines.put("comment", Text.text(token, "comment"));
        return Text.lines(lines);
    }

    // TFA

    private static String tfa(List<JsonNode> users, int limit) {
        Table table = Table.of("USERID", "TYPE", "ID", "ENABLED", "CREATED", "DESCRIPTION");
        List<String> locked = new ArrayList<>();
        users.stream().sorted(Comparator.comparing(u -> Json.text(u, "userid", ""))).forEach(u -> {
            String userid = Json.text(u, "userid");
            entries(Json.field(u, "entries")).forEach(e -> table.row(userid, Json.text(e, "type"), Json.text(e, "id"),
                    Text.yes(e, "enable"), Format.time(Json.number(e, "created").orElse(null)), Text.text(e, "description")));
            String lock = lock(u);
            if (lock != null) {
                locked.add(userid + " (" + lock + ")");
            }
        });
        String text = table.size() == 0 ? "no TFA entries" : table.render(limit);
        return locked.isEmpty() ? text : text + "\nlocked out: " + String.join(", ", locked)
                + "; unlock with proxmox_access_tfa_manage";
    }

    private static String userTfa(String userid, List<JsonNode> entries, int limit) {
        if (entries.isEmpty()) {
            return userid + " has no TFA entries";
        }
        Table table = Table.of("TYPE", "ID", "ENABLED", "CREATED", "DESCRIPTION");
        entries.stream().sorted(Comparator.comparing(e -> Json.number(e, "created").orElse(0L)))
                .forEach(e -> table.row(Json.text(e, "type"), Json.text(e, "id"), Text.yes(e, "enable"),
                        Format.time(Json.number(e, "created").orElse(null)), Text.text(e, "description")));
        return table.render(limit);
    }

    private static List<JsonNode> entries(JsonNode list) {
        List<JsonNode> entries = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.values().forEach(entries::add);
        }
        entries.sort(Comparator.comparing(e -> Json.number(e, "created").orElse(0L)));
        return entries;
    }
}
