package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.proxmoxmcp.core.id.PathGuard;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import io.github.proxmoxmcp.core.testing.HostileValues;
import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every tool of every pack, every action, fed hostile values in each identifier field (and path-like values in every
 * other text field), wrong types and unknown fields, through one server process over stdio: every call is answered,
 * no request reaches a path outside its segment, no identifier is caught only by the client's last guard, and the
 * server is still alive at the end.
 */
class HostileArgumentsIT {

    /** Path-like values for the text fields that are not identifiers (descriptions, comments, file paths...). */
    private static final List<Object> PATH_LIKE = List.of("../x", "a/b", "%2F");
    private static final List<Object> BAD_VMIDS = List.of(0, 99, -100, 1_000_000_000, "../x", "100/../x");
    private static final List<String> SELECTORS = List.of("action", "view", "command", "what", "kind", "source", "type");
    private static final String UPID = "UPID:pve1:000A1B2C:0001E240:65A1B2C3:qmstart:100:root@pam:";
    private static final Map<String, Object> VALID = Map.ofEntries(
            Map.entry("node", "pve1"), Map.entry("target", "pve2"), Map.entry("storage", "local"),
            Map.entry("upid", UPID), Map.entry("volume", "local:iso/a.iso"), Map.entry("archive", "local:backup/a.vma.zst"),
            Map.entry("ostemplate", "local:vztmpl/d.tar.zst"), Map.entry("iso", "local:iso/a.iso"),
            Map.entry("snapname", "snap1"), Map.entry("snapshot", "snap1"), Map.entry("iface", "vmbr0"),
            Map.entry("bridge", "vmbr0"), Map.entry("userid", "alice@pve"), Map.entry("tokenid", "alice@pve!t1"),
            Map.entry("pool", "pool1"), Map.entry("realm", "pve"), Map.entry("group", "admins"), Map.entry("role", "PVEAuditor"),
            Map.entry("name", "name1"), Map.entry("id", "100-0"), Map.entry("service", "pveproxy"), Map.entry("url", "https://a.b/c.iso"),
            Map.entry("cidr", "10.0.0.0/24"), Map.entry("sid", "vm:100"), Map.entry("zone", "zone1"), Map.entry("vnet", "vnet1"));

    private final MockProxmox proxmox = MockProxmox.shared();

    private record Call(String tool, Map<String, Object> arguments) {
    }

