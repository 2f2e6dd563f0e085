package io.github.proxmoxmcp.firewall;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.ProxmoxApiException;
import io.github.proxmoxmcp.core.client.ProxmoxErrors;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * After a change that can lock the admin out (a firewall turned on, an input policy of DROP or REJECT), reads
 * the rules back and says whether 8006 and 22 still get in, the way pve-firewall builds its input chain: a
 * host checks its own rules, then the cluster rules (security groups expanded in place), then accepts 8006, 22
 * and the console ports from the {@code management} IP set, which always holds the node's local network, then
 * applies the cluster's {@code policy_in}; a guest checks its own rules, then its {@code policy_in}. Both
 * policies default to DROP. Macros other than SSH (22) and PMG (8006) are not expanded.
 */
final class AdminAccess {

    /** A port an admin needs, and what it is for. */
    record Port(int number, String purpose) {
        String label() {
            return number + " (" + purpose + ")";
        }
    }

    static final Port API = new Port(8006, "web UI and API");
    static final Port SSH = new Port(22, "SSH");

    /** A rule as the chain meets it, with where it comes from for the report. */
    private record Placed(String where, JsonNode rule) {
    }

    private static final String MANAGEMENT = "management";

    private AdminAccess() {
    }

    /** The report, or a line saying why it could not be made: the change itself is done either way. */
    static Mono<String> report(Target t, FirewallClient client, JsonMapper json) {
        Mono<String> report = switch (t.scope()) {
            case guest -> guest(t, client);
            case node, cluster -> host(t, client, json);
            case vnet -> Mono.just("\n(a vnet firewall filters forwarded guest traffic: access to the nodes does not change)");
            case group -> Mono.just("");
        };
        return report.onErrorResume(e -> Mono.just("\naccess check not possible (the change is done): "
                + ProxmoxErrors.map(e, json).userMessage().lines().findFirst().orElse("")));
    }

    private static Mono<String> guest(Target t, FirewallClient client) {
        return Mono.zip(options(client, t.root()), options(client, Target.CLUSTER), rules(client, t.rules()))
                .flatMap(z -> placed(client, List.of(new Labelled("", z.getT3()))).map(rules -> {
                    JsonNode guest = z.getT1();
                    String policy = policy(guest);
                    return "\naccess to " + t.label() + " (" + state(Json.flag(guest, "enable"), Json.flag(z.getT2(), "enable"),
                            policy) + "):" + line(SSH, rules, null, policy, t.label());
                }));
    }

    private static Mono<String> host(Target t, FirewallClient client, JsonMapper json) {
        Mono<JsonNode> nodeOptions = t.scope() == Scope.node ? options(client, t.root()) : Mono.just(JsonNode.nullNode());
        Mono<List<JsonNode>> nodeRules = t.scope() == Scope.node ? rules(client, t.rules()) : Mono.just(List.of());
        Mono<List<JsonNode>> management = client.ipsetEntries(Target.CLUSTER, MANAGEMENT).map(PveResponse::list)
                .onErrorResume(e -> ProxmoxErrors.map(e, json).kind() == ProxmoxApiException.Kind.NOT_FOUND,
                        e -> Mono.just(List.of()));
        return Mono.zip(options(client, Target.CLUSTER), nodeOptions, nodeRules, rules(client, Target.cluster().rules()),
                management).flatMap(z -> {
                    List<Labelled> lists = new ArrayList<>();
                    if (t.scope() == Scope.node) {
                        lists.add(new Labelled(" of " + t.label(), z.getT3()));
                    }
                    lists.add(new Labelled(" of cluster", z.getT4()));
                    return placed(client, lists).map(rules -> {
                        JsonNode cluster = z.getT1();
                        // a node firewall is on unless set to 0
                        boolean nodeOn = t.scope() != Scope.node || !"0".equals(Json.text(z.getT2(), "enable"));
                        String policy = policy(cluster);
                        String where = t.scope() == Scope.node ? t.label() : "the nodes";
                        StringBuilder text = new StringBuilder("\naccess to " + where + " ("
                                + state(nodeOn, Json.flag(cluster, "enable"), policy) + "):");
                        Management mgmt = management(z.getT5());
                        text.append(line(API, rules, mgmt, policy, where));
                        text.append(line(SSH, rules, mgmt, policy, where));
                        if (t.scope() == Scope.cluster) {
                            text.append("\n(node rules are not read: check them with scope node)");
                        }
                        return text.toString();
                    });
                });
    }

    private record Labelled(String suffix, List<JsonNode> rules) {
    }

