package io.github.proxmoxmcp.sdn;

import static io.github.proxmoxmcp.core.id.PveFormat.SDN_FABRIC;
import static io.github.proxmoxmcp.core.id.PveFormat.SDN_VNET;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.id.PveId;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_sdn_manage}: create, update or delete (confirm) one SDN object, or a vnet's MAC/IP mapping in its
 * IPAM. Object writes stay pending until {@code proxmox_sdn_apply}; IP mappings take effect at once.
 */
final class SdnManage {

    enum Action { create, update, delete }

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull Kind kind,
                 String id,
                 @PveId(SDN_VNET) String vnet,
                 @PveId(SDN_FABRIC) String fabric,
                 @JsonPropertyDescription("Settings, e.g. type, tag; null removes") Map<String, Object> set,
                 String lock,
                 Boolean confirm) implements Confirmable {
    }

    /** The plugin types each kind has. */
    private static final Map<Kind, List<String>> TYPES = Map.of(
            Kind.zone, List.of("simple", "vlan", "qinq", "vxlan", "evpn", "faucet"),
            Kind.controller, List.of("evpn", "bgp", "isis", "faucet"),
            Kind.ipam, List.of("pve", "netbox", "phpipam"),
            Kind.dns, List.of("powerdns"),
            Kind.fabric, List.of("openfabric", "ospf"),
            Kind.fabric_node, List.of("openfabric", "ospf"));

    /** Settings a create cannot go without (the schema requires them). */
    private static final Map<Kind, List<String>> REQUIRED = Map.of(
            Kind.vnet, List.of("zone"), Kind.dns, List.of("url", "key"), Kind.fabric_node, List.of("interfaces"));

    private SdnManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_sdn_manage",
                        "Create/update/delete (confirm) SDN objects, pending until proxmox_sdn_apply; kind=ip: vnet MAC/IP, now.",
                        Input.class, ToolHints.DESTRUCTIVE, SdnManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Kind kind = input.kind();
        String parent = Parents.of(kind, input.vnet(), input.fabric());
        if (input.id() == null) {
            throw new ToolInputException("id is required: the " + kind.label() + (kind == Kind.subnet ? " CIDR" : "")
                    + (kind == Kind.ip ? " address" : ""));
        }
        Map<String, Object> set = Settings.values(kind, input.set());
        String type = kind.typeParam() == null ? null : (String) set.remove(kind.typeParam());
        List<String> unset = Settings.unset(kind, input.set(), removable(kind));
        checkShape(input, kind, type, set, unset);
        SdnClient client = context.bean(SdnClient.class);
        if (kind == Kind.ip) {
            return ip(input, set, client);
        }
        String what = "SDN " + kind.label() + " " + input.id();
        String pending = "; pending until applied with proxmox_sdn_apply";
        return switch (input.action()) {
            case create -> create(input, kind, parent, type, set, client).thenReturn(ToolResult.ok(what + " created" + pending));
            case update -> Subnets.id(kind, parent, input.id(), client)
                    .flatMap(id -> update(input, kind, parent, id, type, set, unset, client))
                    .thenReturn(ToolResult.ok(what + " updated" + changed(set, unset) + pending));
            case delete -> Subnets.id(kind, parent, input.id(), client)
                    .flatMap(id -> client.delete(kind.object(parent, id), kind.lockOnDelete() ? input.lock() : null))
                    .thenReturn(ToolResult.ok(what + " deleted" + pending));
        };
    }

    /** Everything that needs no request: ids, type, which fields go with the action. */
    private static void checkShape(Input input, Kind kind, String type, Map<String, Object> set, List<String> unset) {
        String id = input.id();
        if (kind == Kind.ip) {
            if (!id.matches("[0-9a-fA-F.:]{2,45}")) {
                throw new ToolInputException("id: must be an IPv4 or IPv6 address, e.g. 10.0.0.5");
            }
        } else if (kind == Kind.subnet && input.action() == Action.create) {
            Subnets.checkCidr(id);
        } else if (kind != Kind.subnet || !id.contains("/")) {
            kind.format().check("id", id);
        }
        if (type != null) {
            List<String> types = TYPES.get(kind);
            boolean typed = kind == Kind.fabric || kind == Kind.fabric_node || input.action() == Action.create;
            if (!typed) {
                throw new ToolInputException("set." + kind.typeParam() + " goes with action=create: an SDN " + kind.label()
                        + " keeps its type");
            }
            if (!types.contains(type)) {
                throw new ToolInputException("set." + kind.typeParam() + " of an SDN " + kind.label() + " must be one of "
                        + Kind.names(types));
            }
        }
        if (input.lock() != null && (kind == Kind.ip || input.action() == Action.delete && !kind.lockOnDelete())) {
            throw new ToolInputException("lock does not go with " + (kind == Kind.ip ? "kind=ip" : "a " + kind.label()
                    + " delete"));
        }
        switch (input.action()) {
            case create -> {
                if (!unset.isEmpty()) {
                    throw new ToolInputException("set." + unset.getFirst() + ": null removes a setting, on action=update");
                }
                if (type == null && TYPES.containsKey(kind) && kind != Kind.fabric_node) {
                    throw new ToolInputException("set." + kind.typeParam() + " is required to create an SDN " + kind.label()
                            + ": " + Kind.names(TYPES.get(kind)));
                }
                for (String required : REQUIRED.getOrDefault(kind, List.of())) {
                    if (!set.containsKey(required)) {
                        throw new ToolInputException("set." + required + " is required to create an SDN " + kind.label());
                    }
                }
                if (kind == Kind.ip && set.containsKey("vmid")) {
                    throw new ToolInputException("set.vmid goes with action=update of an ip");
                }
            }
            case update -> {
                if (set.isEmpty() && unset.isEmpty() && (kind != Kind.fabric && kind != Kind.fabric_node || type == null)) {
                    throw new ToolInputException("action=update needs set: a value changes a setting, null removes it");
                }
                if (kind == Kind.ip && !unset.isEmpty()) {
                    throw new ToolInputException("an ip mapping has nothing to remove: delete it instead");
                }
            }
            case delete -> {
                if (!set.isEmpty() && !(kind == Kind.ip && set.keySet().equals(java.util.Set.of("mac"))) || !unset.isEmpty()
                        || type != null) {
                    throw new ToolInputException("action=delete takes only the id" + (kind == Kind.ip ? " and set.mac" : "")
                            + " (and lock)");
                }
            }
        }
    }

    private static Mono<?> create(Input input, Kind kind, String parent, String type, Map<String, Object> set, SdnClient client) {
        Params form = Params.create().put(kind.idParam(), input.id());
        if (kind == Kind.subnet) {
            form.put("type", "subnet");
        }
        Mono<String> chosen = kind == Kind.fabric_node && type == null ? protocolOf(parent, client)
                : Mono.justOrEmpty(type);
        return chosen.defaultIfEmpty("").flatMap(t -> {
            if (kind.typeParam() != null && !t.isEmpty()) {
                form.put(kind.typeParam(), t);
            }
            putAll(form, set);
            form.put("lock-token", input.lock());
            return client.create(kind.collection(parent), form.form());
        });
    }

    private static Mono<?> update(Input input, Kind kind, String parent, String id, String type, Map<String, Object> set,
                                  List<String> unset, SdnClient client) {
        if (kind == Kind.fabric) {
            return (type != null ? Mono.just(type) : current(kind, parent, id, client)
                    .map(c -> Json.text(c, "protocol", ""))).flatMap(protocol -> {
                // the schema requires delete on a fabric update, also when there is nothing to remove
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("protocol", protocol);
                body.putAll(set);
                body.put("delete", unset);
                if (input.lock() != null) {
                    body.put("lock-token", input.lock());
                }
                return client.updateJson(kind.object(parent, id), body);
            });
        }
        Params form = Params.create();
        Mono<Params> ready = Mono.just(form);
        if (kind == Kind.fabric_node) {
            // protocol and interfaces are required on every update: what is not given is kept as it is
            boolean needCurrent = type == null || !set.containsKey("interfaces");
            ready = (needCurrent ? current(kind, parent, id, client) : Mono.just(JsonNode.nullNode())).map(c -> {
                form.put("protocol", type != null ? type : Json.text(c, "protocol"));
                if (!set.containsKey("interfaces")) {
                    form.putEach("interfaces", interfaces(c));
                }
                return form;
            });
        }
        return ready.flatMap(f -> {
            putAll(f, set);
            if (kind == Kind.fabric_node) {
                f.putEach("delete", unset);
            } else {
                f.delete(unset);
            }
            f.put("lock-token", input.lock());
            return client.update(kind.object(parent, id), f.form());
        });
    }

    /** A vnet's MAC/IP mapping in its zone's IPAM: applied at once, no pending state. */
    private static Mono<ToolResult> ip(Input input, Map<String, Object> set, SdnClient client) {
        String vnet = input.vnet();
        return client.read(List.of("vnets", vnet), null).map(r -> Json.text(r.dataOrNull(), "zone", "")).flatMap(zone -> {
            if (zone.isEmpty()) {
                return Mono.error(new ToolInputException("vnet " + vnet + " has no zone"));
            }
            Params form = Params.create().put("zone", zone).put("ip", input.id());
            putAll(form, set);
            String what = "IP " + input.id() + " in vnet " + vnet;
            return switch (input.action()) {
                case create -> client.createIp(vnet, form.form()).thenReturn(ToolResult.ok(what + " added to the IPAM"
                        + (set.containsKey("mac") ? " for MAC " + set.get("mac") : "")));
                case update -> client.updateIp(vnet, form.form()).thenReturn(ToolResult.ok(what + " updated"
                        + changed(set, List.of())));
                case delete -> client.deleteIp(vnet, zone, input.id(), (String) set.get("mac"))
                        .thenReturn(ToolResult.ok(what + " removed from the IPAM"));
            };
        });
    }

    private static Mono<String> protocolOf(String fabric, SdnClient client) {
        return current(Kind.fabric, null, fabric, client).map(c -> Json.text(c, "protocol", ""));
    }

    private static Mono<JsonNode> current(Kind kind, String parent, String id, SdnClient client) {
        return client.read(kind.object(parent, id), null).map(r -> r.dataOrNull());
    }

    private static List<String> interfaces(JsonNode current) {
        JsonNode value = Json.field(current, "interfaces");
        List<String> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.values().forEach(v -> out.add(v.coerceStringValue()));
        }
        return out;
    }

    private static void putAll(Params form, Map<String, Object> set) {
        set.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                form.putEach(name, list);
            } else {
                form.put(name, value);
            }
        });
    }

    /** Which settings can be removed: a fabric's are only its protocol's timers and area. */
    private static List<String> removable(Kind kind) {
        return switch (kind) {
            case fabric -> List.of("hello_interval", "csnp_interval", "area");
            case fabric_node -> List.of("ip", "ip6");
            default -> null;
        };
    }

    private static String changed(Map<String, Object> set, List<String> unset) {
        List<String> parts = new ArrayList<>();
        if (!set.isEmpty()) {
            parts.add("set " + Kind.names(set.keySet()));
        }
        if (!unset.isEmpty()) {
            parts.add("removed " + Kind.names(unset));
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }
}