    @Test
    void everyToolRefusesHostileArgumentsAndNoRequestLeavesItsEndpoint() throws Exception {
        proxmox.reset();
        proxmox.respond("GET", "/nodes", "[{\"node\":\"pve1\",\"status\":\"online\",\"mem\":1,\"maxmem\":8}]");
        proxmox.respond("GET", "/cluster/resources", "[{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",\"id\":\"qemu/100\","
                + "\"status\":\"running\"},{\"vmid\":101,\"node\":\"pve1\",\"type\":\"lxc\",\"id\":\"lxc/101\",\"status\":\"running\"}]");
        List<String> command = ServerProcess.command();
        Map<String, String> env = new HashMap<>(ServerProcess.env(proxmox.url(), true));
        env.put("PROXMOX_TIMEOUT", "2000");
        McpSyncClient client = McpClient.sync(new StdioClientTransport(ServerParameters.builder(command.getFirst())
                        .args(command.subList(1, command.size())).env(env).build(), McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        try {
            List<McpSchema.Tool> tools = client.listTools().tools();
            Map<String, ToolDefinition<?>> definitions = definitions();
            List<Call> calls = new ArrayList<>();
            tools.forEach(tool -> calls.addAll(callsFor(tool, definitions.get(tool.name()))));
            int identifierFields = tools.stream().mapToInt(t -> identifierFields(definitions.get(t.name())).size()).sum();

            long start = System.nanoTime();
            AtomicInteger protocolErrors = new AtomicInteger();
            List<String> lastGuard = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> answers = new ArrayList<>();
                for (Call call : calls) {
                    answers.add(pool.submit(() -> {
                        try {
                            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(call.tool(), call.arguments()));
                            assertFalse(result.content().isEmpty(), call.tool() + " answered without content");
                            String text = ((McpSchema.TextContent) result.content().getFirst()).text();
                            if (text.contains("refused to send")) {
                                lastGuard.add(call.tool() + " " + shortened(call.arguments()) + ": " + text);
                            }
                        } catch (McpError e) {
                            protocolErrors.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> answer : answers) {
                    answer.get();
                }
            } finally {
                pool.shutdown();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;

            List<MockProxmox.Recorded> requests = proxmox.requests();
            List<String> outside = requests.stream().filter(HostileArgumentsIT::outside).map(MockProxmox.Recorded::line).toList();
            System.out.printf("hostile arguments: %d tools (%d identifier fields), %d calls in %d ms (%d JSON-RPC errors), %d requests sent, "
                            + "%d outside their endpoint, %d caught only by the last guard%n",
                    tools.size(), identifierFields, calls.size(), millis, protocolErrors.get(), requests.size(), outside.size(),
                    lastGuard.size());
            assertEquals(List.of(), outside);
            assertEquals(List.of(), lastGuard);

            proxmox.reset();
            proxmox.respond("GET", "/nodes", "[{\"node\":\"pve1\",\"status\":\"online\",\"uptime\":3600}]");
            McpSchema.CallToolResult alive = client.callTool(new McpSchema.CallToolRequest("proxmox_node_list", Map.of()));
            assertFalse(Boolean.TRUE.equals(alive.isError()), alive.toString());
            assertEquals(List.of("GET /nodes"), proxmox.requests().stream().map(MockProxmox.Recorded::line).toList());
        } finally {
            client.closeGracefully();
        }
    }

    /** A request outside its endpoint: a path the last guard refuses, or one a hostile value was put into. */
    private static boolean outside(MockProxmox.Recorded request) {
        if (PathGuard.problem(request.path()) != null) {
            return true;
        }
        String decoded = URLDecoder.decode(request.path().replace("+", "%2B"), StandardCharsets.UTF_8);
        return decoded.contains("../") || decoded.contains("/..") || decoded.contains("/a/b")
                || decoded.contains("rm -rf") || decoded.contains("x".repeat(64)) || decoded.contains("//");
    }

    private static Map<String, ToolDefinition<?>> definitions() {
        Map<String, ToolDefinition<?>> definitions = new HashMap<>();
        ServiceLoader.load(ToolPack.class).forEach(pack -> pack.tools().forEach(t -> definitions.put(t.name(), t)));
        return definitions;
    }

    /** For each value of the tool's selector (action, view...): hostile values per field, wrong types, an unknown field. */
    @SuppressWarnings("unchecked")
    private static List<Call> callsFor(McpSchema.Tool tool, ToolDefinition<?> definition) {
        Map<String, Object> properties = tool.inputSchema().get("properties") instanceof Map<?, ?> map
                ? (Map<String, Object>) map : Map.of();
        List<String> required = tool.inputSchema().get("required") instanceof List<?> list ? (List<String>) list : List.of();
        Map<String, Boolean> identifiers = identifierFields(definition);
        String selector = SELECTORS.stream().filter(s -> enumValues(properties.get(s)) != null).findFirst().orElse(null);
        List<Object> choices = selector == null ? java.util.Collections.singletonList(null) : enumValues(properties.get(selector));
        List<Call> calls = new ArrayList<>();
        for (Object choice : choices) {
            Map<String, Object> base = baseline(properties, required);
            if (selector != null) {
                base.put(selector, choice);
            }
            properties.forEach((field, schema) -> {
                if (field.equals(selector)) {
                    return;
                }
                for (Object bad : hostileFor(field, schema, identifiers)) {
                    Map<String, Object> arguments = new LinkedHashMap<>(base);
                    arguments.put(field, bad);
                    calls.add(new Call(tool.name(), arguments));
                }
            });
            Map<String, Object> unknown = new LinkedHashMap<>(base);
            unknown.put("zz_unknown", "../x");
            calls.add(new Call(tool.name(), unknown));
        }
        return calls;
    }

    /** JSON names of the input record's {@link PveId} fields; true where the field holds a number. */
    private static Map<String, Boolean> identifierFields(ToolDefinition<?> definition) {
        Map<String, Boolean> fields = new HashMap<>();
        if (definition == null || !definition.inputType().isRecord()) {
            return fields;
        }
        for (RecordComponent component : definition.inputType().getRecordComponents()) {
            boolean direct = component.getAnnotation(PveId.class) != null || component.getAnnotatedType().getAnnotation(PveId.class) != null;
            boolean element = component.getAnnotatedType() instanceof AnnotatedParameterizedType list
                    && list.getAnnotatedActualTypeArguments()[0].getAnnotation(PveId.class) != null;
            if (direct || element) {
                JsonProperty property = component.getAnnotation(JsonProperty.class);
                String name = property != null && !property.value().isEmpty() ? property.value() : component.getName();
                fields.put(name, Number.class.isAssignableFrom(component.getType()));
            }
        }
        return fields;
    }

    private static List<Object> hostileFor(String field, Object schema, Map<String, Boolean> identifiers) {
        String type = type(schema);
        List<Object> values = new ArrayList<>();
        Boolean numeric = identifiers.get(field);
        if (Boolean.TRUE.equals(numeric)) {
            values.addAll(BAD_VMIDS);
        } else if (numeric != null) {
            values.addAll("array".equals(type) ? HostileValues.identifiers().stream().map(v -> (Object) List.of(v)).toList()
                    : HostileValues.identifiers());
        } else if ("string".equals(type) && enumValues(schema) == null) {
            values.addAll(PATH_LIKE);
        } else if ("array".equals(type)) {
            values.addAll(PATH_LIKE.stream().map(v -> (Object) List.of(v)).toList());
        }
        values.add(wrongType(type));
        return values;
    }

    private static Object wrongType(String type) {
        return switch (type == null ? "" : type) {
            case "integer", "number" -> "12/../x";
            case "boolean" -> "../x";
            case "array" -> Map.of("a", "../x");
            case "object" -> List.of("../x");
            default -> Map.of("path", "../x");
        };
    }

    /** Valid values for the required fields, and node and type where the tool takes them. */
    private static Map<String, Object> baseline(Map<String, Object> properties, List<String> required) {
        Map<String, Object> base = new LinkedHashMap<>();
        properties.forEach((field, schema) -> {
            boolean wanted = required.contains(field) || field.equals("node") || field.equals("confirm");
            if (wanted) {
                base.put(field, valid(field, schema));
            }
        });
        return base;
    }

    private static Object valid(String field, Object schema) {
        List<Object> choices = enumValues(schema);
        if (choices != null) {
            return choices.getFirst();
        }
        return switch (type(schema) == null ? "string" : type(schema)) {
            case "integer", "number" -> field.contains("vmid") || field.equals("newid") || field.equals("template")
                    || field.equals("guest") ? 100 : minimum(schema);
            case "boolean" -> true;
            case "array" -> List.of(VALID.getOrDefault(field, "x1"));
            case "object" -> Map.of("description", "x");
            default -> VALID.getOrDefault(field, "x1");
        };
    }

    private static Object minimum(Object schema) {
        return schema instanceof Map<?, ?> map && map.get("minimum") instanceof Number n ? n : 1;
    }

    private static String type(Object schema) {
        return schema instanceof Map<?, ?> map && map.get("type") instanceof String type ? type : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> enumValues(Object schema) {
        return schema instanceof Map<?, ?> map && map.get("enum") instanceof List<?> values ? (List<Object>) values : null;
    }

    private static String shortened(Map<String, Object> arguments) {
        String text = arguments.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