    /** The rules in chain order, enabled {@code in} rules only, each security group's in rules in its place. */
    private static Mono<List<Placed>> placed(FirewallClient client, List<Labelled> lists) {
        Set<String> groups = new LinkedHashSet<>();
        lists.forEach(l -> l.rules().stream().filter(r -> Json.flag(r, "enable") && "group".equals(Json.text(r, "type")))
                .forEach(r -> groups.add(Json.text(r, "action"))));
        return Flux.fromIterable(groups)
                .concatMap(g -> rules(client, Target.group(g).rules()).onErrorReturn(List.of()).map(r -> Map.entry(g, r)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
                .map(members -> {
                    List<Placed> placed = new ArrayList<>();
                    for (Labelled list : lists) {
                        for (JsonNode rule : list.rules()) {
                            if (!Json.flag(rule, "enable")) {
                                continue;
                            }
                            String where = "rule " + Json.text(rule, "pos", "?") + list.suffix();
                            String type = Json.text(rule, "type", "");
                            if (type.equals("in")) {
                                placed.add(new Placed(where, rule));
                            } else if (type.equals("group")) {
                                String group = Json.text(rule, "action");
                                members.getOrDefault(group, List.of()).stream()
                                        .filter(m -> Json.flag(m, "enable") && "in".equals(Json.text(m, "type")))
                                        .forEach(m -> placed.add(new Placed("rule " + Json.text(m, "pos", "?") + " of group "
                                                + group + " (used by " + where + ")", m)));
                            }
                        }
                    }
                    return placed;
                });
    }

    /** Who the {@code management} IP set lets in: its entries, and always the local network. */
    private record Management(List<String> entries) {
        String describe() {
            return entries.isEmpty() ? "the local network (the management IP set is empty)"
                    : "the management IP set (" + String.join(", ", entries) + ") and the local network";
        }
    }

    /**
     * One port's verdict.
     *
     * @param management the hosts' management IP set, or null for a guest
     */
    private static String line(Port port, List<Placed> rules, Management management, String policy, String where) {
        List<String> opens = new ArrayList<>();
        String blockedBy = null;
        boolean openToAll = false;
        for (Placed p : rules) {
            if (!covers(p.rule(), port.number())) {
                continue;
            }
            String action = Json.text(p.rule(), "action", "").toUpperCase(Locale.ROOT);
            boolean everyone = blank(Json.text(p.rule(), "source")) && blank(Json.text(p.rule(), "iface"));
            if (action.equals("ACCEPT")) {
                opens.add(p.where() + " (" + from(p.rule()) + ")");
                if (everyone) {
                    openToAll = true;
                    break;
                }
            } else if (everyone && (action.equals("DROP") || action.equals("REJECT"))) {
                blockedBy = p.where();
                break;
            }
        }
        String cut = blockedBy == null ? "" : "; then " + blockedBy + " drops it from anywhere else";
        if (blockedBy == null && !openToAll && policy.equals("ACCEPT")) {
            opens.add("policy_in ACCEPT");
        }
        if (blockedBy == null && !openToAll && management != null) {
            if (opens.isEmpty() && management.entries().isEmpty()) {
                return "\n- " + port.label() + ": open only from the local network (the management IP set is empty); "
                        + "from anywhere else it is cut";
            }
            opens.add(management.describe());
        }
        if (!opens.isEmpty()) {
            return "\n- " + port.label() + ": open by " + String.join("; ", opens) + cut;
        }
        if (blockedBy != null) {
            return "\nWARNING: " + port.label() + " is cut: " + blockedBy + " drops it from anywhere"
                    + (management != null ? ", before the management IP set is checked" : "")
                    + ". Add an in ACCEPT rule for it above that rule, or undo the change.";
        }
        return "\nWARNING: " + port.label() + " is cut: no rule lets it into " + where + " and policy_in is " + policy
                + ". Add an in ACCEPT rule (macro " + (port.number() == 22 ? "SSH" : "PMG") + " or dport " + port.number()
                + ") or undo the change.";
    }

    /** Does the rule match TCP to this port? */
    static boolean covers(JsonNode rule, int port) {
        String macro = Json.text(rule, "macro");
        if (!blank(macro)) {
            return macro.equalsIgnoreCase("SSH") && port == 22 || macro.equalsIgnoreCase("PMG") && port == 8006;
        }
        String proto = Json.text(rule, "proto");
        if (!blank(proto) && !proto.equalsIgnoreCase("tcp") && !proto.equals("6")) {
            return false;
        }
        String dport = Json.text(rule, "dport");
        if (blank(dport)) {
            return true;
        }
        for (String part : dport.split(",")) {
            String[] range = part.trim().split(":", 2);
            Integer low = port(range[0]);
            Integer high = range.length == 2 ? port(range[1]) : low;
            if (low != null && high != null && low <= port && port <= high) {
                return true;
            }
        }
        return false;
    }

    private static Integer port(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("ssh")) {
            return 22;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String from(JsonNode rule) {
        String source = Json.text(rule, "source");
        String iface = Json.text(rule, "iface");
        String from = blank(source) ? "from anywhere" : "from " + source;
        return blank(iface) ? from : from + " on " + iface;
    }

    private static Management management(List<JsonNode> entries) {
        return new Management(entries.stream().filter(e -> !Json.flag(e, "nomatch")).map(e -> Json.text(e, "cidr"))
                .sorted().toList());
    }

    private static String state(boolean own, boolean cluster, String policy) {
        if (!cluster) {
            return "not filtered yet: the cluster firewall is off; once it is on, policy_in " + policy;
        }
        return own ? "firewall on, policy_in " + policy : "firewall off, so nothing is filtered; once on, policy_in " + policy;
    }

    private static String policy(JsonNode options) {
        String policy = Json.text(options, "policy_in");
        return blank(policy) ? "DROP" : policy.toUpperCase(Locale.ROOT);
    }

    private static Mono<JsonNode> options(FirewallClient client, List<String> root) {
        return client.options(root).map(PveResponse::dataOrNull);
    }

    private static Mono<List<JsonNode>> rules(FirewallClient client, List<String> rules) {
        return client.rules(rules).map(PveResponse::list);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
